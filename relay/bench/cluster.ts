/**
 * `tsx bench/cluster.ts` (also in `pnpm bench`, `BENCH_ONLY=cluster`): one, two and three relay processes
 * behind HAProxy (relay/deploy/haproxy.cfg, as scripts/cluster.sh runs it) on one real PostgreSQL and one real
 * Redis, under the same load: ROOMS meetings of TABLETS light clients (wire-clients.ts), each sending an edit
 * every INTERVAL_MS. The balancer names the relay that took each socket in a header of the upgrade answer
 * (added to the bench's copy of the configuration only), so propagation is split into pairs on one process
 * and pairs on two. Printed per set: p50/p99 of each, and the relays' CPU (user + system, from /proc) per
 * delivered edit. The relays share the server core (cores.ts); PostgreSQL, Redis and HAProxy run with the
 * clients, on the other.
 *
 * PostgreSQL runs with fsync off unless BENCH_PG_FSYNC=on: what is compared is the processes and the Redis hop,
 * and on this machine's shared virtual disk an fsync takes milliseconds to tens of them, varying with other
 * people's work, which would decide every figure (relay/README.md, *Benchmark*, says what fsync on showed).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgresServer } from '../test/support/postgres-server';
import { startRedisServer } from '../test/support/redis-server';
import { pause, prepareClub, waitUntil } from './clients';
import { type CoreTime, describeCoreTime, findProcess, startCoreTime } from './core-time';
import { type ServerProcess, startServer } from './server-process';
import { SendTimes, WireClient } from './wire-clients';

const ROOMS = 20;
const TABLETS = 3;
const INTERVAL_MS = 200;
const MEASURED_MS = 15_000;
const FSYNC = process.env.BENCH_PG_FSYNC === 'on';

export interface ClusterSet {
  readonly relays: number;
  /** The balancer sent every socket of a document to one relay (`balance uri`) instead of leastconn. */
  readonly byDocument: boolean;
  readonly delivered: number;
  /** Pairs whose two tablets are on one relay process, and on two (undefined when there were none). */
  readonly same: { p50: number; p99: number } | undefined;
  readonly cross: { p50: number; p99: number } | undefined;
  readonly relayCpuSeconds: number;
  readonly cpuPerDeliveryUs: number;
  /** Who used the cores during the window, and who waited for one (core-time.ts). */
  readonly coreTime: CoreTime;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * `byDocument`: `balance uri path-only` with consistent hashing, so a document's sockets share a relay (any
 * relay still serves any socket; a dead one's documents move to the others). The README's province on paper
 * weighs it against the shipped leastconn.
 */
async function startBalancer(
  relays: readonly ServerProcess[],
  byDocument: boolean,
): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const config = join(tmpdir(), `chungtay-bench-haproxy-${port}.cfg`);
  let template = readFileSync('deploy/haproxy.cfg', 'utf8');
  if (byDocument)
    template = template.replace('balance leastconn', 'balance uri path-only\n    hash-type consistent');
  template = template.replace(`"\${LB_BIND}"`, `127.0.0.1:${port}`);
  const servers = relays.map((relay, i) => `    server relay${i + 1} 127.0.0.1:${relay.port} check`);
  writeFileSync(
    config,
    [template, '    http-response set-header x-bench-relay %s', ...servers, ''].join('\n'),
  );
  const balancer: ChildProcess = spawn('/usr/sbin/haproxy', ['-f', config, '-db'], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  // Every relay must pass its first health check, or leastconn would send everything to the first.
  const up = async () => {
    const answers = await Promise.all(
      relays.map(() =>
        fetch(`${url}/healthz`).then(
          (r) => r.ok,
          () => false,
        ),
      ),
    );
    return answers.every(Boolean);
  };
  for (let tries = 0; !(await up()); tries++) {
    if (tries > 100) throw new Error('HAProxy did not answer');
    await pause(100);
  }
  await pause(1500);
  return {
    url,
    stop: () => {
      balancer.kill('SIGKILL');
      rmSync(config, { force: true });
    },
  };
}

const summary = (values: number[]) => {
  if (values.length === 0) return undefined;
  values.sort((a, b) => a - b);
  const at = (q: number) => values[Math.min(values.length - 1, Math.floor(q * (values.length - 1)))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
};

async function measureSet(
  relayCount: number,
  byDocument: boolean,
  databaseUrl: string,
  redisUrl: string,
  postgresPort: number,
): Promise<ClusterSet> {
  const relays: ServerProcess[] = [];
  for (let i = 0; i < relayCount; i++)
    relays.push(await startServer('chungtay', [], ['--database-url', databaseUrl, '--redis-url', redisUrl]));
  const balancer = await startBalancer(relays, byDocument);
  const entry = {
    kind: 'chungtay' as const,
    httpUrl: balancer.url,
    syncUrl: `${balancer.url.replace('http', 'ws')}/sync`,
  };
  const clients: WireClient[] = [];
  try {
    const club = await prepareClub(entry);
    const sendTimes = new SendTimes();
    const relayOf = new Map<number, string | undefined>();
    const same: number[] = [];
    const cross: number[] = [];
    let measuring = false;
    for (let i = 0; i < ROOMS * TABLETS; i++) {
      const client: WireClient = new WireClient(
        entry,
        club,
        `meeting/m${Math.floor(i / TABLETS)}`,
        sendTimes,
        (ms, sender) => {
          if (!measuring) return;
          (relayOf.get(sender) === client.upstream ? same : cross).push(ms);
        },
      );
      clients.push(client);
    }
    await waitUntil(() => clients.every((c) => c.synced), 'cluster tablets synced');
    for (const client of clients) relayOf.set(client.doc.clientID, client.upstream);
    if (process.env.BENCH_TRACE) {
      const spread = new Map<string | undefined, number>();
      for (const client of clients) spread.set(client.upstream, (spread.get(client.upstream) ?? 0) + 1);
      process.stdout.write(`sockets per relay: ${JSON.stringify([...spread])}\n`);
    }
    const timers = clients.map((client, i) =>
      setTimeout(
        () => timers.push(setInterval(() => client.ping(), INTERVAL_MS)),
        (i * INTERVAL_MS) / clients.length,
      ),
    );
    await pause(2000);
    const cpu = () => relays.reduce((sum, relay) => sum + relay.cpuSeconds(), 0);
    const cpuBefore = cpu();
    const relayPids = new Set(relays.map((relay) => relay.pid));
    const postmaster = findProcess('postgres', `-p ${postgresPort} `);
    const window = startCoreTime(
      (pid, name) => {
        if (relayPids.has(pid)) return 'relays';
        if (pid === process.pid) return 'clients';
        if (name === 'haproxy') return 'haproxy';
        if (name === 'redis-server') return 'redis';
        return name === 'postgres' ? 'postgresql' : undefined;
      },
      postmaster === undefined ? [] : [postmaster],
    );
    measuring = true;
    await pause(MEASURED_MS);
    const coreTime = window.end();
    const relayCpuSeconds = cpu() - cpuBefore;
    measuring = false;
    for (const timer of timers) clearInterval(timer);
    const delivered = same.length + cross.length;
    return {
      relays: relayCount,
      byDocument,
      delivered,
      same: summary(same),
      cross: summary(cross),
      relayCpuSeconds,
      cpuPerDeliveryUs: (relayCpuSeconds / Math.max(1, delivered)) * 1e6,
      coreTime,
    };
  } finally {
    for (const client of clients) client.destroy();
    balancer.stop();
    for (const relay of relays) await relay.stop();
  }
}

export async function runCluster(): Promise<ClusterSet[]> {
  const [postgres, redis] = await Promise.all([startPostgresServer({ fsync: FSYNC }), startRedisServer()]);
  try {
    const sets: ClusterSet[] = [];
    for (const [relays, byDocument] of [
      [1, false],
      [2, false],
      [3, false],
      [3, true],
    ] as const)
      sets.push(
        await measureSet(relays, byDocument, await postgres.createDatabase(), redis.url, postgres.port),
      );
    return sets;
  } finally {
    await Promise.all([postgres.stop(), redis.stop()]);
  }
}

export function describeCluster(sets: readonly ClusterSet[]): string[] {
  const f = (v?: { p50: number; p99: number }) =>
    v === undefined ? '—' : `${v.p50.toFixed(1)} / ${v.p99.toFixed(1)}`;
  const one = sets[0]?.same?.p99 ?? Number.NaN;
  return [
    `${ROOMS} meetings × ${TABLETS} tablets through HAProxy, an edit per tablet every ${INTERVAL_MS} ms, ${MEASURED_MS / 1000} s measured; PostgreSQL with fsync ${FSYNC ? 'on' : 'off (BENCH_PG_FSYNC=on to turn it on)'}`,
    '| relays | delivered | same process p50 / p99 (ms) | across processes p50 / p99 (ms) | p99 across ÷ one process | relay CPU per delivered edit |',
    '|---:|---:|---:|---:|---:|---:|',
    ...sets.map(
      (s) =>
        `| ${s.relays}${s.byDocument ? ', by document' : ''} | ${s.delivered} | ${f(s.same)} | ${f(s.cross)} | ${s.cross === undefined ? '—' : (s.cross.p99 / one).toFixed(2)} | ${s.cpuPerDeliveryUs.toFixed(0)} µs |`,
    ),
    'Core time during each window (relays on one core; clients, HAProxy, Redis and PostgreSQL on the other):',
    ...sets.map(
      (s) => `- ${s.relays}${s.byDocument ? ', by document' : ''}: ${describeCoreTime(s.coreTime)}`,
    ),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of describeCluster(await runCluster())) process.stdout.write(`${line}\n`);
  process.exit(0);
}
