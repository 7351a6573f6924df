import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloseCode } from '@chungtay/protocol';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectClient, registerClub, type TestClient, type TestClub, waitFor } from './helpers';

interface RelayProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
}

/** SIGKILL for the whole group, like the OOM killer taking a container. */
function killHard(relay: RelayProcess | undefined): void {
  if (relay?.child.pid === undefined || relay.child.exitCode !== null) return;
  try {
    process.kill(-relay.child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

// The relay package's own directory: vitest may run from the workspace root.
const relayDir = join(import.meta.dirname, '..');

/** The Node flags of the `start` script (`node build.mjs && node <flags> dist/main.js`). */
function startFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(relayDir, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  return scripts.start
    .slice(scripts.start.lastIndexOf('node '))
    .split(' ')
    .filter((arg) => arg.startsWith('--'));
}

/** Runs the relay as `npm start` does (the bundle build.mjs wrote, same flags); resolves once it listens. */
async function spawnRelay(port: number, dataDir: string): Promise<RelayProcess> {
  const child = spawn(process.execPath, [...startFlags(), 'dist/main.js', '--host', '127.0.0.1'], {
    cwd: relayDir,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await waitFor(() => output.includes('relay listening'), 'relay start', 20_000);
  return { child, exited };
}

describe('restarts', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['build.mjs'], { cwd: relayDir, stdio: 'ignore' });
  });
  let dataDir: string;
  let port: number;
  let relay: RelayProcess | undefined;
  const clients: TestClient[] = [];
  const open = (url: string, club: TestClub) => {
    const client = connectClient(url, club.clubId, club.editorKey);
    clients.push(client);
    return client;
  };
  const storedAll = (client: TestClient) => client.holdsAll();

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'relay-restart-'));
    port = await freePort();
    relay = await spawnRelay(port, dataDir);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    killHard(relay);
    await relay?.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing across SIGTERM: clients are closed with 4005, the relay exits 0 and reloads everything', async () => {
    const club = await registerClub(`http://127.0.0.1:${port}`);
    const syncUrl = `ws://127.0.0.1:${port}/sync`;
    const writer = open(syncUrl, club);
    await waitFor(() => writer.provider.synced, 'synced');
    for (let i = 0; i < 50; i++) writer.text.insert(writer.text.length, `${i},`);
    await waitFor(() => storedAll(writer), 'stored');
    relay?.child.kill('SIGTERM');
    expect(await relay?.exited).toBe(0);
    expect(writer.closes.some((c) => c.code === CloseCode.shuttingDown)).toBe(true);
    writer.provider.disconnect();

    relay = await spawnRelay(port, dataDir);
    const reader = open(syncUrl, club);
    await waitFor(() => reader.text.toString() === writer.text.toString(), 'reader has everything');
  });

  it('after SIGKILL the store is consistent and the clients re-sync what it had not written', async () => {
    const club = await registerClub(`http://127.0.0.1:${port}`);
    const syncUrl = `ws://127.0.0.1:${port}/sync`;
    const writer = open(syncUrl, club);
    writer.text.insert(0, 'stored before kill;');
    await waitFor(() => storedAll(writer), 'stored');
    // A burst the relay is still busy with when it dies.
    for (let i = 0; i < 200; i++) writer.text.insert(writer.text.length, `${i};`);
    killHard(relay);
    await relay?.exited;
    writer.provider.disconnect();

    relay = await spawnRelay(port, dataDir);
    const reader = open(syncUrl, club);
    await waitFor(() => reader.provider.synced, 'reader synced');
    expect(reader.text.toString().startsWith('stored before kill;')).toBe(true);

    writer.provider.connect();
    await waitFor(() => reader.text.toString() === writer.text.toString(), 're-sync fills the gap');
    await waitFor(() => storedAll(writer), 'relay stored the re-synced edits');
    expect(reader.text.toString().endsWith('199;')).toBe(true);
  });
});
