/**
 * `tsx bench/idle-connections.ts [2000,5000,10000] [chungtay|reference|both]`: the server's RSS with many idle
 * connections, and what each added connection costs. The connections are bare `ws` sockets that do the
 * y-websocket handshake (sync step 1 and 2, nothing to send) and then stay idle, spread over 100 documents of
 * one club, so rooms are few and fixed and what grows is the per-connection cost alone.
 *
 * Per connection = (RSS at N − RSS at the 100 first connections) / (N − 100). At each level, 10 pairs of active
 * clients (in rooms of their own) exchange 20 rounds of edits: the p99 of their propagation. The benchmark process needs one
 * file descriptor per connection too, and so does the server (which inherits the limit): `pnpm bench` raises
 * the soft `ulimit -n` to the hard one (20,000 on this machine); a level the limit cannot hold is skipped.
 */

import { readFileSync } from 'node:fs';
import { connectionProtocols, SyncMessageType, versionParams } from '@chungtay/protocol';
import { syncFrame } from '@chungtay/sync-frames';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { type BenchClub, pause, prepareClub, waitUntil } from './clients';
import { type ServerKind, type ServerProcess, startServer } from './server-process';
import { SendTimes, WireClient } from './wire-clients';

const ROOMS = 100;
const EMPTY_STATE_VECTOR = new Uint8Array([0]);
/** An empty document's update, as a client with nothing answers a sync step 1. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

export interface IdleLevel {
  readonly connections: number;
  readonly rssMiB: number;
  /** KiB per connection added beyond the first ROOMS (one per room). */
  readonly perConnectionKiB: number;
  /** p99 propagation of updates between 10 pairs of active clients while the idle ones stay connected. */
  readonly updateP99Ms: number;
}

const ACTIVE_PAIRS = 10;

/** Ten pairs of light clients (wire-clients.ts) in rooms of their own; each round every one sends an edit. */
async function updateP99(actives: readonly WireClient[], samples: number[]): Promise<number> {
  samples.length = 0;
  for (let round = 0; round < 20; round++) {
    for (const client of actives) client.ping();
    await pause(100);
  }
  await waitUntil(() => samples.length >= actives.length * 20, 'the active clients’ edits', 30_000).catch(
    () => undefined,
  );
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.99 * (sorted.length - 1)))] ?? Number.NaN;
}

/** One idle client: handshake, then nothing. Resolves once it received the server's sync step 2. */
export function openIdle(server: ServerProcess, club: BenchClub, room: number): Promise<WebSocket> {
  const query = new URLSearchParams(versionParams()).toString();
  const socket = new WebSocket(
    `${server.syncUrl}/${club.clubId}/idle/r${room}?${query}`,
    connectionProtocols(club.editorKey),
    { perMessageDeflate: false },
  );
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.on('open', () => socket.send(syncFrame(SyncMessageType.step1, EMPTY_STATE_VECTOR)));
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(data);
      if (decoding.readVarUint(decoder) !== 0) return;
      const type = decoding.readVarUint(decoder);
      if (type === SyncMessageType.step1) socket.send(syncFrame(SyncMessageType.step2, EMPTY_UPDATE));
      else if (type === SyncMessageType.step2) resolve(socket);
    });
  });
}

/**
 * RSS once it stopped moving, then the lowest reading over the next IDLE_WATCH_MS: the server's garbage
 * collector runs when it likes, and V8's memory reducer starts a full collection only seconds after a process
 * went quiet. Without the watch, whether the handshakes' garbage was still held decided ±20 MiB at 19,000 for
 * either server (one run read ours at 188 MiB, the runs around it 167–170).
 */
const IDLE_WATCH_MS = 8000;

async function settledRss(server: ServerProcess): Promise<number> {
  let last = server.memory().rssMiB;
  for (let i = 0; i < 20; i++) {
    await pause(500);
    const now = server.memory().rssMiB;
    if (Math.abs(now - last) < 0.25) break;
    last = now;
  }
  let lowest = last;
  for (let waited = 0; waited < IDLE_WATCH_MS; waited += 500) {
    await pause(500);
    lowest = Math.min(lowest, server.memory().rssMiB);
  }
  return lowest;
}

export async function runIdleConnections(
  server: ServerProcess,
  levels: readonly number[],
): Promise<IdleLevel[]> {
  const club = await prepareClub(server);
  const samples: number[] = [];
  const sendTimes = new SendTimes();
  const actives = Array.from(
    { length: ACTIVE_PAIRS * 2 },
    (_, i) => new WireClient(server, club, `active/a${i >> 1}`, sendTimes, (ms) => samples.push(ms)),
  );
  await waitUntil(() => actives.every((client) => client.synced), 'the active clients synced');
  const sockets: WebSocket[] = [];
  const openUpTo = async (count: number) => {
    while (sockets.length < count) {
      const batch = Math.min(250, count - sockets.length);
      const start = sockets.length;
      sockets.push(
        ...(await Promise.all(
          Array.from({ length: batch }, (_, i) => openIdle(server, club, (start + i) % ROOMS)),
        )),
      );
    }
  };
  try {
    await openUpTo(ROOMS);
    const base = await settledRss(server);
    const results: IdleLevel[] = [];
    for (const level of levels) {
      await openUpTo(level);
      const rssMiB = await settledRss(server);
      results.push({
        connections: level,
        rssMiB,
        perConnectionKiB: ((rssMiB - base) * 1024) / (level - ROOMS),
        updateP99Ms: await updateP99(actives, samples),
      });
    }
    return results;
  } finally {
    for (const client of actives) client.destroy();
    for (const socket of sockets) socket.terminate();
    await waitUntil(() => sockets.every((s) => s.readyState === WebSocket.CLOSED), 'sockets closed');
  }
}

/** This process's soft limit on open files (`ulimit -n`), which the servers it starts inherit. */
export function openFileLimit(): number {
  const line = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
  return Number(line?.[1] ?? 1024);
}

/** Sockets beyond the idle ones: the active pairs, the HTTP registration, stdio, the loader's files. */
const SPARE_DESCRIPTORS = 200;

/** The levels the open-file limit can hold. */
export function idleLevels(wanted: readonly number[], limit: number): number[] {
  return wanted.filter((level) => level + SPARE_DESCRIPTORS <= limit);
}

/** One row per level: both servers' RSS and update p99, side by side. */
export function describeIdleTable(reference: readonly IdleLevel[], ours: readonly IdleLevel[]): string[] {
  const lines = [
    '| idle connections | reference RSS (MiB) | chungtay RSS (MiB) | ratio | reference KiB each | chungtay KiB each | reference update p99 (ms) | chungtay update p99 (ms) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [i, mine] of ours.entries()) {
    const ref = reference[i];
    if (ref === undefined) continue;
    lines.push(
      `| ${mine.connections} | ${ref.rssMiB.toFixed(1)} | ${mine.rssMiB.toFixed(1)} | ${(mine.rssMiB / ref.rssMiB).toFixed(2)} | ${ref.perConnectionKiB.toFixed(2)} | ${mine.perConnectionKiB.toFixed(2)} | ${ref.updateP99Ms.toFixed(1)} | ${mine.updateP99Ms.toFixed(1)} |`,
    );
  }
  return lines;
}

export function describeIdle(kind: ServerKind, levels: readonly IdleLevel[]): string {
  return `${kind}: ${levels
    .map(
      (l) =>
        `${l.connections}: ${l.rssMiB.toFixed(1)} MiB (${l.perConnectionKiB.toFixed(2)} KiB each), update p99 ${l.updateP99Ms.toFixed(1)} ms`,
    )
    .join(', ')}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const levels = idleLevels((process.argv[2] ?? '2000,5000,10000').split(',').map(Number), openFileLimit());
  const which = process.argv[3] ?? 'both';
  const kinds: ServerKind[] = which === 'both' ? ['reference', 'chungtay'] : [which as ServerKind];
  for (const kind of kinds) {
    const server = await startServer(kind);
    try {
      process.stdout.write(`${describeIdle(kind, await runIdleConnections(server, levels))}\n`);
    } finally {
      await server.stop();
    }
  }
  process.exit(0);
}
