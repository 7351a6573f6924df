import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryBlobStore } from '../src/blob/memory-blob-store';
import { openMemoryStorage } from '../src/store/memory-doc-store';
import { registerClub, startTestRelay, type TestClub, type TestRelay } from './helpers';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('photo blobs over real HTTP', () => {
  let relay: TestRelay;
  let club: TestClub;
  const blobs = new MemoryBlobStore();
  const url = (hash: string, clubId = club.clubId) => `${relay.httpUrl}/api/clubs/${clubId}/blobs/${hash}`;
  const put = (bytes: Uint8Array, key: string, hash = sha256(bytes), type = 'image/jpeg') =>
    fetch(url(hash), {
      method: 'PUT',
      headers: { authorization: `Bearer ${key}`, 'content-type': type },
      body: bytes,
    });
  const get = (hash: string, key: string) =>
    fetch(url(hash), { headers: { authorization: `Bearer ${key}` } });

  beforeAll(async () => {
    relay = await startTestRelay({}, Object.assign(openMemoryStorage(), { blobs }));
    club = await registerClub(relay.httpUrl);
  });
  afterAll(() => relay.close());

  it('stores a photo under its hash and gives the same bytes back to the editor key', async () => {
    const photo = new Uint8Array(randomBytes(200_000));
    expect((await put(photo, club.editorKey)).status).toBe(201);
    const response = await get(sha256(photo), club.editorKey);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(photo);
    // A second tablet sending the same photo finds it there.
    expect((await put(photo, club.editorKey)).status).toBe(200);
    expect(await blobs.clubBytes(club.clubId)).toBe(200_000);
  });

  it('refuses bytes that are not what the hash says, and stores nothing', async () => {
    const photo = new Uint8Array(randomBytes(100));
    const wrong = sha256(new Uint8Array([1]));
    const response = await put(photo, club.editorKey, wrong);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'hashMismatch' });
    expect(await blobs.has(club.clubId, wrong)).toBe(false);
  });

  it('refuses a blob over 5 MB and a type the tablet does not make', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    expect((await put(big, club.editorKey)).status).toBe(413);
    expect((await put(new Uint8Array([1, 2]), club.editorKey, undefined, 'text/html')).status).toBe(415);
  });

  it('gives the viewer key nothing, neither read nor write, and an unknown key a 401', async () => {
    const photo = new Uint8Array(randomBytes(64));
    await put(photo, club.editorKey);
    expect((await get(sha256(photo), club.viewerKey)).status).toBe(403);
    expect((await put(new Uint8Array(randomBytes(64)), club.viewerKey)).status).toBe(403);
    expect((await get(sha256(photo), 'x'.repeat(43))).status).toBe(401);
    const other = await registerClub(relay.httpUrl);
    // Another club's key reads nothing of this club, even knowing the hash.
    const crossed = await fetch(url(sha256(photo)), {
      headers: { authorization: `Bearer ${other.editorKey}` },
    });
    expect(crossed.status).toBe(401);
  });

  it('answers 404 for a photo it does not hold', async () => {
    expect((await get(sha256(new Uint8Array([42])), club.editorKey)).status).toBe(404);
  });
});
