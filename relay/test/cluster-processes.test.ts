/**
 * Relay processes as they run in production: separate OS processes started by main.ts, sharing a real
 * PostgreSQL (DATABASE_URL) and a real Redis (REDIS_URL), each client connected to one of them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CloseCode, generateKey, rotateKeysPath } from '@chungtay/protocol';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, registerClub, type TestClient, type TestClub, waitFor } from './helpers';
import { type PostgresServer, startPostgresServer } from './support/postgres-server';
import { type RedisServer, startRedisServer } from './support/redis-server';

interface RelayProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<unknown>;
  readonly httpUrl: string;
  readonly syncUrl: string;
}

const relayDir = join(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Runs src/main.ts (through tsx, as the tests run the sources) and resolves once it listens. */
async function spawnRelay(databaseUrl: string, redisUrl: string): Promise<RelayProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: relayDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await waitFor(() => output.includes('relay listening') || child.exitCode !== null, 'relay start', 30_000);
  if (!output.includes('relay listening')) throw new Error(`relay did not start: ${output.slice(-2000)}`);
  return { child, exited, httpUrl: `http://127.0.0.1:${port}`, syncUrl: `ws://127.0.0.1:${port}/sync` };
}

async function killHard(relay: RelayProcess): Promise<void> {
  if (relay.child.exitCode === null && relay.child.signalCode === null) relay.child.kill('SIGKILL');
  await relay.exited;
}

describe('relay processes sharing PostgreSQL and Redis', () => {
  let postgres: PostgresServer;
  let redis: RedisServer;
  let relays: RelayProcess[] = [];
  let club: TestClub;
  const clients: TestClient[] = [];
  const open = (relay: RelayProcess, name = club.clubId, key = club.editorKey, doc?: Y.Doc) => {
    const client = connectClient(relay.syncUrl, name, key, doc);
    clients.push(client);
    return client;
  };
  const closedWith = (client: TestClient, code: number) =>
    waitFor(() => client.closes.some((c) => c.code === code), `close ${code}`);

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgresServer(), startRedisServer()]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([postgres?.stop(), redis?.stop()]);
  });
  beforeEach(async () => {
    const database = await postgres.createDatabase();
    relays = await Promise.all([spawnRelay(database, redis.url), spawnRelay(database, redis.url)]);
    const [first] = relays;
    if (first === undefined) throw new Error('no relay');
    club = await registerClub(first.httpUrl);
  }, 60_000);
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await Promise.all(relays.map(killHard));
  });

  const pair = () => {
    const [a, b] = relays;
    if (a === undefined || b === undefined) throw new Error('two relays expected');
    return [a, b] as const;
  };

  it('two clients on different processes converge, and a later client on either reads everything', async () => {
    const [a, b] = pair();
    const lan = open(a);
    const minh = open(b);
    await waitFor(() => lan.provider.synced && minh.provider.synced, 'synced');
    for (let i = 0; i < 100; i++) {
      lan.text.insert(lan.text.length, `a${i};`);
      minh.text.insert(0, `b${i};`);
    }
    await waitFor(() => lan.text.toString() === minh.text.toString(), 'converged');
    await waitFor(() => lan.holdsAll() && minh.holdsAll(), 'stored');
    for (const relay of [a, b]) {
      const reader = open(relay);
      await waitFor(() => reader.text.toString() === lan.text.toString(), 'a later reader');
    }
  });

  it('refuses a viewer on a private document and enforces a rotation on every process', async () => {
    const [a, b] = pair();
    for (const relay of [a, b]) await closedWith(open(relay, `${club.clubId}/health`, club.viewerKey), 4403);
    const onA = open(a);
    const onB = open(b);
    const viewerOnB = open(b, `${club.clubId}/summary`, club.viewerKey);
    await waitFor(() => [onA, onB, viewerOnB].every((c) => c.provider.synced), 'synced');
    const next = { editorKey: generateKey(), viewerKey: generateKey() };
    const rotated = await fetch(b.httpUrl + rotateKeysPath(club.clubId), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${club.editorKey}` },
      body: JSON.stringify(next),
    });
    expect(rotated.status).toBe(200);
    for (const client of [onA, onB, viewerOnB]) await closedWith(client, CloseCode.keyRevoked);
    await closedWith(open(a), CloseCode.keyRevoked);
    const fresh = open(a, club.clubId, next.editorKey);
    await waitFor(() => fresh.provider.synced, 'the new key works on the other process');
  });

  it('recovers from a Redis restart under load: both processes end with every edit, and so does PostgreSQL', async () => {
    const [a, b] = pair();
    const lan = open(a);
    const minh = open(b);
    await waitFor(() => lan.provider.synced && minh.provider.synced, 'synced');
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        lan.text.insert(lan.text.length, `a${written};`);
        minh.text.insert(minh.text.length, `b${written};`);
        written += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await waitFor(() => written >= 20, 'writing');
    await redis.restart();
    await waitFor(() => written >= 150, 'writing through the restart', 20_000);
    writing = false;
    await writer;
    await waitFor(() => lan.text.toString() === minh.text.toString(), 'converged', 20_000);
    await waitFor(() => lan.holdsAll() && minh.holdsAll(), 'stored');
    for (let i = 0; i < written; i++) expect(lan.text.toString()).toContain(`b${i};`);
    const late = open(a);
    await waitFor(() => late.text.toString() === lan.text.toString(), 'a later client reads it all');
  });

  it('loses nothing when one process is killed (kill -9) while its clients move to another', async () => {
    const [a, b] = pair();
    const watcher = open(b);
    const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    const movers = docs.map((doc) => open(a, club.clubId, club.editorKey, doc));
    await waitFor(() => movers.every((m) => m.provider.synced), 'movers synced');
    movers.forEach((mover, i) => {
      for (let j = 0; j < 30; j++) mover.text.insert(mover.text.length, `m${i}.${j};`);
    });
    await waitFor(() => movers.every((m) => m.holdsAll()), 'stored before the kill');
    // A burst a is still taking when it dies: some of it stored, some not.
    movers.forEach((mover, i) => {
      for (let j = 30; j < 200; j++) mover.text.insert(mover.text.length, `m${i}.${j};`);
    });
    await killHard(a);
    // As a load balancer would send them: the same documents, reconnected to the surviving process.
    const moved = movers.map((mover, i) => {
      mover.provider.destroy();
      return open(b, club.clubId, club.editorKey, docs[i]);
    });
    moved.forEach((client, i) => {
      client.text.insert(client.text.length, `after${i};`);
    });
    await waitFor(() => moved.every((m) => m.holdsAll()), 'everything stored on b', 20_000);
    const expected = moved[0]?.text.toString() ?? '';
    for (const client of moved) expect(client.text.toString()).toBe(expected);
    await waitFor(() => watcher.text.toString() === expected, 'the watcher on b has everything');
    for (let i = 0; i < 3; i++) {
      expect(expected).toContain(`m${i}.199;`);
      expect(expected).toContain(`after${i};`);
    }
    const late = open(b);
    await waitFor(() => late.text.toString() === expected, 'a later client reads it all from PostgreSQL');
  });
});
