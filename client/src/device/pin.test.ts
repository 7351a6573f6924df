import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { checkPin, hasPin, isWellFormedPin, setPin, waitAfter } from './pin';

describe('PIN per person on this tablet', () => {
  it('accepts 4 to 6 digits only', () => {
    expect(['1234', '123456'].map(isWellFormedPin)).toEqual([true, true]);
    expect(['123', '1234567', '12a4', ' 1234', ''].map(isWellFormedPin)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('is kept per club and person, as a salted hash, never in the clear', async () => {
    const factory = new IDBFactory();
    expect(await hasPin('club-a', 'member-lan', factory)).toBe(false);
    expect((await checkPin('club-a', 'member-lan', '1234', 0, factory)).type).toBe('notSet');
    await setPin('club-a', 'member-lan', '2468', factory);
    await setPin('club-a', 'member-hoa', '2468', factory);
    expect(await hasPin('club-a', 'member-lan', factory)).toBe(true);
    expect(await hasPin('club-b', 'member-lan', factory)).toBe(false);
    const stored = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const open = factory.open('chungtay-device');
      open.onsuccess = () => {
        const all = open.result.transaction('pins').objectStore('pins').getAll();
        all.onsuccess = () => resolve(all.result);
        all.onerror = () => reject(all.error);
      };
    });
    const hashes = stored.map((record) => [...new Uint8Array(record.hash as ArrayBuffer)].join(','));
    expect(JSON.stringify(stored.map((record) => Object.keys(record)))).not.toContain('pin');
    expect(hashes.join(';')).not.toContain([...new TextEncoder().encode('2468')].join(','));
    // The same PIN for two people gives two hashes: each has its own salt.
    expect(stored.map((record) => (record.hash as ArrayBuffer).byteLength)).toEqual([32, 32]);
    expect(hashes[0]).not.toBe(hashes[1]);
    expect((await checkPin('club-a', 'member-lan', '2468', 0, factory)).type).toBe('ok');
  });

  it('makes each wrong try past the third wait longer, and a right one clears the count', async () => {
    const factory = new IDBFactory();
    await setPin('club-a', 'member-lan', '2468', factory);
    let now = 1_000_000;
    expect((await checkPin('club-a', 'member-lan', '0000', now, factory)).type).toBe('wrong');
    expect((await checkPin('club-a', 'member-lan', '0000', now, factory)).type).toBe('wrong');
    expect(await checkPin('club-a', 'member-lan', '0000', now, factory)).toEqual({
      type: 'wait',
      seconds: 5,
    });
    // While waiting, even the right PIN is not tried.
    expect(await checkPin('club-a', 'member-lan', '2468', now + 1000, factory)).toEqual({
      type: 'wait',
      seconds: 4,
    });
    now += 5_000;
    expect(await checkPin('club-a', 'member-lan', '1111', now, factory)).toEqual({
      type: 'wait',
      seconds: 10,
    });
    now += 10_000;
    expect((await checkPin('club-a', 'member-lan', '2468', now, factory)).type).toBe('ok');
    expect((await checkPin('club-a', 'member-lan', '0000', now, factory)).type).toBe('wrong');
    expect(waitAfter(30)).toBe(300_000);
  });
});
