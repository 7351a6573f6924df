// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { rememberClub, saveRelayOrigin } from './device';
import {
  listHeldDocs,
  listUnsent,
  markSent,
  markUnsent,
  offerHeldDocsNowAndThen,
  onUnsentChange,
  rememberHeldDoc,
  resendHeldDocs,
} from './unsent-docs';

const minutes = {
  documentName: 'club-1/meeting/m1',
  storageName: 'chungtay-minutes-club-1-m1',
  keepHistory: true,
};
const health = { documentName: 'club-1/health', storageName: 'chungtay-health-club-1', keepHistory: false };

afterEach(() => localStorage.clear());

describe('unsent docs', () => {
  it('lists each doc once until a relay confirms it, per club', () => {
    markUnsent('club-1', minutes);
    markUnsent('club-1', minutes);
    markUnsent('club-1', health);
    markUnsent('club-2', { ...health, documentName: 'club-2/health' });
    expect(listUnsent('club-1')).toEqual([minutes, health]);
    markSent('club-1', minutes.documentName);
    expect(listUnsent('club-1')).toEqual([health]);
    markSent('club-1', health.documentName);
    expect(listUnsent('club-1')).toEqual([]);
    expect(localStorage.getItem('chungtay.unsent.club-1')).toBeNull();
    expect(listUnsent('club-2')).toHaveLength(1);
  });

  it('skips what it cannot read in storage instead of trusting it', () => {
    localStorage.setItem('chungtay.unsent.club-1', '{not json');
    expect(listUnsent('club-1')).toEqual([]);
    localStorage.setItem('chungtay.unsent.club-1', JSON.stringify([minutes, { documentName: 3 }, null, 'x']));
    expect(listUnsent('club-1')).toEqual([minutes]);
  });

  it('tells listeners of changes made in this tab and in other tabs', () => {
    const heard: string[] = [];
    const stop = onUnsentChange((clubId) => heard.push(clubId));
    markUnsent('club-1', minutes);
    markUnsent('club-1', minutes); // no change, no call
    markSent('club-9', 'nothing'); // no change, no call
    window.dispatchEvent(new StorageEvent('storage', { key: 'chungtay.unsent.club-7' }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'chungtay.clubs' }));
    stop();
    markSent('club-1', minutes.documentName);
    expect(heard).toEqual(['club-1', 'club-7']);
  });

  it('offers every doc the tablet holds again to a new sync server, sent or not, each once', () => {
    rememberHeldDoc('club-1', health); // opened here, received from the relay, never edited here
    markUnsent('club-1', minutes);
    markSent('club-1', minutes.documentName);
    expect(listHeldDocs('club-1')).toEqual([health, minutes]);
    expect(listUnsent('club-1')).toEqual([]);
    resendHeldDocs('club-1');
    resendHeldDocs('club-1');
    expect(listUnsent('club-1')).toEqual([health, minutes]);
  });

  it('puts every club’s docs back on the list when the tablet moves to another sync server, and only then', () => {
    rememberClub({ id: 'club-1', name: 'CLB thôn Đông', kind: 'selfHelp', memberCount: 3 });
    markUnsent('club-1', minutes);
    markSent('club-1', minutes.documentName);
    saveRelayOrigin(location.origin); // the same server, said differently: nothing to resend
    expect(listUnsent('club-1')).toEqual([]);
    saveRelayOrigin('https://dongbo.example.vn');
    expect(listUnsent('club-1')).toEqual([minutes]);
  });

  it('offers the held docs again once a week while the club syncs, starting the clock on the first call', () => {
    const day = 24 * 60 * 60 * 1000;
    markUnsent('club-1', minutes);
    markSent('club-1', minutes.documentName);
    offerHeldDocsNowAndThen('club-1', 100 * day);
    expect(listUnsent('club-1')).toEqual([]);
    offerHeldDocsNowAndThen('club-1', 106 * day);
    expect(listUnsent('club-1')).toEqual([]);
    offerHeldDocsNowAndThen('club-1', 107 * day);
    expect(listUnsent('club-1')).toEqual([minutes]);
    markSent('club-1', minutes.documentName);
    offerHeldDocsNowAndThen('club-1', 108 * day);
    expect(listUnsent('club-1')).toEqual([]);
  });
});
