/**
 * A client that sends faster than its rate limit is slowed (its socket is no longer read until it is back
 * under the limit), never cut off, and everything it sent is processed in order, even when it leaves at once.
 * Only a connection held back without a break for RATE_LIMIT_CLOSE_AFTER_MS is closed (4003), after every
 * frame it had already delivered was applied. Limits are scaled down here so the tests stay short; the ratios
 * are those of the defaults (a burst far beyond the bucket).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloseCode, connectionParams } from '@chungtay/protocol';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { RelayConfig } from '../src/config';
import { DEFAULT_LIMITS } from '../src/limits';
import { openSqliteStorage } from '../src/store/sqlite-doc-store';
import {
  connectClient,
  rawSocket,
  registerClub,
  startTestRelay,
  type TestClient,
  type TestRelay,
  waitFor,
} from './helpers';

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The (from, to) clock range of `client`'s structs in an update. */
function clockRange(update: Uint8Array, client: number): [number, number] | undefined {
  const meta = Y.parseUpdateMeta(update);
  const to = meta.to.get(client);
  return to === undefined ? undefined : [meta.from.get(client) ?? 0, to];
}

describe('a client sending faster than its rate limit', () => {
  let relay: TestRelay | undefined;
  let dataDir: string | undefined;
  const cleanups: Array<() => void> = [];

  async function start(limits: Partial<RelayConfig['limits']>, sqlite = false): Promise<TestRelay> {
    const config: Partial<RelayConfig> = { limits: { ...DEFAULT_LIMITS, ...limits } };
    if (!sqlite) relay = await startTestRelay(config);
    else {
      dataDir = mkdtempSync(join(tmpdir(), 'relay-burst-'));
      relay = await startTestRelay(config, openSqliteStorage(dataDir, 'normal'));
    }
    return relay;
  }

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    await relay?.close();
    relay = undefined;
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  });

  it('gets all 5,000 transactions of a stock client that disconnects at once to a later client', async () => {
    // 1,000 messages a second with a burst of 300: the 5,000 frames take the relay about 5 s, most of it
    // after the client has gone (it sends them all within a few hundred ms, then closes).
    const relay = await start({ rateLimitMessagesPerSecond: 1000, rateLimitBurst: 300 }, true);
    const club = await registerClub(relay.httpUrl);
    const doc = new Y.Doc();
    const writer = new WebsocketProvider(relay.syncUrl, club.clubId, doc, {
      params: { ...connectionParams(club.editorKey) },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    cleanups.push(() => writer.destroy());
    await waitFor(() => writer.synced, 'writer synced');
    const socket = writer.ws as unknown as WebSocket;
    const rows = doc.getMap<number>('rows');
    for (let i = 0; i < 5000; i++) rows.set(String(i), i);
    writer.destroy();
    // The close handshake completes: the relay read the whole burst while still processing it.
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));

    const later = connectClient(relay.syncUrl, club.clubId, club.editorKey);
    cleanups.push(() => later.destroy());
    await waitFor(() => later.doc.getMap('rows').size === 5000, 'all 5,000 rows', 20_000);
    expect(Y.encodeStateVector(later.doc)).toEqual(Y.encodeStateVector(doc));
    expect(later.doc.getMap('rows').toJSON()).toEqual(rows.toJSON());
    expect(relay.metrics.closed.get('rateLimited')).toBeUndefined();
    expect(relay.metrics.messagesHeldBack).toBeGreaterThan(0);
    expect(relay.metrics.updatesStored).toBe(5000);
  });

  it('slows a client over the limit without closing it: its updates reach the others in order', async () => {
    const relay = await start({ rateLimitMessagesPerSecond: 200, rateLimitBurst: 50 });
    const club = await registerClub(relay.httpUrl);
    const sender: TestClient = connectClient(relay.syncUrl, club.clubId, club.editorKey);
    const reader: TestClient = connectClient(relay.syncUrl, club.clubId, club.editorKey);
    cleanups.push(
      () => sender.destroy(),
      () => reader.destroy(),
    );
    await waitFor(() => sender.provider.synced && reader.provider.synced, 'both synced');
    const ranges: Array<[number, number]> = [];
    reader.doc.on('update', (update: Uint8Array) => {
      const range = clockRange(update, sender.doc.clientID);
      if (range !== undefined) ranges.push(range);
    });
    for (let i = 0; i < 400; i++) sender.text.insert(sender.text.length, String(i % 10));
    await waitFor(() => reader.text.length === 400, 'reader has every insertion');
    await waitFor(() => sender.holdsAll(), 'sender told everything is stored');
    // One update per insertion, each starting where the previous one ended: processed in the order sent.
    expect(ranges).toHaveLength(400);
    expect(ranges.map(([from]) => from)).toEqual([0, ...ranges.slice(0, -1).map(([, to]) => to)]);
    expect(reader.text.toString()).toBe(sender.text.toString());
    expect(sender.closes).toEqual([]);
    expect(relay.metrics.messagesHeldBack).toBeGreaterThan(0);
    expect(relay.metrics.closed.get('rateLimited')).toBeUndefined();
  });

  it('closes a connection held back without a break for the configured time with 4003, after applying every frame it had delivered', async () => {
    const relay = await start({
      rateLimitMessagesPerSecond: 100,
      rateLimitBurst: 20,
      rateLimitCloseAfterMs: 1000,
    });
    const club = await registerClub(relay.httpUrl);
    // Far over the limit for longer than a second: 3,000 updates of one client, each after the previous. They
    // carry 1 KB each: what one socket read holds (64 KiB) is then handled within a second of the decision.
    const doc = new Y.Doc();
    const frames: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => frames.push(syncUpdateFrame(update)));
    const padding = 'x'.repeat(1000);
    for (let i = 0; i < 3000; i++) doc.getArray<string>('a').push([`${i} ${padding}`]);
    const abuser = rawSocket(relay.syncUrl, club.clubId, club.editorKey);
    await abuser.opened;
    for (const frame of frames) abuser.socket.send(frame);
    expect(await abuser.closed).toBe(CloseCode.rateLimited);
    expect(relay.metrics.closed.get('rateLimited')).toBe(1);

    // Every frame the relay took from the socket was applied and stored, none half: the stored log is exactly
    // the first N updates, N being the frames received.
    await waitFor(() => relay.metrics.connections === 0, 'connection released');
    const received = relay.metrics.messagesReceived;
    expect(received).toBeGreaterThan(100);
    expect(received).toBeLessThan(3000);
    expect(relay.metrics.updatesStored).toBe(received);
    const stored = new Y.Doc();
    for (const update of (await relay.storage.docs.load(club.clubId)).updates) Y.applyUpdate(stored, update);
    expect(stored.getArray('a').toJSON()).toEqual(
      Array.from({ length: received }, (_, i) => `${i} ${padding}`),
    );
  });

  it('on shutdown stores every frame already received from a held-back client before closing it with 4005', async () => {
    const running = await start({ rateLimitMessagesPerSecond: 50, rateLimitBurst: 10 }, true);
    const club = await registerClub(running.httpUrl);
    const doc = new Y.Doc();
    const frames: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => frames.push(syncUpdateFrame(update)));
    for (let i = 0; i < 500; i++) doc.getArray<number>('a').push([i]);
    const client = rawSocket(running.syncUrl, club.clubId, club.editorKey);
    await client.opened;
    for (const frame of frames) client.socket.send(frame);
    await waitFor(() => running.metrics.connectionsHeldBack === 1, 'held back');
    relay = undefined;
    await running.close();
    expect(await client.closed).toBe(CloseCode.shuttingDown);

    // Reopened from disk: exactly the frames the relay had taken from the socket, in order, more than the
    // bucket allowed before the shutdown.
    const received = running.metrics.messagesReceived;
    expect(running.metrics.updatesStored).toBe(received);
    const storage = openSqliteStorage(dataDir ?? '', 'normal');
    try {
      const stored = new Y.Doc();
      for (const update of (await storage.docs.load(club.clubId)).updates) Y.applyUpdate(stored, update);
      expect(stored.getArray('a').toJSON()).toEqual(Array.from({ length: received }, (_, i) => i));
      expect(received).toBeGreaterThan(10);
    } finally {
      await storage.close();
    }
  });
});

describe('ws 8.23 back-pressure, which the relay relies on', () => {
  it('delivers no message while a socket is paused, and every one in order after resume()', async () => {
    const { WebSocketServer } = await import('ws');
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const received: number[] = [];
    const accepted = new Promise<WebSocket>((resolve) =>
      server.once('connection', (ws: WebSocket) => {
        ws.pause();
        ws.on('message', (data: Buffer) => received.push(data.readUInt32BE(0)));
        resolve(ws);
      }),
    );
    const { port } = server.address() as { port: number };
    const client = new WebSocket(`ws://127.0.0.1:${port}`);
    try {
      await new Promise<void>((resolve) => client.once('open', () => resolve()));
      const ws = await accepted;
      expect(ws.isPaused).toBe(true);
      for (let i = 0; i < 2000; i++) {
        const frame = Buffer.alloc(32);
        frame.writeUInt32BE(i, 0);
        client.send(frame);
      }
      // The bytes reach the server's socket, which holds them unread and emits nothing.
      const socket = (ws as unknown as { _socket: { bytesRead: number } })._socket;
      await waitFor(() => socket.bytesRead > 1000, 'bytes arrive');
      expect(received).toEqual([]);
      ws.resume();
      expect(ws.isPaused).toBe(false);
      await waitFor(() => received.length === 2000, 'every message');
      expect(received).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    } finally {
      client.terminate();
      server.close();
    }
  });
});
