import { describe, expect, it } from 'vitest';
import { usePostgresServer } from '../../test/support/postgres-server';
import { type BlobStoreFixture, runBlobDeleteTests, runBlobStoreTests } from './blob-store-conformance';
import { openPostgresBlobStore } from './postgres-blob-store';

const server = usePostgresServer();

const postgres = (): BlobStoreFixture => {
  // One database per test; reopening opens a new pool on it, as a restarted relay would.
  let url: Promise<string> | undefined;
  const database = () => (url ??= server.createDatabase());
  return {
    open: async () => openPostgresBlobStore(await database()),
    cleanup: () => {},
  };
};
runBlobStoreTests('postgres', postgres);
runBlobDeleteTests('postgres', postgres);

describe('postgres blob store across processes', () => {
  it('stores a photo two processes upload at once exactly once, and serves it from either', async () => {
    const url = await server.createDatabase();
    // Two relays starting together both create the table; neither fails on the other's.
    const [a, b] = await Promise.all([openPostgresBlobStore(url), openPostgresBlobStore(url)]);
    try {
      const photo = {
        clubId: 'club-a',
        hash: 'ab'.repeat(32),
        bytes: new Uint8Array(300_000).fill(7),
        contentType: 'image/webp',
        scope: 'club' as const,
      };
      const stored = await Promise.all([a.put(photo), b.put(photo)]);
      expect(stored.filter(Boolean)).toHaveLength(1);
      expect((await b.get('club-a', photo.hash))?.bytes).toEqual(photo.bytes);
      expect(await a.has('club-a', photo.hash)).toBe(true);
      expect(await a.clubBytes('club-a')).toBe(300_000);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
