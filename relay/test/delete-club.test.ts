import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloseCode, generateKey } from '@chungtay/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../src/store/sqlite-doc-store';
import {
  connectClient,
  registerClub,
  startTestRelay,
  type TestClient,
  type TestClub,
  type TestRelay,
  waitFor,
} from './helpers';

const SECRET = 'Phạm Thị Xuyến 0912 777 345';

describe('DELETE /api/clubs/:clubId', () => {
  let dir: string;
  let relay: TestRelay;
  let club: TestClub;
  let other: TestClub;
  const clients: TestClient[] = [];
  const open = (name: string, key: string) => {
    const client = connectClient(relay.syncUrl, name, key);
    clients.push(client);
    return client;
  };
  const seed = async (name: string, key: string, text: string) => {
    const editor = open(name, key);
    editor.text.insert(0, text);
    await waitFor(() => editor.holdsAll(), `${name} stored`);
    return editor;
  };
  const remove = (clubId: string, key: string) =>
    fetch(`${relay.httpUrl}/api/clubs/${clubId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${key}` },
    });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'relay-delete-'));
    relay = await startTestRelay({ dataDir: dir }, openSqliteStorage(dir));
    club = await registerClub(relay.httpUrl);
    other = await registerClub(relay.httpUrl);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('with the editor key: closes the club’s sockets, removes its documents and record, not another club’s', async () => {
    const editor = await seed(club.clubId, club.editorKey, SECRET);
    const health = await seed(`${club.clubId}/health`, club.editorKey, `${SECRET} 150/95`);
    await seed(other.clubId, other.editorKey, 'câu lạc bộ khác');

    expect((await remove(club.clubId, club.viewerKey)).status).toBe(401);
    expect((await remove(club.clubId, generateKey())).status).toBe(401);
    const deleted = await remove(club.clubId, club.editorKey);
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ result: 'deleted' });

    await waitFor(() => editor.closes.length > 0 && health.closes.length > 0, 'sockets closed');
    expect(editor.closes[0]?.code).toBe(CloseCode.keyRevoked);
    for (const name of [club.clubId, `${club.clubId}/health`])
      expect(await relay.storage.docs.load(name)).toEqual({ updates: [], lastSeq: 0 });
    expect(await relay.storage.clubs.get(club.clubId)).toBeUndefined();
    expect((await relay.storage.docs.load(other.clubId)).updates.length).toBeGreaterThan(0);
    // Gone: the key opens nothing and a second delete finds no club.
    const late = open(club.clubId, club.editorKey);
    await waitFor(() => late.closes.length > 0, 'late client refused');
    expect((await remove(club.clubId, club.editorKey)).status).toBe(404);

    // secure_delete: the file and its WAL no longer hold the text, once the relay has closed the file.
    for (const client of clients.splice(0)) client.destroy();
    await relay.close();
    for (const file of ['relay.sqlite', 'relay.sqlite-wal']) {
      const bytes = (() => {
        try {
          return readFileSync(join(dir, file));
        } catch {
          return Buffer.alloc(0);
        }
      })();
      expect(bytes.includes(Buffer.from(SECRET)), file).toBe(false);
    }
    relay = await startTestRelay({ dataDir: dir }, openSqliteStorage(dir));
  });
});
