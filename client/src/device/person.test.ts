import type { MemberId } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { readTabletPerson, saveTabletPerson } from './person';

describe('tablet person', () => {
  it('is kept per club, and cleared on request', () => {
    const storage = window.localStorage;
    storage.clear();
    const lan = 'member-lan-0001' as MemberId;
    expect(readTabletPerson('club-a', storage)).toBeNull();
    saveTabletPerson('club-a', lan, storage);
    expect(readTabletPerson('club-a', storage)).toBe(lan);
    expect(readTabletPerson('club-b', storage)).toBeNull();
    storage.setItem('chungtay.person.club-b', '<script>');
    expect(readTabletPerson('club-b', storage)).toBeNull();
    saveTabletPerson('club-a', null, storage);
    expect(readTabletPerson('club-a', storage)).toBeNull();
  });
});
