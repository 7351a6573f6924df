import { CloseCode, viewerDocumentName } from '@chungtay/protocol';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { DEFAULT_LIMITS } from '../src/limits';
import { MAX_STATE_BYTES } from '../src/room/awareness-relay';
import {
  connectClient,
  rawSocket,
  registerClub,
  startTestRelay,
  type TestClient,
  type TestClub,
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

/** An awareness frame announcing `clients`, each with `state`. */
function awarenessFrame(clients: readonly number[], state = '{"user":{"name":"x"}}'): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, clients.length);
  for (const client of clients) {
    encoding.writeVarUint(update, client);
    encoding.writeVarUint(update, 1);
    encoding.writeVarString(update, state);
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // awareness
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
  return encoding.toUint8Array(encoder);
}

function validUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('limits and bad input', () => {
  let relay: TestRelay;
  let club: TestClub;
  let left: TestClient;
  let right: TestClient;
  let round = 0;

  /** The healthy pair in the same document still syncs both ways. */
  async function healthyPairStillSyncs(): Promise<void> {
    round += 1;
    left.doc.getMap('m').set(`left${round}`, round);
    right.doc.getMap('m').set(`right${round}`, round);
    await waitFor(
      () =>
        left.doc.getMap('m').get(`right${round}`) === round &&
        right.doc.getMap('m').get(`left${round}`) === round,
      'pair syncs',
    );
  }

  async function expectClosedWith(
    frames: Uint8Array[],
    code: number,
    key = club.editorKey,
    name: string = club.clubId,
  ): Promise<void> {
    const bad = rawSocket(relay.syncUrl, name, key);
    await bad.opened;
    for (const frame of frames) bad.socket.send(frame);
    expect(await bad.closed).toBe(code);
    await healthyPairStillSyncs();
  }

  beforeAll(async () => {
    relay = await startTestRelay({
      limits: {
        ...DEFAULT_LIMITS,
        maxMessageBytes: 64 * 1024,
        rateLimitMessagesPerSecond: 20,
        rateLimitBurst: 100,
      },
    });
    club = await registerClub(relay.httpUrl);
    left = connectClient(relay.syncUrl, club.clubId, club.editorKey);
    right = connectClient(relay.syncUrl, club.clubId, club.editorKey);
    left.text.insert(0, 'intact');
    await waitFor(() => right.text.toString() === 'intact', 'pair ready');
  });
  afterAll(async () => {
    left.destroy();
    right.destroy();
    await relay.close();
  });

  it('closes a connection sending garbage bytes with 4001', async () => {
    await expectClosedWith([Uint8Array.of(0xff, 0xff, 0xff)], CloseCode.malformedMessage);
  });

  it('closes a connection sending an unknown message type with 4001', async () => {
    await expectClosedWith([Uint8Array.of(7, 1, 2)], CloseCode.malformedMessage);
  });

  it('closes a connection sending a sync update that does not decode with 4001', async () => {
    await expectClosedWith([syncUpdateFrame(Uint8Array.of(5, 200, 1, 2, 3))], CloseCode.malformedMessage);
  });

  it('closes a connection sending a truncated update with 4001 and stores none of it', async () => {
    const update = validUpdate('should never appear');
    await expectClosedWith(
      [syncUpdateFrame(update.subarray(0, update.length - 3))],
      CloseCode.malformedMessage,
    );
    expect(left.text.toString()).toBe('intact');
  });

  it('closes a connection sending a text frame with 4001', async () => {
    const bad = rawSocket(relay.syncUrl, club.clubId, club.editorKey);
    await bad.opened;
    bad.socket.send('{"type":"sync"}');
    expect(await bad.closed).toBe(CloseCode.malformedMessage);
    await healthyPairStillSyncs();
  });

  it('closes a connection sending presence that does not decode with 4001', async () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1); // awareness
    encoding.writeVarUint8Array(encoder, Uint8Array.of(1, 200, 200, 200));
    await expectClosedWith([encoding.toUint8Array(encoder)], CloseCode.malformedMessage);
  });

  it('closes a viewer announcing presence for thousands of client ids with 4001, and relays none of it', async () => {
    const flood = Array.from({ length: 2000 }, (_, i) => 7_000_000 + i);
    // The summary is the one document a viewer opens (issue 15).
    await expectClosedWith(
      [awarenessFrame(flood)],
      CloseCode.malformedMessage,
      club.viewerKey,
      viewerDocumentName(club.clubId),
    );
    for (const client of [left, right])
      expect([...client.provider.awareness.getStates().keys()].filter((id) => flood.includes(id))).toEqual(
        [],
      );
  });

  it('closes a connection announcing an oversized presence state with 4001, and relays none of it', async () => {
    const big = JSON.stringify({ user: { name: 'x'.repeat(MAX_STATE_BYTES) } });
    await expectClosedWith([awarenessFrame([6_999_999], big)], CloseCode.malformedMessage);
    expect(left.provider.awareness.getStates().has(6_999_999)).toBe(false);
  });

  it('closes a connection whose sync step 1 carries a malformed state vector with 4001', async () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 0); // sync step 1
    encoding.writeVarUint8Array(encoder, Uint8Array.of(3, 200));
    await expectClosedWith([encoding.toUint8Array(encoder)], CloseCode.malformedMessage);
  });

  it('closes a connection sending an update followed by stray bytes with 4001 and stores none of it', async () => {
    const frame = syncUpdateFrame(validUpdate('stray bytes follow'));
    await expectClosedWith([Uint8Array.of(...frame, 7, 7)], CloseCode.malformedMessage);
    expect(left.text.toString()).toBe('intact');
  });

  it('closes a connection sending a frame over twice the limit at the socket (1009) before reading it', async () => {
    await expectClosedWith([new Uint8Array(3 * 64 * 1024)], 1009);
  });

  it('closes a connection sending an oversized message with 4002', async () => {
    await expectClosedWith([syncUpdateFrame(validUpdate('x'.repeat(100 * 1024)))], CloseCode.messageTooLarge);
  });

  it('slows a flooding connection instead of closing it, and answers every message in the end', async () => {
    // 30 queries beyond the burst of 100 wait for the 20-a-second refill (test/burst.test.ts: the details).
    const flooder = rawSocket(relay.syncUrl, club.clubId, club.editorKey);
    await flooder.opened;
    const greeting = () => flooder.messages.filter((message) => message[0] === 1).length > 0;
    await waitFor(greeting, 'greeted with presence');
    const before = flooder.messages.length;
    for (let i = 0; i < 130; i++) flooder.socket.send(Uint8Array.of(3));
    await waitFor(() => flooder.messages.length === before + 130, 'every query answered');
    expect(flooder.socket.readyState).toBe(WebSocket.OPEN);
    flooder.socket.close();
    await flooder.closed;
    await healthyPairStillSyncs();
  });

  it('counts every closure by reason in /metrics and the stored document stays intact', async () => {
    const text = await (await fetch(`${relay.httpUrl}/metrics`)).text();
    expect(text).toContain('relay_connections_closed_total{reason="malformedMessage"} 8');
    // The oversized message, and the frame the socket refused before reading it (1009).
    expect(text).toContain('relay_connections_closed_total{reason="messageTooLarge"} 2');
    expect(text).not.toContain('reason="rateLimited"');
    expect(text).toContain('relay_connections_closed_total{reason="awarenessLimit"} 2');
    const fresh = connectClient(relay.syncUrl, club.clubId, club.editorKey);
    try {
      await waitFor(() => fresh.provider.synced && fresh.text.toString() === 'intact', 'fresh sync');
      expect(fresh.doc.getMap('m').size).toBe(round * 2);
    } finally {
      fresh.destroy();
    }
  });
});

describe('documents in memory', () => {
  it('refuses a new document with 4004 when the cap is reached and every room is busy', async () => {
    const relay = await startTestRelay({ limits: { ...DEFAULT_LIMITS, maxDocsInMemory: 2 } });
    const club = await registerClub(relay.httpUrl);
    const clients = ['a', 'b', 'c'].map((part) =>
      connectClient(relay.syncUrl, `${club.clubId}/${part}`, club.editorKey),
    );
    try {
      await waitFor(() => clients[0]!.provider.synced && clients[1]!.provider.synced, 'two rooms');
      await waitFor(() => clients[2]!.closes.some((c) => c.code === CloseCode.serverBusy), '4004');
    } finally {
      for (const client of clients) client.destroy();
      await relay.close();
    }
  });

  it('unloads an idle room and reloads it from the store with everything in it', async () => {
    const relay = await startTestRelay({
      limits: { ...DEFAULT_LIMITS, idleUnloadMs: 30 },
      compactAfterUpdates: 3,
    });
    const club = await registerClub(relay.httpUrl);
    const writer = connectClient(relay.syncUrl, club.clubId, club.editorKey);
    try {
      await waitFor(() => writer.provider.synced, 'writer synced');
      for (let i = 0; i < 10; i++) writer.text.insert(writer.text.length, `${i}`);
      await waitFor(() => writer.holdsAll(), 'stored');
      writer.destroy();
      await waitFor(() => relay.metrics.documentsInMemory === 0 && relay.metrics.compactions > 0, 'unloaded');
      expect((await relay.storage.docs.load(club.clubId)).updates.length).toBeLessThan(10);
      const reader = connectClient(relay.syncUrl, club.clubId, club.editorKey);
      await waitFor(() => reader.text.toString() === '0123456789', 'reloaded');
      reader.destroy();
    } finally {
      await relay.close();
    }
  });
});
