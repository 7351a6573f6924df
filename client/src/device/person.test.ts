import type { MemberId } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import {
  askPersonOnOpen,
  doneAskingPerson,
  onTabletPersonChange,
  readTabletPerson,
  saveTabletPerson,
  shouldAskPerson,
  switchTabletPerson,
} from './person';

const lan = 'member-lan-0001' as MemberId;

describe('tablet person', () => {
  it('is kept per club, and cleared on request', () => {
    const storage = window.localStorage;
    storage.clear();
    expect(readTabletPerson('club-a', storage)).toBeNull();
    saveTabletPerson('club-a', lan, storage);
    expect(readTabletPerson('club-a', storage)).toBe(lan);
    expect(readTabletPerson('club-b', storage)).toBeNull();
    storage.setItem('chungtay.person.club-b', '<script>');
    expect(readTabletPerson('club-b', storage)).toBeNull();
    saveTabletPerson('club-a', null, storage);
    expect(readTabletPerson('club-a', storage)).toBeNull();
  });

  it("tells this club's listeners when the person switches, and no one else", () => {
    localStorage.clear();
    const heard: string[] = [];
    const stopA = onTabletPersonChange('club-a', () => heard.push('a'));
    const stopB = onTabletPersonChange('club-b', () => heard.push('b'));
    switchTabletPerson('club-a', lan);
    expect(heard).toEqual(['a']);
    stopA();
    stopB();
    switchTabletPerson('club-a', null);
    expect(heard).toEqual(['a']);
  });

  it('asks once after joining, until someone is chosen or the question is put aside', () => {
    localStorage.clear();
    expect(shouldAskPerson('club-a')).toBe(false);
    askPersonOnOpen('club-a');
    expect(shouldAskPerson('club-a')).toBe(true);
    saveTabletPerson('club-a', lan);
    expect(shouldAskPerson('club-a')).toBe(false);
    saveTabletPerson('club-a', null);
    doneAskingPerson('club-a');
    expect(shouldAskPerson('club-a')).toBe(false);
  });
});
