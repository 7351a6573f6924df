/**
 * `tsx bench/reconnect-storm.ts [tablets] [documents]` (70 × 40 by default, also in `pnpm bench`): the relay is
 * killed with -9 while every tablet holds every document open, the tablets edit each document while it is
 * down, and it is started again at once on the same port and data directory (as a service manager would).
 * Printed: the time from the kill until every connection has reported "stored" again (storm-client.ts uses
 * the app's rule), and its spread over the connections.
 *
 * The tablets belong to clubs of TABLETS_PER_CLUB, and each opens `documents` documents of its club (the club
 * document, health, meetings), so a room holds a club's tablets, as at a meeting. Each document is seeded
 * with SEED_RECORDS records before the kill, so the restarted relay reads real documents back from SQLite.
 */
import { randomBytes } from 'node:crypto';
import { generateKey, registerClubPath } from '@chungtay/protocol';
import { type BenchClub, pause, waitUntil } from './clients';
import { type ServerProcess, startServer } from './server-process';
import { StormClient } from './storm-client';

const TABLETS_PER_CLUB = 7;
const SEED_RECORDS = 30;
const RECORD = 'x'.repeat(120);

export interface StormResult {
  readonly connections: number;
  readonly rooms: number;
  /** From the kill -9 until the new process printed "relay listening". */
  readonly restartMs: number;
  /** From the kill -9 until every connection reported "stored" (the target: ≤ 30 s). */
  readonly allStoredMs: number;
  readonly p50StoredMs: number;
  readonly p99StoredMs: number;
  /** CPU seconds the new relay process used until then. */
  readonly relayCpuSeconds: number;
}

async function registerClub(server: ServerProcess): Promise<BenchClub> {
  const club = { clubId: randomBytes(12).toString('base64url'), editorKey: generateKey() };
  const response = await fetch(server.httpUrl + registerClubPath(club.clubId), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ editorKey: club.editorKey, viewerKey: generateKey() }),
  });
  if (response.status !== 201) throw new Error(`register failed: ${response.status}`);
  return club;
}

function documentName(club: BenchClub, index: number): string {
  if (index === 0) return club.clubId;
  if (index === 1) return `${club.clubId}/health`;
  return `${club.clubId}/meeting/m${index}`;
}

const allStored = (clients: readonly StormClient[]) => clients.every((c) => c.storedAt !== undefined);

/** Opens `clients` in batches (a tablet opens its documents one after another, not all in one instant). */
async function openAll(
  server: ServerProcess,
  clubs: readonly BenchClub[],
  tablets: number,
  documents: number,
) {
  const clients: StormClient[] = [];
  for (let tablet = 0; tablet < tablets; tablet++) {
    const club = clubs[Math.floor(tablet / TABLETS_PER_CLUB)] as BenchClub;
    const batch = Array.from(
      { length: documents },
      (_, d) => new StormClient(server.syncUrl, club, documentName(club, d)),
    );
    await waitUntil(() => batch.every((c) => c.connected), 'a tablet’s documents connected');
    clients.push(...batch);
  }
  return clients;
}

export async function runReconnectStorm(tablets = 70, documents = 40): Promise<StormResult> {
  const first = await startServer('chungtay');
  const clubs: BenchClub[] = [];
  for (let i = 0; i < Math.ceil(tablets / TABLETS_PER_CLUB); i++) clubs.push(await registerClub(first));
  const clients = await openAll(first, clubs, tablets, documents);
  // Seed: the first tablet of each club writes the records, then every tablet makes an edit of its own.
  for (const [i, client] of clients.entries()) {
    if (Math.floor(i / documents) % TABLETS_PER_CLUB === 0)
      for (let r = 0; r < SEED_RECORDS; r++) client.edit(`seed${r}`, RECORD);
  }
  await pause(500);
  for (const [i, client] of clients.entries()) client.edit(`tablet${Math.floor(i / documents)}`, RECORD);
  await waitUntil(() => allStored(clients), 'the seeded documents stored', 120_000);

  const killedAt = performance.now();
  await first.kill();
  await waitUntil(() => clients.every((c) => !c.connected), 'every socket closed');
  // Edits made on the tablets while the relay is down: each reconnection has something new to store.
  for (const [i, client] of clients.entries()) client.edit(`offline${Math.floor(i / documents)}`, RECORD);
  const second = await startServer('chungtay', [], [], { port: first.port, dataDir: first.dataDir });
  const restartMs = performance.now() - killedAt;
  const progress = setInterval(() => {
    if (process.env.BENCH_TRACE)
      process.stdout.write(
        `${((performance.now() - killedAt) / 1000).toFixed(1)} s: ${clients.filter((c) => c.connected).length} connected, ${clients.filter((c) => c.storedAt !== undefined).length} stored, relay CPU ${second.cpuSeconds()}\n`,
      );
  }, 1000);
  try {
    await waitUntil(() => allStored(clients), 'every connection stored after the restart', 300_000);
    const allStoredMs = performance.now() - killedAt;
    const times = clients.map((c) => (c.storedAt ?? Number.NaN) - killedAt).sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * (times.length - 1)))] ?? 0;
    return {
      connections: clients.length,
      rooms: clubs.length * documents,
      restartMs,
      allStoredMs,
      p50StoredMs: at(0.5),
      p99StoredMs: at(0.99),
      relayCpuSeconds: second.cpuSeconds(),
    };
  } finally {
    clearInterval(progress);
    for (const client of clients) client.destroy();
    await second.stop();
  }
}

export function describeStorm(result: StormResult): string {
  const s = (ms: number) => (ms / 1000).toFixed(2);
  return `${result.connections} connections over ${result.rooms} documents: relay listening again ${s(result.restartMs)} s after kill -9; every connection "stored" ${s(result.allStoredMs)} s after it (p50 ${s(result.p50StoredMs)} s, p99 ${s(result.p99StoredMs)} s; target ≤ 30 s); the new relay's CPU until then ${result.relayCpuSeconds.toFixed(2)} s, ${((result.relayCpuSeconds * 100_000) / (result.allStoredMs - result.restartMs)).toFixed(0)}% of a core from listening to the last "stored" (the rest of that core went to other processes)`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tablets = Number(process.argv[2] ?? 70);
  const documents = Number(process.argv[3] ?? 40);
  process.stdout.write(`${describeStorm(await runReconnectStorm(tablets, documents))}\n`);
  process.exit(0);
}
