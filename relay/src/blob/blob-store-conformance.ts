/** The one conformance suite every BlobStore implementation must pass. */
import { afterEach, describe, expect, it } from 'vitest';
import type { BlobStore, PutBlob } from './blob-store';

export interface BlobStoreFixture {
  /** Opens the store; calling it again after close() reopens the same data. */
  open(): BlobStore | Promise<BlobStore>;
  cleanup(): void | Promise<void>;
}

const photo = (clubId: string, hash: string, bytes: number[]): PutBlob => ({
  clubId,
  hash,
  bytes: new Uint8Array(bytes),
  contentType: 'image/jpeg',
  scope: 'club',
});

export function runBlobStoreTests(name: string, setup: () => BlobStoreFixture): void {
  describe(`${name} blob store conformance`, () => {
    let fixture: BlobStoreFixture;
    let store: BlobStore | undefined;
    const open = async () => {
      fixture ??= setup();
      store = await fixture.open();
      return store;
    };
    afterEach(async () => {
      await store?.close();
      store = undefined;
      await fixture?.cleanup();
      fixture = undefined as unknown as BlobStoreFixture;
    });

    it('gives back the bytes, type and scope it was given', async () => {
      const blobs = await open();
      expect(await blobs.put({ ...photo('club-a', 'h1', [1, 2, 3]), scope: 'health' })).toBe(true);
      const stored = await blobs.get('club-a', 'h1');
      expect(stored && [...stored.bytes]).toEqual([1, 2, 3]);
      expect(stored?.contentType).toBe('image/jpeg');
      expect(stored?.scope).toBe('health');
      expect(await blobs.has('club-a', 'h1')).toBe(true);
    });

    it('keeps clubs apart: the same hash in another club is not found', async () => {
      const blobs = await open();
      await blobs.put(photo('club-a', 'h1', [1]));
      expect(await blobs.get('club-b', 'h1')).toBeUndefined();
      expect(await blobs.has('club-b', 'h1')).toBe(false);
    });

    it('stores a blob once: a second put changes nothing and is counted once', async () => {
      const blobs = await open();
      expect(await blobs.put(photo('club-a', 'h1', [1, 2]))).toBe(true);
      expect(await blobs.put({ ...photo('club-a', 'h1', [1, 2]), scope: 'health' })).toBe(false);
      expect((await blobs.get('club-a', 'h1'))?.scope).toBe('club');
      expect(await blobs.clubBytes('club-a')).toBe(2);
    });

    it("counts a club's bytes, and nothing for a club without blobs", async () => {
      const blobs = await open();
      await blobs.put(photo('club-a', 'h1', [1, 2, 3]));
      await blobs.put(photo('club-a', 'h2', [4, 5]));
      await blobs.put(photo('club-b', 'h1', [6]));
      expect(await blobs.clubBytes('club-a')).toBe(5);
      expect(await blobs.clubBytes('club-c')).toBe(0);
    });

    it('does not hand out its own buffer: changing what get returned changes nothing stored', async () => {
      const blobs = await open();
      const given = photo('club-a', 'h1', [7, 8]);
      await blobs.put(given);
      (given.bytes as Uint8Array)[0] = 0;
      const first = await blobs.get('club-a', 'h1');
      if (first) (first.bytes as Uint8Array)[1] = 0;
      expect([...((await blobs.get('club-a', 'h1'))?.bytes ?? [])]).toEqual([7, 8]);
    });

    it('keeps what it stored across a close and reopen', async () => {
      const blobs = await open();
      await blobs.put(photo('club-a', 'h1', [9]));
      await blobs.close();
      const again = await open();
      expect([...((await again.get('club-a', 'h1'))?.bytes ?? [])]).toEqual([9]);
    });
  });
}

/** The erasure part of the suite (BlobStore.delete). */
export function runBlobDeleteTests(name: string, setup: () => BlobStoreFixture): void {
  describe(`${name} blob store deletion`, () => {
    let fixture: BlobStoreFixture | undefined;
    let store: BlobStore | undefined;
    const open = async () => {
      fixture ??= setup();
      store = await fixture.open();
      return store;
    };
    afterEach(async () => {
      await store?.close();
      store = undefined;
      await fixture?.cleanup();
      fixture = undefined;
    });

    it('deletes one blob of one club: gone, not counted, another club’s copy kept; a second delete is false', async () => {
      const blobs = await open();
      await blobs.put(photo('club-a', 'h1', [1, 2, 3]));
      await blobs.put(photo('club-a', 'h2', [4]));
      await blobs.put(photo('club-b', 'h1', [5]));
      expect(await blobs.delete('club-a', 'h1')).toBe(true);
      expect(await blobs.get('club-a', 'h1')).toBeUndefined();
      expect(await blobs.has('club-a', 'h1')).toBe(false);
      expect(await blobs.clubBytes('club-a')).toBe(1);
      expect(await blobs.has('club-b', 'h1')).toBe(true);
      expect(await blobs.delete('club-a', 'h1')).toBe(false);
      // Sent again later (another tablet still had it queued), it is stored again.
      expect(await blobs.put(photo('club-a', 'h1', [1, 2, 3]))).toBe(true);
    });
  });
}
