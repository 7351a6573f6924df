/** The three measured workloads. Each runs against a freshly started server. */
import * as Y from 'yjs';
import { type BenchClient, type BenchClub, openClient, pause, prepareClub, waitUntil } from './clients';
import { type CoreTime, startCoreTime } from './core-time';
import type { ServerProcess } from './server-process';
import { SendTimes, WireClient } from './wire-clients';

export interface LoadResult {
  readonly samples: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly cpuSeconds: number;
  /** Of cpuSeconds, the kernel's part (system time). */
  readonly systemSeconds: number;
  readonly peakRssMiB: number;
  /** Write system calls by the server during the load (frames sent, plus its storage's writes). */
  readonly writeCalls: number;
  /** The server's and the clients' core time during the load, and the time they waited for a core. */
  readonly coreTime: CoreTime;
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))] ?? Number.NaN;
}

/** One load client, whatever it is made of: it writes a timestamped edit on `ping` and reports arrivals. */
interface LoadClient {
  readonly synced: boolean;
  ping(): void;
  destroy(): void;
}

type OpenLoadClient = (room: string, onLatency: (ms: number) => void) => LoadClient;

/** A stock WebsocketProvider: latency measured when the edit has been applied to its Y.Doc. */
function providerClient(server: ServerProcess, club: BenchClub): OpenLoadClient {
  return (room, onLatency) => {
    const client = openClient(server, club, room);
    const key = String(client.doc.clientID);
    const pings = client.doc.getMap<number>('pings');
    pings.observe((event) => {
      if (event.transaction.local) return;
      const now = performance.now();
      for (const changed of event.keysChanged) onLatency(now - (pings.get(changed) ?? now));
    });
    return {
      get synced() {
        return client.provider.synced;
      },
      ping: () => pings.set(key, performance.now()),
      destroy: () => client.destroy(),
    };
  };
}

/** A light client of wire-clients.ts: latency measured on arrival at the socket. */
function wireClient(server: ServerProcess, club: BenchClub): OpenLoadClient {
  const sendTimes = new SendTimes();
  return (room, onLatency) => new WireClient(server, club, room, sendTimes, onLatency);
}

/**
 * `clients` clients over `rooms` rooms, each sending a timestamped edit every `intervalMs`: stock providers
 * by default, the light wire clients with `wire` (see wire-clients.ts).
 */
export async function runLoad(
  server: ServerProcess,
  wire = false,
  clients = 200,
  rooms = 50,
  intervalMs = 500,
  durationMs = 20_000,
): Promise<LoadResult> {
  const club = await prepareClub(server);
  const open = wire ? wireClient(server, club) : providerClient(server, club);
  const latencies: number[] = [];
  let measuring = false;
  const opened: LoadClient[] = [];
  for (let i = 0; i < clients; i++)
    opened.push(
      open(`room${i % rooms}`, (ms) => {
        if (measuring) latencies.push(ms);
      }),
    );
  await waitUntil(() => opened.every((c) => c.synced), 'load clients synced');
  const cpuBefore = server.cpuSplit();
  const writesBefore = server.syscalls().writes;
  const window = startCoreTime((pid) =>
    pid === server.pid ? 'server' : pid === process.pid ? 'clients' : undefined,
  );
  measuring = true;
  const timers: ReturnType<typeof setTimeout>[] = [];
  for (const client of opened) {
    // Spread the clients over the interval so they do not all write in lockstep.
    timers.push(
      setTimeout(() => {
        timers.push(setInterval(() => client.ping(), intervalMs));
      }, Math.random() * intervalMs),
    );
  }
  await pause(durationMs);
  for (const timer of timers) clearTimeout(timer);
  // Let in-flight edits arrive: until no new sample for 500 ms, at most 10 s.
  for (let waited = 0, seen = -1; seen !== latencies.length && waited < 10_000; waited += 500) {
    seen = latencies.length;
    await pause(500);
  }
  measuring = false;
  const coreTime = window.end();
  const cpuAfter = server.cpuSplit();
  const systemSeconds = cpuAfter.system - cpuBefore.system;
  const cpuSeconds = cpuAfter.user - cpuBefore.user + systemSeconds;
  const writeCalls = server.syscalls().writes - writesBefore;
  const { peakRssMiB } = server.memory();
  for (const client of opened) client.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    cpuSeconds,
    systemSeconds,
    peakRssMiB,
    writeCalls,
    coreTime,
  };
}

export interface IdleResult {
  readonly baselineRssMiB: number;
  readonly rssMiB: number;
  readonly perRoomKiB: number;
}

/** `rooms` rooms, each with a small document and one connected client that then stays idle. */
export async function runIdleRooms(server: ServerProcess, rooms = 1000): Promise<IdleResult> {
  const club = await prepareClub(server);
  await pause(500);
  const baselineRssMiB = server.memory().rssMiB;
  const opened: BenchClient[] = [];
  for (let batch = 0; batch < rooms; batch += 100) {
    const group: BenchClient[] = [];
    for (let i = batch; i < Math.min(rooms, batch + 100); i++) {
      const doc = new Y.Doc();
      const members = doc.getMap('members');
      doc.transact(() => {
        for (let m = 0; m < 10; m++)
          members.set(`m${m}`, { name: `Member ${m}`, joined: '2025-01-01', group: m % 3 });
      });
      group.push(openClient(server, club, `idle${i}`, doc));
    }
    await waitUntil(() => group.every((c) => c.provider.synced), 'idle batch synced');
    opened.push(...group);
  }
  // The client's own sync step 2 follows its 'synced'; give the server a moment to take it in, then read RSS.
  await pause(3000);
  const rssMiB = server.memory().rssMiB;
  for (const client of opened) client.destroy();
  return { baselineRssMiB, rssMiB, perRoomKiB: ((rssMiB - baselineRssMiB) * 1024) / rooms };
}

export interface BigDocResult {
  readonly documentBytes: number;
  readonly syncMs: readonly number[];
}

/** Seeds a ~5 MB document (20,000 records) in 125 kB updates, then times fresh clients syncing it. */
export async function runBigDoc(server: ServerProcess, records = 20_000, trials = 3): Promise<BigDocResult> {
  const club = await prepareClub(server);
  const seeder = openClient(server, club, 'big');
  await waitUntil(() => seeder.provider.synced, 'seeder synced');
  const map = seeder.doc.getMap('records');
  const filler = 'x'.repeat(200);
  for (let start = 0; start < records; start += 500) {
    seeder.doc.transact(() => {
      for (let i = start; i < start + 500; i++)
        map.set(`r${i}`, { id: i, name: `Record ${i}`, note: filler });
    });
    await waitUntil(() => (seeder.provider.ws?.bufferedAmount ?? 0) === 0, 'seed chunk sent');
  }
  const documentBytes = Y.encodeStateAsUpdate(seeder.doc).length;
  const fetchAll = async () => {
    const client = openClient(server, club, 'big');
    const started = performance.now();
    await waitUntil(() => client.doc.getMap('records').size === records, 'big doc synced');
    const elapsed = performance.now() - started;
    client.destroy();
    return elapsed;
  };
  await fetchAll(); // warm-up: also proves the server holds every record before timing starts
  const syncMs: number[] = [];
  for (let i = 0; i < trials; i++) syncMs.push(await fetchAll());
  seeder.destroy();
  return { documentBytes, syncMs };
}
