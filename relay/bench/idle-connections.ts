/**
 * `tsx bench/idle-connections.ts [2000,5000,10000] [chungtay|reference|both]`: the server's RSS with many idle
 * connections, and what each added connection costs. The connections are bare `ws` sockets that do the
 * y-websocket handshake (sync step 1 and 2, nothing to send) and then stay idle, spread over 100 documents of
 * one club, so rooms are few and fixed and what grows is the per-connection cost alone.
 *
 * Per connection = (RSS at N − RSS at the 100 first connections) / (N − 100). At each level, 10 pairs of active
 * clients (in rooms of their own) exchange 20 rounds of edits: the p99 of their propagation. The benchmark process needs one
 * file descriptor per connection too: raise `ulimit -n` for 19,000 (this machine allows 20,000).
 */
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

/** RSS once it stopped moving: the server's garbage collector runs when it likes. */
async function settledRss(server: ServerProcess): Promise<number> {
  let last = server.memory().rssMiB;
  for (let i = 0; i < 20; i++) {
    await pause(500);
    const now = server.memory().rssMiB;
    if (Math.abs(now - last) < 0.25) return now;
    last = now;
  }
  return last;
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

export function describeIdle(kind: ServerKind, levels: readonly IdleLevel[]): string {
  return `${kind}: ${levels
    .map(
      (l) =>
        `${l.connections}: ${l.rssMiB.toFixed(1)} MiB (${l.perConnectionKiB.toFixed(2)} KiB each), update p99 ${l.updateP99Ms.toFixed(1)} ms`,
    )
    .join(', ')}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const levels = (process.argv[2] ?? '2000,5000,10000').split(',').map(Number);
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
