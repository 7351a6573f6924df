/**
 * The relay on PostgreSQL (DATABASE_URL): real relays, real y-websocket clients, a real PostgreSQL 15 started
 * for this file. The store's own contract is checked by the conformance suite (postgres-doc-store.test.ts);
 * this checks the relay around it: compaction in a live room, a second relay serving what the first stored,
 * and main.ts choosing PostgreSQL from the environment, kill -9 included.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStorage } from '../src/store/postgres-doc-store';
import { connectClient, registerClub, startTestRelay, type TestClient, waitFor } from './helpers';
import { usePostgresServer } from './support/postgres-server';

const server = usePostgresServer();

const clients: TestClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
const open = (...args: Parameters<typeof connectClient>) => {
  const client = connectClient(...args);
  clients.push(client);
  return client;
};

describe('relay on PostgreSQL', () => {
  it('compacts a live room and a second relay on the same database serves everything, clubs included', async () => {
    const url = await server.createDatabase();
    const first = await startTestRelay({ compactAfterUpdates: 20 }, await openPostgresStorage(url));
    const club = await registerClub(first.httpUrl);
    const writer = open(first.syncUrl, club.clubId, club.editorKey);
    await waitFor(() => writer.provider.synced, 'writer synced');
    for (let i = 0; i < 120; i++) writer.text.insert(writer.text.length, `${i};`);
    await waitFor(() => writer.holdsAll(), 'stored', 20_000);
    await waitFor(() => first.metrics.compactions > 0, 'a compaction');
    await first.close();

    const second = await startTestRelay({}, await openPostgresStorage(url));
    const reader = open(second.syncUrl, club.clubId, club.editorKey);
    await waitFor(() => reader.text.toString() === writer.text.toString(), 'reader has everything');
    expect(reader.text.toString().endsWith('119;')).toBe(true);
    await second.close();
  });
});

// The relay package's own directory: vitest may run from the workspace root.
const relayDir = join(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

interface RelayProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  readonly output: () => string;
}

/** dist/main.js as `npm start` runs it, with DATABASE_URL and a DATA_DIR that must stay unused. */
async function spawnRelay(port: number, databaseUrl: string): Promise<RelayProcess> {
  const child = spawn(process.execPath, ['dist/main.js', '--host', '127.0.0.1'], {
    cwd: relayDir,
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, DATA_DIR: '/nonexistent/relay' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await waitFor(() => output.includes('relay listening') || child.exitCode !== null, 'relay start', 20_000);
  if (child.exitCode !== null) throw new Error(`relay exited at start: ${output}`);
  return { child, exited, output: () => output };
}

describe('relay process with DATABASE_URL', () => {
  let relay: RelayProcess | undefined;
  beforeAll(() => {
    execFileSync(process.execPath, ['build.mjs'], { cwd: relayDir, stdio: 'ignore' });
  });
  afterEach(async () => {
    relay?.child.kill('SIGKILL');
    await relay?.exited;
  });

  it('stores in PostgreSQL, and after kill -9 a new process serves what was stored and takes the re-sync', async () => {
    const url = await server.createDatabase();
    const port = await freePort();
    relay = await spawnRelay(port, url);
    expect(relay.output()).toContain('storage: PostgreSQL');
    const club = await registerClub(`http://127.0.0.1:${port}`);
    const syncUrl = `ws://127.0.0.1:${port}/sync`;
    const writer = open(syncUrl, club.clubId, club.editorKey);
    writer.text.insert(0, 'stored before kill;');
    await waitFor(() => writer.holdsAll(), 'stored');
    const database = url.split('/').at(-1) ?? '';
    const stored = await server.sql(database, 'SELECT count(*)::int AS n FROM doc_updates');
    expect(stored.rows[0]?.n).toBeGreaterThan(0);
    // A burst the relay is still busy with when it dies.
    for (let i = 0; i < 200; i++) writer.text.insert(writer.text.length, `${i};`);
    relay.child.kill('SIGKILL');
    await relay.exited;
    writer.provider.disconnect();

    relay = await spawnRelay(port, url);
    const reader = open(syncUrl, club.clubId, club.editorKey);
    await waitFor(() => reader.provider.synced, 'reader synced');
    expect(reader.text.toString().startsWith('stored before kill;')).toBe(true);
    writer.provider.connect();
    await waitFor(() => reader.text.toString() === writer.text.toString(), 're-sync fills the gap');
    await waitFor(() => writer.holdsAll(), 'relay stored the re-synced edits');
    expect(reader.text.toString().endsWith('199;')).toBe(true);
  });
  it('stops with one line naming DATABASE_URL, and never its password, when PostgreSQL cannot be reached', async () => {
    const child = spawn(process.execPath, ['dist/main.js', '--host', '127.0.0.1'], {
      cwd: relayDir,
      env: {
        ...process.env,
        PORT: '0',
        DATABASE_URL: `postgres://relay:s3cret-pw@127.0.0.1:${await freePort()}/x`,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('cannot open the PostgreSQL database (DATABASE_URL)');
    expect(output).toContain('ECONNREFUSED');
    expect(output).not.toContain('s3cret-pw');
  });
});
