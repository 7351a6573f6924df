import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteBlobStore, type SqliteBlobStore } from '../src/blob/sqlite-blob-store';
import { openMemoryStorage } from '../src/store/memory-doc-store';
import { registerClub, startTestRelay, type TestClub, type TestRelay } from './helpers';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
// Text a photo of a home visit might hold (an EXIF comment, a sign on the wall): what must leave the disk.
const MARKER = Buffer.from('Nha ba Pham Thi Xuyen, xom Dong, 0912 777 345');

/** The blob database and its WAL as bytes, whichever exist. */
function filesOf(dir: string): Buffer[] {
  return ['blobs.sqlite', 'blobs.sqlite-wal'].map((file) => {
    try {
      return readFileSync(join(dir, file));
    } catch {
      return Buffer.alloc(0);
    }
  });
}

describe('DELETE /api/clubs/:clubId/blobs/:hash', () => {
  let dir: string;
  let blobs: SqliteBlobStore;
  let relay: TestRelay;
  let club: TestClub;
  const url = (hash: string) => `${relay.httpUrl}/api/clubs/${club.clubId}/blobs/${hash}`;
  const call = (method: string, hash: string, key: string, body?: Uint8Array) =>
    fetch(url(hash), {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'image/jpeg', 'x-blob-scope': 'health' },
      ...(body === undefined ? {} : { body }),
    });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'relay-blob-delete-'));
    blobs = openSqliteBlobStore(dir);
    relay = await startTestRelay({}, Object.assign(openMemoryStorage(), { blobs }));
    club = await registerClub(relay.httpUrl);
  });
  afterEach(async () => {
    await relay.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('with the editor key removes the photo, and its bytes leave the SQLite file and its WAL', async () => {
    const photo = new Uint8Array(Buffer.concat([randomBytes(30_000), MARKER, randomBytes(30_000)]));
    const kept = new Uint8Array(randomBytes(5_000));
    const hash = sha256(photo);
    expect((await call('PUT', hash, club.editorKey, photo)).status).toBe(201);
    expect((await call('PUT', sha256(kept), club.editorKey, kept)).status).toBe(201);
    expect(filesOf(dir).some((bytes) => bytes.includes(MARKER))).toBe(true);

    expect((await call('DELETE', hash, club.viewerKey)).status).toBe(403);
    expect((await call('DELETE', hash, 'x'.repeat(43))).status).toBe(401);
    expect(await blobs.has(club.clubId, hash)).toBe(true);

    const deleted = await call('DELETE', hash, club.editorKey);
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ ok: true });
    expect((await call('GET', hash, club.editorKey)).status).toBe(404);
    // A retry, or a second tablet erasing too: not there, which the tablet takes as done.
    expect((await call('DELETE', hash, club.editorKey)).status).toBe(404);
    // The other photo is untouched and the quota no longer counts the deleted one.
    expect((await call('GET', sha256(kept), club.editorKey)).status).toBe(200);
    expect(await blobs.clubBytes(club.clubId)).toBe(kept.length);

    // secure_delete and the checkpoint: gone from the files while the relay runs, and after it closes.
    expect(filesOf(dir).some((bytes) => bytes.includes(MARKER))).toBe(false);
    await relay.close();
    expect(filesOf(dir).some((bytes) => bytes.includes(MARKER))).toBe(false);
    blobs = openSqliteBlobStore(dir);
    relay = await startTestRelay({}, Object.assign(openMemoryStorage(), { blobs }));
  });

  it('another club’s editor key deletes nothing of this club', async () => {
    const photo = new Uint8Array(randomBytes(1_000));
    await call('PUT', sha256(photo), club.editorKey, photo);
    const other = await registerClub(relay.httpUrl);
    expect((await call('DELETE', sha256(photo), other.editorKey)).status).toBe(401);
    expect(await blobs.has(club.clubId, sha256(photo))).toBe(true);
  });
});
