/**
 * scripts/cluster.sh as an operator runs it: PostgreSQL, Redis, two relay processes and HAProxy without
 * sticky sessions. Clients connect to the balancer only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, registerClub, type TestClient, waitFor } from './helpers';
import { requirePostgresBinaries } from './support/postgres-server';
import { requireRedisBinary } from './support/redis-server';

const root = join(import.meta.dirname, '..', '..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** relay_connections from a relay's /metrics. */
async function connectionsOf(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(/^relay_connections (\d+)$/m.exec(text)?.[1] ?? Number.NaN);
}

describe('scripts/cluster.sh: relays behind HAProxy', () => {
  let script: ChildProcess;
  let exited: Promise<unknown>;
  let output = '';
  let lbPort: number;
  let relayPorts: number[];
  let dir: string;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    requirePostgresBinaries();
    requireRedisBinary();
    [lbPort, ...relayPorts] = [await freePort(), await freePort(), await freePort()];
    script = spawn('bash', ['scripts/cluster.sh'], {
      cwd: root,
      env: {
        ...process.env,
        LB_PORT: String(lbPort),
        RELAY_PORTS: relayPorts.join(' '),
        REDIS_PORT: String(await freePort()),
        PG_PORT: String(await freePort()),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) => script.once('exit', resolve));
    script.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    script.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await waitFor(() => output.includes('ready:') || script.exitCode !== null, 'the cluster', 90_000);
    if (!output.includes('ready:')) throw new Error(`cluster.sh failed: ${output}`);
    dir = /logs in (\S+?);/.exec(output)?.[1] ?? '';
  }, 120_000);
  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy();
    script?.kill('SIGTERM');
    await exited;
  });

  it('spreads sockets over the relays, syncs them through Redis, and moves them on when one is killed', async () => {
    const httpUrl = `http://127.0.0.1:${lbPort}`;
    const syncUrl = `ws://127.0.0.1:${lbPort}/sync`;
    const club = await registerClub(httpUrl);
    const open = () => {
      const client = connectClient(syncUrl, club.clubId, club.editorKey);
      clients.push(client);
      return client;
    };
    const lan = open();
    await waitFor(() => lan.provider.synced, 'Lan synced');
    const lanRelay = (await connectionsOf(relayPorts[0] ?? 0)) === 1 ? 1 : 2;
    const minh = open();
    await waitFor(() => minh.provider.synced, 'Minh synced');
    // leastconn: the second socket went to the other relay.
    expect(await Promise.all(relayPorts.map(connectionsOf))).toEqual([1, 1]);

    lan.text.insert(0, 'Lan;');
    minh.text.insert(0, 'Minh;');
    await waitFor(() => lan.text.toString() === minh.text.toString() && lan.text.length === 9, 'converged');

    // kill -9 the relay holding Lan's socket; HAProxy sends her reconnection to the one left.
    process.kill(Number(readFileSync(join(dir, `relay${lanRelay}.pid`), 'utf8')), 'SIGKILL');
    lan.text.insert(lan.text.length, 'sau khi mất máy chủ;');
    await waitFor(() => minh.text.toString() === lan.text.toString(), 'Lan’s edit reaches Minh', 20_000);
    await waitFor(() => lan.holdsAll() && minh.holdsAll(), 'both synced');
    const late = open();
    await waitFor(() => late.text.toString() === lan.text.toString(), 'a later client reads everything');
  });
});
