import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { Transform, type TransformCallback } from 'node:stream';
import { MessageType, SyncMessageType } from '@chungtay/protocol';
import { encodeSyncStep2Frames } from '@chungtay/sync-frames';
import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  connectClient,
  registerClub,
  startTestRelay,
  type TestClient,
  type TestClub,
  type TestRelay,
  waitFor,
} from './helpers';

/** 1 Mbit/s, a village's shared link on a good day. */
const BYTES_PER_SECOND = 125_000;

/** Passes bytes on no faster than `bytesPerSecond`, in small slices, as a slow link delivers them. */
class Throttle extends Transform {
  constructor(private readonly bytesPerSecond: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let offset = 0;
    const next = () => {
      if (offset >= chunk.length) return done();
      const slice = chunk.subarray(offset, offset + 4096);
      offset += slice.length;
      this.push(slice);
      setTimeout(next, (slice.length / this.bytesPerSecond) * 1000);
    };
    next();
  }
}

/** A TCP proxy in front of the relay with one direction throttled: to the tablet (down) or from it (up). */
async function slowLink(
  relayPort: number,
  direction: 'down' | 'up' = 'down',
): Promise<{ port: number; server: Server; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((client) => {
    const upstream = createConnection(relayPort, '127.0.0.1');
    sockets.push(client, upstream);
    if (direction === 'up') {
      client.pipe(new Throttle(BYTES_PER_SECOND)).pipe(upstream);
      upstream.pipe(client);
    } else {
      client.pipe(upstream);
      upstream.pipe(new Throttle(BYTES_PER_SECOND)).pipe(client);
    }
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { port: address.port, server, sockets };
}

describe('a large first sync over a 1 Mbit/s link', () => {
  let relay: TestRelay;
  let club: TestClub;
  const clients: TestClient[] = [];

  beforeEach(async () => {
    relay = await startTestRelay();
    club = await registerClub(relay.httpUrl);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay.close();
  });

  it("completes although it takes longer than y-websocket's 30 s watchdog, because it arrives in parts", async () => {
    // About 4.4 MB: 35 s at 1 Mbit/s, so a single sync message would trip the client's 30 s timeout.
    const seeder = connectClient(relay.syncUrl, club.clubId, club.editorKey);
    clients.push(seeder);
    await waitFor(() => seeder.provider.synced, 'seeder synced');
    const records = seeder.doc.getMap('records');
    const note = 'Ghi chú buổi sinh hoạt '.repeat(8);
    for (let start = 0; start < 18_000; start += 1000) {
      seeder.doc.transact(() => {
        for (let i = start; i < start + 1000; i++) records.set(`r${i}`, { i, note });
      });
    }
    await waitFor(() => seeder.holdsAll(), 'seed stored', 30_000);

    const link = await slowLink(relay.port);
    try {
      const tablet = connectClient(`ws://127.0.0.1:${link.port}/sync`, club.clubId, club.editorKey);
      clients.push(tablet);
      const arrivals: number[] = [];
      const sync = tablet.provider.messageHandlers[MessageType.sync];
      tablet.provider.messageHandlers[MessageType.sync] = (...args) => {
        arrivals.push(Date.now());
        sync?.(...args);
      };
      const started = Date.now();
      await waitFor(() => tablet.provider.synced, 'slow tablet synced', 90_000);
      const elapsed = Date.now() - started;

      expect(tablet.doc.getMap('records').size).toBe(18_000);
      expect(tablet.closes).toEqual([]);
      // It really was slow: longer than the watchdog; and no gap between messages came near it.
      expect(elapsed).toBeGreaterThan(30_000);
      const gaps = arrivals.slice(1).map((at, i) => at - (arrivals[i] ?? at));
      expect(arrivals.length).toBeGreaterThan(10);
      expect(Math.max(...gaps)).toBeLessThan(10_000);
    } finally {
      for (const socket of link.sockets) socket.destroy();
      link.server.close();
    }
  }, 120_000);

  it('takes a large first upload from a tablet in parts, as the app sends it, within the watchdog', async () => {
    // A tablet that worked offline: about 4.4 MB the relay lacks, 35 s upwards at 1 Mbit/s.
    const doc = new Y.Doc();
    const records = doc.getMap('records');
    const note = 'Ghi chú buổi sinh hoạt '.repeat(8);
    for (let start = 0; start < 18_000; start += 1000) {
      doc.transact(() => {
        for (let i = start; i < start + 1000; i++) records.set(`r${i}`, { i, note });
      });
    }
    const link = await slowLink(relay.port, 'up');
    try {
      const tablet = connectClient(`ws://127.0.0.1:${link.port}/sync`, club.clubId, club.editorKey, doc);
      clients.push(tablet);
      // What the app's RelaySync does with the relay's sync step 1 (client/src/sync/relay-sync.ts, which the
      // relay cannot import): an answer above 256 KiB goes in the frames of @chungtay/sync-frames.
      const sync = tablet.provider.messageHandlers[MessageType.sync];
      tablet.provider.messageHandlers[MessageType.sync] = (encoder, decoder, ...rest) => {
        const message = decoder.arr.subarray(decoder.pos);
        if (message[0] === SyncMessageType.step1) {
          const reader = decoding.createDecoder(message);
          decoding.readVarUint(reader);
          const answer = Y.encodeStateAsUpdate(doc, decoding.readVarUint8Array(reader));
          if (answer.length > 256 * 1024) {
            for (const frame of encodeSyncStep2Frames(answer, 256 * 1024)) tablet.provider.ws?.send(frame);
            return;
          }
        }
        sync?.(encoder, decoder, ...rest);
      };
      const started = Date.now();
      await waitFor(() => tablet.holdsAll(), 'upload stored', 90_000);
      expect(Date.now() - started).toBeGreaterThan(30_000);
      expect(tablet.closes).toEqual([]);
      const colleague = connectClient(relay.syncUrl, club.clubId, club.editorKey);
      clients.push(colleague);
      await waitFor(
        () => colleague.doc.getMap('records').size === 18_000,
        'colleague has everything',
        30_000,
      );
    } finally {
      for (const socket of link.sockets) socket.destroy();
      link.server.close();
    }
  }, 120_000);
});
