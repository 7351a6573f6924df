/**
 * One, two and three relay processes behind HAProxy (relay/deploy/haproxy.cfg), on one PostgreSQL and one
 * Redis, under the same load in one run: ROOMS meetings of CLIENTS tablets each, every tablet making one edit
 * every INTERVAL_MS. Printed per set: propagation from a writer to the other tablets of its room (p50, p99;
 * with several relays most pairs are on different processes), and the relays' CPU (user + system, from
 * /proc) per delivered edit. Tablets run in this process, so their clock is one clock.
 *
 *   node relay/build.mjs && pnpm exec tsx relay/src/room/redis-bus-cluster.bench.ts
 *   pnpm exec tsx relay/src/room/redis-bus-cluster.bench.ts --rooms 40 --clients 3 --interval-ms 200 --seconds 15
 *
 * Settings come as flags (only main.ts reads the environment); the relays get theirs as flags too.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectClient, registerClub, type TestClient, waitFor } from '../../test/helpers';
import { startPostgresServer } from '../../test/support/postgres-server';
import { startRedisServer } from '../../test/support/redis-server';

const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const ROOMS = flag('rooms', 20);
const CLIENTS = flag('clients', 3);
const INTERVAL_MS = flag('interval-ms', 200);
const SECONDS = flag('seconds', 10);
const relayDir = join(import.meta.dirname, '..', '..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function started(child: ChildProcess, marker: string): Promise<void> {
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return waitFor(() => output.includes(marker) || child.exitCode !== null, marker, 30_000).then(() => {
    if (!output.includes(marker)) throw new Error(`did not start: ${output.slice(-1000)}`);
  });
}

async function startSet(relays: number, databaseUrl: string, redisUrl: string) {
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  for (let i = 0; i < relays; i++) {
    const port = await freePort();
    const settings = ['--port', String(port), '--host', '127.0.0.1'];
    settings.push('--database-url', databaseUrl, '--redis-url', redisUrl);
    const child = spawn(process.execPath, ['--max-semi-space-size=2', 'dist/main.js', ...settings], {
      cwd: relayDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await started(child, 'relay listening');
    children.push(child);
    ports.push(port);
  }
  const lbPort = await freePort();
  const config = join(tmpdir(), `chungtay-bench-haproxy-${lbPort}.cfg`);
  const servers = ports.map((port, i) => `    server relay${i + 1} 127.0.0.1:${port} check`).join('\n');
  const template = readFileSync(join(relayDir, 'deploy/haproxy.cfg'), 'utf8');
  // The file's bind line names the LB_BIND variable, which HAProxy takes from its environment.
  const bind = template.replace(/"\$\{LB_BIND\}"/, `127.0.0.1:${lbPort}`);
  writeFileSync(config, `${bind}\n${servers}\n`);
  const balancer = spawn('/usr/sbin/haproxy', ['-f', config, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
  for (let answered = false; !answered; ) {
    answered = await fetch(`http://127.0.0.1:${lbPort}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (!answered) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { children, balancer, url: `127.0.0.1:${lbPort}` };
}

const percentile = (values: number[], p: number) =>
  values.sort((x, y) => x - y)[Math.min(values.length - 1, Math.floor(p * values.length))] ?? Number.NaN;

async function measure(relays: number, databaseUrl: string, redisUrl: string): Promise<string> {
  const set = await startSet(relays, databaseUrl, redisUrl);
  const club = await registerClub(`http://${set.url}`);
  const clients: TestClient[] = [];
  for (let room = 0; room < ROOMS; room++) {
    for (let i = 0; i < CLIENTS; i++)
      clients.push(connectClient(`ws://${set.url}/sync`, `${club.clubId}/meeting/m${room}`, club.editorKey));
  }
  await waitFor(() => clients.every((client) => client.provider.synced), 'every tablet synced', 60_000);
  const latencies: number[] = [];
  let measuring = false;
  for (const client of clients) {
    client.doc.getMap('edits').observe((event) => {
      if (!measuring || event.transaction.local) return;
      for (const key of event.keysChanged) {
        const sentAt = client.doc.getMap<number>('edits').get(key);
        if (sentAt !== undefined) latencies.push(performance.now() - sentAt);
      }
    });
  }
  const edit = (client: TestClient, index: number) =>
    client.doc.getMap<number>('edits').set(`${index}`, performance.now());
  const pids = set.children.map((child) => child.pid ?? 0);
  const timers = clients.map((client, index) =>
    setTimeout(
      () => {
        const timer = setInterval(() => edit(client, index), INTERVAL_MS);
        timers.push(timer as unknown as ReturnType<typeof setTimeout>);
      },
      (index * INTERVAL_MS) / clients.length,
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  measuring = true;
  const cpuBefore = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  const cpuUsed = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0) - cpuBefore;
  measuring = false;
  const delivered = latencies.length;
  for (const timer of timers) clearInterval(timer);
  for (const client of clients) client.destroy();
  for (const child of [...set.children, set.balancer]) child.kill('SIGKILL');
  const p50 = percentile(latencies, 0.5).toFixed(2);
  const p99 = percentile(latencies, 0.99).toFixed(2);
  const cpuPerDelivery = ((cpuUsed / Math.max(1, delivered)) * 1e6).toFixed(0);
  return `${relays} relay${relays > 1 ? 's' : ' '} | ${delivered} delivered | p50 ${p50} ms | p99 ${p99} ms | relay CPU ${cpuUsed.toFixed(2)} s, ${cpuPerDelivery} µs per delivered edit`;
}

const [postgres, redis] = await Promise.all([startPostgresServer(), startRedisServer()]);
try {
  process.stdout.write(
    `${ROOMS} rooms × ${CLIENTS} tablets, one edit per tablet every ${INTERVAL_MS} ms, ${SECONDS} s measured\n`,
  );
  for (const relays of [1, 2, 3]) {
    const line = await measure(relays, await postgres.createDatabase(), redis.url);
    process.stdout.write(`${line}\n`);
  }
} finally {
  await Promise.all([postgres.stop(), redis.stop()]);
}
// The pg pool of the test server and the destroyed providers' timers would keep the process a while.
process.exit(0);
