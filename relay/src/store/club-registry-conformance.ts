/** The tablets' half of every ClubRegistry (club-registry.ts), one suite for memory, SQLite and PostgreSQL. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Storage } from './doc-store';
import type { StorageFixture } from './doc-store-conformance';

const KEYS = { editorKeyHash: 'e1', viewerKeyHash: 'v1' };
const LAN = { tabletId: 'tablet-lan-01', keyHash: 'hash-lan', person: 'member-lan-0001' };
const HOA = { tabletId: 'tablet-hoa-01', keyHash: 'hash-hoa', person: 'member-hoa-0001' };

export function runClubRegistryTests(name: string, setup: () => StorageFixture): void {
  describe(`${name} tablet keys conformance`, () => {
    let fixture: StorageFixture;
    let storage: Storage | undefined;
    let peer: Storage | undefined;
    const open = async () => {
      fixture = setup();
      storage = await fixture.open();
      await storage.clubs.create('club-a', KEYS);
      return storage.clubs;
    };
    afterEach(async () => {
      await peer?.close();
      await storage?.close();
      await fixture.cleanup();
      storage = undefined;
      peer = undefined;
    });

    it("registers tablets, finds one by its key's hash in its own club only, and lists them in order", async () => {
      const clubs = await open();
      expect(await clubs.registerTablet('club-a', LAN, 1000)).toBe('registered');
      expect(await clubs.registerTablet('club-a', HOA, 2000)).toBe('registered');
      expect(await clubs.findTablet('club-a', 'hash-lan')).toEqual({
        ...LAN,
        registeredAt: 1000,
        lastSeenAt: null,
        revokedAt: null,
      });
      expect(await clubs.findTablet('club-b', 'hash-lan')).toBeUndefined();
      expect(await clubs.findTablet('club-a', 'hash-none')).toBeUndefined();
      expect((await clubs.listTablets('club-a')).map((t) => t.tabletId)).toEqual([
        LAN.tabletId,
        HOA.tabletId,
      ]);
      expect(await clubs.listTablets('club-b')).toEqual([]);
    });

    it('takes the same tablet and key again as a change of person, and refuses its id with another key', async () => {
      const clubs = await open();
      await clubs.registerTablet('club-a', LAN, 1000);
      expect(await clubs.registerTablet('club-a', { ...LAN, person: 'member-mai-0001' }, 5000)).toBe(
        'updated',
      );
      const found = await clubs.findTablet('club-a', LAN.keyHash);
      expect(found?.person).toBe('member-mai-0001');
      expect(found?.registeredAt).toBe(1000);
      expect(await clubs.registerTablet('club-a', { ...LAN, keyHash: 'hash-thief' }, 6000)).toBe('taken');
      expect(await clubs.findTablet('club-a', 'hash-thief')).toBeUndefined();
    });

    it('records when a tablet was last seen, and ignores an unknown tablet', async () => {
      const clubs = await open();
      await clubs.registerTablet('club-a', LAN, 1000);
      await clubs.tabletSeen('club-a', LAN.tabletId, 7000);
      await clubs.tabletSeen('club-a', 'tablet-unknown', 7000);
      expect((await clubs.findTablet('club-a', LAN.keyHash))?.lastSeenAt).toBe(7000);
      expect(await clubs.listTablets('club-a')).toHaveLength(1);
    });

    it('revokes one tablet, keeps its first revocation time, and never lets it register again', async () => {
      const clubs = await open();
      await clubs.registerTablet('club-a', LAN, 1000);
      await clubs.registerTablet('club-a', HOA, 1000);
      expect((await clubs.revokeTablet('club-a', LAN.tabletId, 8000))?.revokedAt).toBe(8000);
      expect((await clubs.revokeTablet('club-a', LAN.tabletId, 9000))?.revokedAt).toBe(8000);
      expect(await clubs.revokeTablet('club-a', 'tablet-unknown', 9000)).toBeUndefined();
      expect((await clubs.findTablet('club-a', LAN.keyHash))?.revokedAt).toBe(8000);
      expect((await clubs.findTablet('club-a', HOA.keyHash))?.revokedAt).toBeNull();
      expect(await clubs.registerTablet('club-a', LAN, 9500)).toBe('taken');
    });

    it("deletes a club's tablets with the club, and only that club's", async () => {
      const clubs = await open();
      await clubs.create('club-ab', KEYS);
      await clubs.registerTablet('club-a', LAN, 1000);
      await clubs.registerTablet('club-ab', HOA, 1000);
      expect(await clubs.delete('club-a')).toBe(true);
      expect(await clubs.listTablets('club-a')).toEqual([]);
      expect(await clubs.findTablet('club-a', LAN.keyHash)).toBeUndefined();
      expect((await clubs.listTablets('club-ab')).map((t) => t.tabletId)).toEqual([HOA.tabletId]);
    });

    it('keeps tablets across close and reopen, and shows one registration to a second process', async () => {
      const clubs = await open();
      await clubs.registerTablet('club-a', LAN, 1000);
      await clubs.revokeTablet('club-a', LAN.tabletId, 2000);
      if (fixture.openPeer !== undefined) {
        peer = await fixture.openPeer();
        expect((await peer.clubs.findTablet('club-a', LAN.keyHash))?.revokedAt).toBe(2000);
        // Both processes register the same new tablet at once: exactly one registers it.
        const results = await Promise.all([
          clubs.registerTablet('club-a', HOA, 3000),
          peer.clubs.registerTablet('club-a', HOA, 3000),
        ]);
        expect(results.sort()).toEqual(['registered', 'updated']);
      }
      await storage?.close();
      storage = await fixture.open();
      expect((await storage.clubs.findTablet('club-a', LAN.keyHash))?.revokedAt).toBe(2000);
    });
  });
}
