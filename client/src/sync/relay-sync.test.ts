import {
  encodeStoredMessage,
  isSyncContentFrame,
  MESSAGE_STORED,
  MessageType,
  SyncMessageType,
} from '@chungtay/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { type TestSocket, testSocketClass } from '../../test/test-socket';
import { RelaySync } from './relay-sync';

/**
 * The IME hold (holdRemoteUpdates) through the real y-websocket provider: frames reach it through its
 * own socket handlers, built with y-protocols from real Yjs docs. The socket is the only stand-in: an
 * in-memory one (test/test-socket.ts) handed to RelaySync as WebSocketImpl, so the test plays the relay.
 */

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const updateFrame = (update: Uint8Array) => frame((e) => syncProtocol.writeUpdate(e, update));
const step1Frame = (doc: Y.Doc) => frame((e) => syncProtocol.writeSyncStep1(e, doc));
const step2Frame = (doc: Y.Doc, stateVector?: Uint8Array) =>
  frame((e) => syncProtocol.writeSyncStep2(e, doc, stateVector));

/** Kind of each sync message the tablet sent (SyncMessageType); other messages skipped. */
function sentSyncKinds(socket: TestSocket): number[] {
  return socket.sent.flatMap((message) => {
    const decoder = decoding.createDecoder(message);
    return decoding.readVarUint(decoder) === MessageType.sync ? [decoding.readVarUint(decoder)] : [];
  });
}

/** A colleague's tablet: its own doc, each edit returned as the update the relay would forward. */
function colleague(): { doc: Y.Doc; set(key: string, value: string): Uint8Array } {
  const doc = new Y.Doc();
  return {
    doc,
    set(key, value) {
      let update: Uint8Array | null = null;
      const capture = (u: Uint8Array) => {
        update = u;
      };
      doc.on('update', capture);
      doc.getMap('minutes').set(key, value);
      doc.off('update', capture);
      if (update === null) throw new Error('no update');
      return update;
    },
  };
}

const relays: RelaySync[] = [];
afterEach(() => {
  for (const relay of relays.splice(0)) relay.destroy();
});

/** A tablet's doc with a started, open relay connection; `changes` lists every key the relay applied. */
function connectedTablet(network = { online: true }) {
  const sockets: TestSocket[] = [];
  const doc = new Y.Doc();
  const relay = new RelaySync(doc, {
    relayOrigin: 'http://relay.test',
    documentName: 'club-0001/meeting/meeting-0001',
    key: 'k'.repeat(43),
    user: { name: 'Nguyễn Thị Hoa', color: '#1d6b5c' },
    WebSocketImpl: testSocketClass(sockets),
    online: () => network.online,
  });
  relays.push(relay);
  const changes: string[] = [];
  doc.getMap('minutes').observe((event, transaction) => {
    if (transaction.origin === relay.provider) changes.push(...event.keysChanged);
  });
  relay.start();
  const socket = sockets[0];
  if (!socket) throw new Error('no socket opened');
  socket.open();
  return { doc, relay, socket, sockets, changes, text: () => doc.getMap('minutes').toJSON() };
}

describe('RelaySync.holdRemoteUpdates', () => {
  it('applies a colleague’s update at once when nothing is held', () => {
    const tablet = connectedTablet();
    const lan = colleague();
    tablet.socket.receive(updateFrame(lan.set('place', 'Nhà văn hóa')));
    expect(tablet.text()).toEqual({ place: 'Nhà văn hóa' });
  });

  it('holds update and step-2 messages until released, then applies them in arrival order', () => {
    const tablet = connectedTablet();
    const [lan, hung] = [colleague(), colleague()];
    const release = tablet.relay.holdRemoteUpdates();
    tablet.socket.receive(updateFrame(lan.set('place', 'Nhà văn hóa')));
    tablet.socket.receive(updateFrame(hung.set('number', '05/BB-CLB')));
    // The relay's answer to the tablet's step 1: everything it stored from others.
    const stored = colleague();
    stored.set('recipients', 'UBND xã');
    tablet.socket.receive(step2Frame(stored.doc));
    expect(tablet.text()).toEqual({});
    expect(tablet.relay.provider.synced).toBe(false);

    release();
    expect(tablet.changes).toEqual(['place', 'number', 'recipients']);
    expect(tablet.text()).toEqual({ place: 'Nhà văn hóa', number: '05/BB-CLB', recipients: 'UBND xã' });
    expect(tablet.relay.provider.synced).toBe(true);
  });

  it('answers the relay’s step 1 at once while updates are held', () => {
    const tablet = connectedTablet();
    tablet.doc.getMap('minutes').set('place', 'Sân đình');
    const release = tablet.relay.holdRemoteUpdates();
    const before = sentSyncKinds(tablet.socket).length;
    tablet.socket.receive(step1Frame(new Y.Doc()));
    expect(sentSyncKinds(tablet.socket).slice(before)).toEqual([SyncMessageType.step2]);
    release();
  });

  it('releases only when the last of several overlapping holds is released', () => {
    const tablet = connectedTablet();
    const lan = colleague();
    const first = tablet.relay.holdRemoteUpdates();
    tablet.socket.receive(updateFrame(lan.set('place', 'Nhà văn hóa')));
    const second = tablet.relay.holdRemoteUpdates();
    tablet.socket.receive(updateFrame(lan.set('closedAt', '10:30')));
    first();
    expect(tablet.text()).toEqual({});
    second();
    expect(tablet.changes).toEqual(['place', 'closedAt']);
  });

  it('ignores a second release of the same hold', () => {
    const tablet = connectedTablet();
    const lan = colleague();
    const first = tablet.relay.holdRemoteUpdates();
    const second = tablet.relay.holdRemoteUpdates();
    tablet.socket.receive(updateFrame(lan.set('place', 'Nhà văn hóa')));
    first();
    first();
    // The second hold is still in force: releasing the first twice must not end it.
    expect(tablet.text()).toEqual({});
    second();
    second();
    expect(tablet.changes).toEqual(['place']);
    // Nothing is held any more: the next update applies at once, and only once.
    tablet.socket.receive(updateFrame(lan.set('closedAt', '10:30')));
    expect(tablet.changes).toEqual(['place', 'closedAt']);
  });

  it('drops what it held when the connection is destroyed, and a late release writes nothing', () => {
    const tablet = connectedTablet();
    const lan = colleague();
    const release = tablet.relay.holdRemoteUpdates();
    tablet.socket.receive(updateFrame(lan.set('place', 'Nhà văn hóa')));
    tablet.relay.destroy();
    release();
    expect(tablet.text()).toEqual({});
  });
});

/** MESSAGE_STORED as a relay from before the settled count wrote it: the state vector alone. */
function storedWithoutCount(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_STORED);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

describe('RelaySync connecting', () => {
  it('keeps the key out of the URL: it is offered as a WebSocket subprotocol', () => {
    const tablet = connectedTablet();
    const url = new URL(tablet.socket.url);
    expect(url.pathname).toBe('/sync/club-0001/meeting/meeting-0001');
    expect([...url.searchParams.keys()]).toEqual(['v']);
    expect(tablet.socket.url).not.toContain('k'.repeat(43));
    expect(tablet.socket.protocols).toEqual(['chungtay-sync', `chungtay-key.${'k'.repeat(43)}`]);
  });
});

describe('RelaySync.status', () => {
  it('shows Synced once the relay holds every clock and settled every frame sent, deletions included', () => {
    const tablet = connectedTablet();
    const minutes = tablet.doc.getMap<string>('minutes');
    // The relay's step 1 (it holds nothing) is answered with a step 2: the first content frame.
    tablet.socket.receive(step1Frame(new Y.Doc()));
    minutes.set('place', 'Nhà văn hóa');
    expect(sentSyncKinds(tablet.socket)).toEqual([
      SyncMessageType.step1,
      SyncMessageType.step2,
      SyncMessageType.update,
    ]);
    expect(tablet.relay.status.type).toBe('syncing');
    const held = Y.encodeStateVector(tablet.doc);
    tablet.socket.receive(encodeStoredMessage(held, 1));
    expect(tablet.relay.status.type).toBe('syncing');
    tablet.socket.receive(encodeStoredMessage(held, 2));
    expect(tablet.relay.status.type).toBe('synced');

    // A deletion leaves the state vector as it was; only the relay's count can confirm it.
    minutes.delete('place');
    expect(Y.encodeStateVector(tablet.doc)).toEqual(held);
    expect(tablet.relay.status.type).toBe('syncing');
    tablet.socket.receive(encodeStoredMessage(Uint8Array.of(0), 3));
    expect(tablet.relay.status.type).toBe('synced');
  });

  it('falls back to clocks alone with a relay that does not count', () => {
    const tablet = connectedTablet();
    tablet.doc.getMap<string>('minutes').set('place', 'Nhà văn hóa');
    expect(tablet.relay.status.type).toBe('syncing');
    tablet.socket.receive(storedWithoutCount(Y.encodeStateVector(tablet.doc)));
    expect(tablet.relay.status.type).toBe('synced');
  });
});

describe('RelaySync answering the relay’s sync step 1', () => {
  it('sends a large answer in bounded frames that rebuild the whole document', async () => {
    const tablet = connectedTablet();
    const records = tablet.doc.getMap<string>('minutes');
    tablet.doc.transact(() => {
      for (let i = 0; i < 4000; i++) records.set(`r${i}`, `Ghi chú buổi sinh hoạt số ${i} `.repeat(8));
    });
    records.delete('r7');
    // What the tablet sent live while connected is not the point here: only its answer to the relay.
    tablet.socket.sent.length = 0;
    tablet.socket.receive(step1Frame(new Y.Doc()));
    // The splitting code loads on demand: wait for the final step 2.
    await vi.waitFor(() => expect(sentSyncKinds(tablet.socket).at(-1)).toBe(SyncMessageType.step2));
    const kinds = sentSyncKinds(tablet.socket);
    // Updates with the structs, then a step 2 with the deletions last.
    expect(kinds.slice(0, -1).every((kind) => kind === SyncMessageType.update)).toBe(true);
    expect(kinds.at(-1)).toBe(SyncMessageType.step2);
    expect(kinds.length).toBeGreaterThan(4);
    const content = tablet.socket.sent.filter(isSyncContentFrame);
    expect(Math.max(...content.map((frame) => frame.length))).toBeLessThan(300 * 1024);
    const relayCopy = new Y.Doc();
    for (const frame of content) {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      Y.applyUpdate(relayCopy, decoding.readVarUint8Array(decoder));
    }
    expect(relayCopy.getMap('minutes').toJSON()).toEqual(records.toJSON());
  });

  it('is not Synced while a large answer waits to be sent, whatever the relay reported meanwhile', async () => {
    const tablet = connectedTablet();
    const records = tablet.doc.getMap<string>('minutes');
    tablet.doc.transact(() => {
      for (let i = 0; i < 4000; i++) records.set(`r${i}`, `Ghi chú buổi sinh hoạt số ${i} `.repeat(8));
    });
    const sentBefore = tablet.socket.sent.filter(isSyncContentFrame).length;
    tablet.socket.receive(step1Frame(new Y.Doc()));
    // The relay reports what it holds before the tablet's framed answer left: it covers every clock and
    // every frame sent so far, and still says nothing of the answer.
    tablet.socket.receive(encodeStoredMessage(Y.encodeStateVector(tablet.doc), sentBefore));
    expect(tablet.relay.status.type).toBe('syncing');
    await vi.waitFor(() => expect(sentSyncKinds(tablet.socket).at(-1)).toBe(SyncMessageType.step2));
    const sentAll = tablet.socket.sent.filter(isSyncContentFrame).length;
    expect(tablet.relay.status.type).toBe('syncing');
    tablet.socket.receive(encodeStoredMessage(Y.encodeStateVector(tablet.doc), sentAll));
    expect(tablet.relay.status.type).toBe('synced');
  });

  it('leaves a small answer to y-websocket: one sync step 2', () => {
    const tablet = connectedTablet();
    tablet.doc.getMap<string>('minutes').set('place', 'Nhà văn hóa');
    tablet.socket.sent.length = 0;
    tablet.socket.receive(step1Frame(new Y.Doc()));
    expect(sentSyncKinds(tablet.socket)).toEqual([SyncMessageType.step2]);
  });
});

describe('RelaySync when the relay closes or the network goes', () => {
  afterEach(() => vi.useRealTimers());

  it('says the key was revoked (4410) and stops trying', () => {
    vi.useFakeTimers();
    const tablet = connectedTablet();
    tablet.socket.closeFromRelay(4410);
    expect(tablet.relay.status).toEqual({ type: 'revoked' });
    vi.advanceTimersByTime(120_000);
    expect(tablet.sockets).toHaveLength(1);
  });

  it('names the refusal (4401 unknown key, 4403 private records) and stops trying', () => {
    vi.useFakeTimers();
    for (const [code, reason] of [
      [4401, 'unauthorized'],
      [4403, 'privateDocument'],
      [4404, 'clubNotRegistered'],
      [4413, 'documentQuotaExceeded'],
      [4414, 'storageQuotaExceeded'],
    ] as const) {
      const tablet = connectedTablet();
      tablet.socket.closeFromRelay(code);
      expect(tablet.relay.status).toEqual({ type: 'denied', reason });
      vi.advanceTimersByTime(120_000);
      expect(tablet.sockets).toHaveLength(1);
    }
  });

  it('retries after a jittered wait, says it cannot reach the relay after two failures, recovers', () => {
    vi.useFakeTimers();
    const tablet = connectedTablet();
    tablet.socket.closeFromRelay(1006);
    expect(tablet.relay.status.type).toBe('connecting');
    vi.advanceTimersByTime(1000); // the first wait is at most 500 ms · 2
    expect(tablet.sockets).toHaveLength(2);
    tablet.sockets[1]?.closeFromRelay(1006);
    expect(tablet.relay.status.type).toBe('unreachable');
    vi.advanceTimersByTime(2000);
    const third = tablet.sockets[2];
    expect(third).toBeDefined();
    third?.open();
    expect(tablet.relay.status.type).toBe('syncing');
    third?.receive(encodeStoredMessage(Y.encodeStateVector(tablet.doc), 0));
    expect(tablet.relay.status.type).toBe('synced');
  });

  it('says the relay is full (4006) while it retries, and stops saying it once a connection opens', () => {
    vi.useFakeTimers();
    const tablet = connectedTablet();
    tablet.socket.closeFromRelay(4006);
    expect(tablet.relay.status).toEqual({ type: 'unreachable', busy: true });
    vi.advanceTimersByTime(1000);
    expect(tablet.sockets).toHaveLength(2);
    tablet.sockets[1]?.open();
    expect(tablet.relay.status.type).toBe('syncing');
    // A later close for another cause no longer says busy (two failures in a row: unreachable).
    tablet.sockets[1]?.closeFromRelay(1006);
    expect(tablet.relay.status).toEqual({ type: 'unreachable' });
  });

  it('reconnects after a close from the relay on its jittered schedule alone, not also on y-websocket’s', () => {
    vi.useFakeTimers();
    const tablet = connectedTablet();
    // The longest first wait (500 ms · 2, less a little); y-websocket's own would reconnect after 200 ms.
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.99);
    tablet.socket.closeFromRelay(1006);
    vi.advanceTimersByTime(900);
    expect(tablet.sockets).toHaveLength(1);
    vi.advanceTimersByTime(200);
    expect(tablet.sockets).toHaveLength(2);
    random.mockRestore();
  });

  it('says offline while the browser is offline, and reconnects at once when it comes back', () => {
    vi.useFakeTimers();
    const network = { online: true };
    const tablet = connectedTablet(network);
    network.online = false;
    window.dispatchEvent(new Event('offline'));
    tablet.socket.closeFromRelay(1006);
    expect(tablet.relay.status.type).toBe('offline');
    // Many failures back off for up to 30 s; coming back online does not wait for that.
    network.online = true;
    window.dispatchEvent(new Event('online'));
    expect(tablet.sockets).toHaveLength(2);
  });

  it('checks a connection that looks open when the tablet wakes, and reconnects within seconds if it is dead', () => {
    vi.useFakeTimers();
    const live = connectedTablet();
    // Quiet for 20 s (a short sleep, a change of network): y-websocket's own watchdog waits 30 s.
    vi.advanceTimersByTime(20_000);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(sentSyncKinds(live.socket).at(-1)).toBe(SyncMessageType.step1); // it asked the relay
    vi.advanceTimersByTime(300);
    live.socket.receive(step2Frame(new Y.Doc()));
    vi.advanceTimersByTime(10_000);
    expect(live.socket.readyState).toBe(1);

    const dead = connectedTablet();
    vi.advanceTimersByTime(20_000);
    document.dispatchEvent(new Event('visibilitychange'));
    vi.advanceTimersByTime(5_000);
    expect(dead.socket.readyState).toBe(3);
  });
});
