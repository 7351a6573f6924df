import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type RunningRelay, startRelay } from '../src/app';
import { RedisRoomBus } from '../src/room/redis-bus';
import { openPostgresStorage } from '../src/store/postgres-doc-store';
import { openSqliteStorage } from '../src/store/sqlite-doc-store';
import {
  connectClient,
  registerClub,
  startTestRelay,
  type TestClient,
  type TestClub,
  type TestRelay,
  testConfig,
  waitFor,
} from './helpers';
import { usePostgresServer } from './support/postgres-server';
import { type RedisServer, startRedisServer } from './support/redis-server';

const NAME = 'Trần Thị Bưởi';
const GEN_1 = 'AbCdEfGhIjKlMnOpQrStUv';
const GEN_2 = 'ZyXwVuTsRqPoNmLkJiHgFe';

function fileHolds(dir: string, file: string, text: string): boolean {
  try {
    return readFileSync(join(dir, file)).includes(Buffer.from(text));
  } catch {
    return false;
  }
}

/**
 * A minutes document rewritten as a new generation (issue 12 §2), with real y-websocket clients. The relay
 * is document-agnostic, so the documents here are plain texts; what matters is the names and the bytes.
 */
describe('a minutes document rewritten as a new generation', () => {
  let dir: string;
  let relay: TestRelay;
  let club: TestClub;
  const clients: TestClient[] = [];
  const open = (name: string, doc?: Y.Doc) => {
    const client = connectClient(relay.syncUrl, name, club.editorKey, doc);
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'relay-generation-'));
    relay = await startTestRelay({ dataDir: dir }, openSqliteStorage(dir));
    club = await registerClub(relay.httpUrl);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('retires the old generation once the new one is stored: rows gone, a stale tablet cannot write it back, bytes gone from file and WAL', async () => {
    const base = `${club.clubId}/meeting/meeting-0001`;
    // Generation 0 holds the name in its history: typed, then deleted (kept, as a minutes doc keeps it).
    const writer = open(base, new Y.Doc({ gc: false }));
    writer.text.insert(0, `Thăm bà ${NAME} ốm. `);
    writer.text.delete(8, NAME.length);
    writer.text.insert(8, '[đã xóa]');
    await waitFor(() => writer.holdsAll(), 'generation 0 stored');
    const stale = open(base, new Y.Doc({ gc: false }));
    await waitFor(() => stale.text.toString() === writer.text.toString(), 'stale tablet synced');
    stale.provider.disconnect();
    expect(fileHolds(dir, 'relay.sqlite-wal', NAME) || fileHolds(dir, 'relay.sqlite', NAME)).toBe(true);

    // Another meeting's minutes, whose name starts the same, are not touched.
    const neighbour = open(`${base}1`);
    neighbour.text.insert(0, 'cuộc họp khác');
    await waitFor(() => neighbour.holdsAll(), 'neighbour stored');

    // The rewriting tablet sends generation 1 as one update: the current text, no history.
    writer.provider.disconnect();
    const first = open(`${base}_1_${GEN_1}`);
    first.text.insert(0, writer.text.toString());
    // The relay retires the earlier generations before it reports the first write stored.
    await waitFor(() => first.holdsAll(), 'generation 1 stored');
    expect((await relay.storage.docs.load(base)).updates).toEqual([]);
    expect((await relay.storage.docs.load(`${base}1`)).updates.length).toBeGreaterThan(0);

    // A tablet still on generation 0 comes back with an edit: the relay refuses to store it (1011) and
    // keeps nothing of it; it keeps its copy (the app then keeps the edit aside, see client/README.md).
    stale.text.insert(0, `${NAME} `);
    stale.provider.connect();
    await waitFor(() => stale.closes.some((close) => close.code === 1011), 'stale write refused');
    expect((await relay.storage.docs.load(base)).updates).toEqual([]);

    // Generation 2 retires generation 1 as well.
    const second = open(`${base}_2_${GEN_2}`);
    second.text.insert(0, 'Thăm bà [đã xóa] ốm.');
    await waitFor(() => second.holdsAll(), 'generation 2 stored');
    expect((await relay.storage.docs.load(`${base}_1_${GEN_1}`)).updates).toEqual([]);
    expect(await relay.storage.docs.listDocs(`${base}_`)).toEqual([`${base}_2_${GEN_2}`]);

    // secure_delete and the checkpoint: once the relay has closed the file, neither it nor its WAL holds her name.
    for (const client of clients.splice(0)) client.destroy();
    await relay.close();
    for (const file of ['relay.sqlite', 'relay.sqlite-wal'])
      expect(fileHolds(dir, file, NAME), file).toBe(false);
    relay = await startTestRelay({ dataDir: dir }, openSqliteStorage(dir));
  });

  it('closes a room still loaded with the old generation at once, and never opens it again from memory', async () => {
    const base = `${club.clubId}/meeting/meeting-0002`;
    const writer = open(base);
    writer.text.insert(0, `Thăm bà ${NAME} ốm.`);
    await waitFor(() => writer.holdsAll(), 'generation 0 stored');
    // A tablet that has not heard of the rewrite yet keeps generation 0's room loaded.
    const reader = open(base);
    await waitFor(() => reader.text.toString() === writer.text.toString(), 'reader synced');
    writer.provider.disconnect();

    const first = open(`${base}_1_${GEN_1}`);
    first.text.insert(0, 'Thăm bà [đã xóa] ốm.');
    await waitFor(() => first.holdsAll(), 'generation 1 stored');
    // Its connection is closed as a refused write is (1011), and the room leaves memory with it.
    await waitFor(() => reader.closes.some((close) => close.code === 1011), 'reader closed');
    await waitFor(() => relay.metrics.documentsInMemory === 1, 'only generation 1 in memory');

    // A tablet opening generation 0 now is refused before any content: it learns nothing of the old text.
    // (An empty room would answer its sync, then refuse the write-back of its empty state: not what happens.)
    const late = open(base);
    let answered = false;
    late.provider.on('sync', (synced: boolean) => {
      answered ||= synced;
    });
    await waitFor(() => late.closes.some((close) => close.code === 1011), 'late opening refused');
    expect(late.text.toString()).toBe('');
    expect(answered).toBe(false);
  });
});

/** Two relays on one PostgreSQL database, sharing rooms through a real Redis, as two processes of a deployment. */
describe('a rewrite on one relay process closes the old generation on the other', () => {
  const postgres = usePostgresServer();
  const logger = pino({ level: 'silent' });
  let redis: RedisServer;
  const clients: TestClient[] = [];
  const stops: Array<() => Promise<void>> = [];

  async function startNode(
    url: string,
  ): Promise<RunningRelay & { readonly syncUrl: string; readonly httpUrl: string }> {
    const storage = await openPostgresStorage(url);
    const bus = await RedisRoomBus.connect(redis.url, logger);
    const relay = await startRelay(testConfig(), storage, logger, bus);
    stops.push(async () => {
      await relay.close();
      await bus.close();
    });
    return {
      ...relay,
      syncUrl: `ws://127.0.0.1:${relay.port}/sync`,
      httpUrl: `http://127.0.0.1:${relay.port}`,
    };
  }

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis.stop());
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const stop of stops.splice(0)) await stop();
  });

  it('drops the room and closes the connections of the generation that another process retired, and refuses it from then on', async () => {
    const url = await postgres.createDatabase();
    const a = await startNode(url);
    const b = await startNode(url);
    const club = await registerClub(a.httpUrl);
    const open = (node: { syncUrl: string }, name: string) => {
      const client = connectClient(node.syncUrl, name, club.editorKey);
      clients.push(client);
      return client;
    };
    const base = `${club.clubId}/meeting/meeting-0003`;
    // Relay A holds generation 0 in memory, for a tablet that has not heard of the rewrite.
    const reader = open(a, base);
    reader.text.insert(0, `Thăm bà ${NAME} ốm.`);
    await waitFor(() => reader.holdsAll(), 'generation 0 stored through A');
    expect(a.metrics.documentsInMemory).toBe(1);

    // The rewrite reaches relay B, which retires generation 0 in the store and tells A over Redis.
    const first = open(b, `${base}_1_${GEN_1}`);
    first.text.insert(0, 'Thăm bà [đã xóa] ốm.');
    await waitFor(() => first.holdsAll(), 'generation 1 stored through B');
    await waitFor(
      () => reader.closes.some((close) => close.code === 1011),
      "A closed the reader's connection",
    );
    await waitFor(() => a.metrics.documentsInMemory === 0, 'A dropped the room');

    // A tablet opening generation 0 on A is refused before any content, as on B.
    for (const node of [a, b]) {
      const late = open(node, base);
      let answered = false;
      late.provider.on('sync', (synced: boolean) => {
        answered ||= synced;
      });
      await waitFor(() => late.closes.some((close) => close.code === 1011), 'late opening refused');
      expect(late.text.toString()).toBe('');
      expect(answered).toBe(false);
    }
  });
});
