import type { MemberId, TabletKey } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { readKeyPins, trustedTabletKeys } from './key-pins';

const LAN = 'member-lan-0001' as MemberId;
const key = (tablet: string, publicKey: string): [string, TabletKey] => [
  tablet,
  { tablet, publicKey, person: LAN, at: '2026-03-20T10:30:00.000Z' },
];

describe('key pins on this tablet', () => {
  it('keep the first key seen per tablet, per club, and flag a later change', () => {
    const storage = window.localStorage;
    storage.clear();
    const first = trustedTabletKeys('club-a', new Map([key('tab-0001', 'AAA')]), storage);
    expect(first.changed.size).toBe(0);
    expect(readKeyPins('club-a', storage).get('tab-0001')).toBe('AAA');
    expect(readKeyPins('club-b', storage).size).toBe(0);

    const swapped = trustedTabletKeys('club-a', new Map([key('tab-0001', 'BBB')]), storage);
    expect([...swapped.changed]).toEqual(['tab-0001']);
    expect(swapped.keys.get('tab-0001')?.publicKey).toBe('AAA');
    expect(readKeyPins('club-a', storage).get('tab-0001')).toBe('AAA');
  });

  it('reads damaged storage as no pins', () => {
    window.localStorage.setItem('chungtay.keyPins.club-c', '{not json');
    expect(readKeyPins('club-c').size).toBe(0);
  });
});
