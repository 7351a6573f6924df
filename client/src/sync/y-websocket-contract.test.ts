/**
 * The y-websocket behaviour RelaySync (relay-sync.ts) and countingSocketClass (counting-socket.ts) rely on
 * beyond the library's documented API, pinned on the installed version (client/package.json pins 3.1.0). These
 * tests fail the day an upgrade changes one of them, instead of a tablet quietly showing "Synced" too early,
 * never answering the relay, or losing held updates. Each one drives a real WebsocketProvider, without RelaySync,
 * over the in-memory socket of test/test-socket.ts (the test plays the relay), so a failure names the library's
 * change rather than ours.
 *
 * Pinned here:
 * - the message numbers: y-websocket's and y-protocols' own exports equal @chungtay/protocol's `MessageType`
 *   and `SyncMessageType`, which the relay-sync code and the relay use;
 * - `provider.messageHandlers` (typed, undocumented): a table per provider indexed by message type, looked up at
 *   each message, so RelaySync replaces the sync handler and adds types 20 and 21 after construction; the
 *   handler's arguments (the decoder just after the type byte, `decoder.arr` the whole frame; `emitSynced`); what
 *   a handler writes to the encoder beyond the type byte is sent back, so a handler that writes nothing (the
 *   framed answer to a step 1) answers nothing; the sync handler applies content with the provider as the
 *   transaction origin and marks `synced` on a step 2 only when told to emit;
 * - `provider.ws` (typed, undocumented): one instance of the `WebSocketPolyfill` class per connection, null once
 *   closed, and every frame the provider sends goes through that instance's `send` (the counting socket); a
 *   sync step 1 is the first frame on each connection (the relay's MESSAGE_STORED answers it);
 * - `connection-close` carries the close event for a close from the other end and null for the provider's own,
 *   and with `shouldReconnect: () => false` the provider opens no socket after the former until `connect()`;
 * - the watchdog: a connection that received nothing for 30 s is closed by the provider itself and reopened
 *   (the 256 KiB upload frames and the wake-up probe are sized against it), and any message resets it. Its clock
 *   is `wsLastMessageReceived`, which the test dates back: lib0 keeps the real Date.now, not the fake clock's.
 */
import { MessageType, SyncMessageType } from '@chungtay/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as yWebsocket from 'y-websocket';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type TestSocket, testSocketClass } from '../../test/test-socket';
import { countingSocketClass, updatesSentOn } from './counting-socket';

/** The real clock, as lib0's `time.getUnixTime` (y-websocket's watchdog clock) keeps it under fake timers. */
const realNow = Date.now;

const providers: WebsocketProvider[] = [];
afterEach(() => {
  for (const provider of providers.splice(0)) {
    provider.destroy();
    provider.awareness.destroy();
  }
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A provider as RelaySync builds it (own socket class, no BroadcastChannel), connected and open. */
function openProvider(options: { shouldReconnect?: () => boolean } = {}) {
  const sockets: TestSocket[] = [];
  const doc = new Y.Doc();
  const SocketClass = countingSocketClass(testSocketClass(sockets));
  const provider = new WebsocketProvider('ws://relay.test/sync', 'club-0001', doc, {
    connect: false,
    disableBc: true,
    WebSocketPolyfill: SocketClass,
    ...options,
  });
  providers.push(provider);
  const closes: Array<CloseEvent | null> = [];
  provider.on('connection-close', (event) => closes.push(event));
  provider.connect();
  const socket = sockets[0];
  if (!socket) throw new Error('the provider opened no socket');
  socket.open();
  return { doc, provider, socket, sockets, SocketClass, closes };
}

function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const step1Of = (doc: Y.Doc) => frame(MessageType.sync, (e) => syncProtocol.writeSyncStep1(e, doc));
const step2Of = (doc: Y.Doc) => frame(MessageType.sync, (e) => syncProtocol.writeSyncStep2(e, doc));
const updateOf = (doc: Y.Doc) =>
  frame(MessageType.sync, (e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc)));

/** A colleague's doc with one entry, as the relay would send it. */
function colleagueDoc(key: string, value: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('minutes').set(key, value);
  return doc;
}

/** Message type and sync type (for sync messages) of a frame. */
function kindOf(sent: Uint8Array): [number, number | undefined] {
  const decoder = decoding.createDecoder(sent);
  const type = decoding.readVarUint(decoder);
  return [type, type === MessageType.sync ? decoding.readVarUint(decoder) : undefined];
}

describe('y-websocket message numbers', () => {
  it('are the ones @chungtay/protocol writes down', () => {
    expect(yWebsocket.messageSync).toBe(MessageType.sync);
    expect(yWebsocket.messageAwareness).toBe(MessageType.awareness);
    expect(yWebsocket.messageAuth).toBe(MessageType.auth);
    expect(yWebsocket.messageQueryAwareness).toBe(MessageType.queryAwareness);
    expect(syncProtocol.messageYjsSyncStep1).toBe(SyncMessageType.step1);
    expect(syncProtocol.messageYjsSyncStep2).toBe(SyncMessageType.step2);
    expect(syncProtocol.messageYjsUpdate).toBe(SyncMessageType.update);
  });
});

describe('y-websocket provider.messageHandlers', () => {
  it('is a table per provider, looked up by message type at each message, with the whole frame in reach', () => {
    const first = openProvider();
    const second = openProvider();
    expect(first.provider.messageHandlers).not.toBe(second.provider.messageHandlers);
    const library = first.provider.messageHandlers[MessageType.sync];
    expect(typeof library).toBe('function');
    expect(second.provider.messageHandlers[MessageType.sync]).toBe(library);

    // Replaced after the connection opened, as RelaySync's custom types are: the next frame reaches it.
    const calls: Array<{ frame: Uint8Array; pos: number; emitSynced: boolean; type: number; own: boolean }> =
      [];
    first.provider.messageHandlers[MessageType.stored] = (_encoder, decoder, provider, emitSynced, type) => {
      calls.push({
        frame: decoder.arr,
        pos: decoder.pos,
        emitSynced,
        type,
        own: provider === first.provider,
      });
    };
    const stored = Uint8Array.of(MessageType.stored, 1, 0, 0);
    first.socket.receive(stored);
    expect(calls).toEqual([{ frame: stored, pos: 1, emitSynced: true, type: MessageType.stored, own: true }]);

    // Wrapping the sync handler on one provider leaves the other's alone.
    const wrapped: number[] = [];
    first.provider.messageHandlers[MessageType.sync] = (encoder, decoder, ...rest) => {
      wrapped.push(decoder.arr[decoder.pos] ?? -1);
      library?.(encoder, decoder, ...rest);
    };
    first.socket.receive(updateOf(colleagueDoc('place', 'Nhà văn hóa')));
    second.socket.receive(updateOf(colleagueDoc('place', 'Sân đình')));
    expect(wrapped).toEqual([SyncMessageType.update]);
    expect(first.doc.getMap('minutes').get('place')).toBe('Nhà văn hóa');
    expect(second.doc.getMap('minutes').get('place')).toBe('Sân đình');
  });

  it('sends back what the sync handler writes: a step 2 for a step 1, nothing for content', () => {
    const tablet = openProvider();
    tablet.doc.getMap('minutes').set('place', 'Nhà văn hóa');
    const relay = new Y.Doc();
    tablet.socket.sent.length = 0;
    tablet.socket.receive(step1Of(relay));
    expect(tablet.socket.sent.map(kindOf)).toEqual([[MessageType.sync, SyncMessageType.step2]]);
    const decoder = decoding.createDecoder(tablet.socket.sent[0] ?? new Uint8Array());
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    Y.applyUpdate(relay, decoding.readVarUint8Array(decoder));
    expect(relay.getMap('minutes').toJSON()).toEqual({ place: 'Nhà văn hóa' });

    // Content from the relay is not echoed back to it.
    tablet.socket.sent.length = 0;
    tablet.socket.receive(updateOf(colleagueDoc('number', '05/BB-CLB')));
    tablet.socket.receive(step2Of(colleagueDoc('recipients', 'UBND xã')));
    expect(tablet.socket.sent).toEqual([]);
  });

  it('answers nothing when a replacement sync handler returns without writing (the framed answer)', () => {
    const tablet = openProvider();
    tablet.provider.messageHandlers[MessageType.sync] = () => undefined;
    tablet.socket.sent.length = 0;
    tablet.socket.receive(step1Of(new Y.Doc()));
    expect(tablet.socket.sent).toEqual([]);
  });

  it('applies content with the provider as origin, and marks synced on a step 2 only when told to emit', () => {
    const tablet = openProvider();
    const origins: unknown[] = [];
    tablet.doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    const handler = tablet.provider.messageHandlers[MessageType.sync];

    // As RelaySync's release of held messages calls it: its own decoder, just after the type byte.
    const call = (sent: Uint8Array, emitSynced: boolean) => {
      const decoder = decoding.createDecoder(sent);
      decoding.readVarUint(decoder);
      handler?.(encoding.createEncoder(), decoder, tablet.provider, emitSynced, MessageType.sync);
    };
    call(step2Of(colleagueDoc('place', 'Nhà văn hóa')), false);
    expect(tablet.doc.getMap('minutes').get('place')).toBe('Nhà văn hóa');
    expect(tablet.provider.synced).toBe(false);
    call(updateOf(colleagueDoc('number', '05/BB-CLB')), true);
    expect(tablet.provider.synced).toBe(false);
    call(step2Of(colleagueDoc('recipients', 'UBND xã')), true);
    expect(tablet.provider.synced).toBe(true);
    expect(origins).toEqual([tablet.provider, tablet.provider, tablet.provider]);
  });

  it('logs a message type without a handler and carries on', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const stock = openProvider();
    stock.socket.receive(Uint8Array.of(MessageType.notice, 0));
    expect(errors).toHaveBeenCalledTimes(1);
    expect(stock.provider.wsconnected).toBe(true);
    stock.socket.receive(updateOf(colleagueDoc('place', 'Nhà văn hóa')));
    expect(stock.doc.getMap('minutes').get('place')).toBe('Nhà văn hóa');
  });
});

describe('y-websocket provider.ws and the socket class it is given', () => {
  it('makes one socket of that class per connection, ws until it closes, sending every frame through it', () => {
    const tablet = openProvider();
    expect(tablet.provider.ws).toBe(tablet.socket);
    expect(tablet.provider.ws).toBeInstanceOf(tablet.SocketClass);
    expect(tablet.provider.wsconnected).toBe(true);
    // The first frame of a connection is a sync step 1 with the tablet's state vector.
    expect(kindOf(tablet.socket.sent[0] ?? new Uint8Array())).toEqual([
      MessageType.sync,
      SyncMessageType.step1,
    ]);

    // Frames the provider sends from its update listener and its answers both pass the class's send.
    tablet.doc.getMap('minutes').set('place', 'Nhà văn hóa');
    tablet.socket.receive(step1Of(new Y.Doc()));
    tablet.doc.getMap('minutes').delete('place');
    const content = tablet.socket.sent.filter(
      (sent) => kindOf(sent)[0] === MessageType.sync && kindOf(sent)[1] !== SyncMessageType.step1,
    );
    expect(content).toHaveLength(3);
    expect(updatesSentOn(tablet.provider.ws)).toBe(3);

    tablet.socket.closeFromRelay(1006);
    expect(tablet.provider.ws).toBeNull();
    expect(tablet.provider.wsconnected).toBe(false);
    tablet.provider.connect();
    const next = tablet.sockets[1];
    expect(next).toBeDefined();
    expect(tablet.provider.ws).toBe(next);
    expect(updatesSentOn(tablet.provider.ws)).toBe(0);
  });
});

describe('y-websocket closing and reconnecting', () => {
  it('passes the close event of a close from the other end, and null for its own', () => {
    const tablet = openProvider();
    tablet.socket.closeFromRelay(4410);
    tablet.provider.connect();
    tablet.sockets[1]?.open();
    tablet.provider.disconnect();
    expect(tablet.closes.map((event) => (event === null ? null : event.code))).toEqual([4410, null]);
  });

  it('opens no socket after a close from the other end when shouldReconnect says no, until connect()', () => {
    vi.useFakeTimers();
    const tablet = openProvider({ shouldReconnect: () => false });
    tablet.socket.closeFromRelay(1006);
    vi.advanceTimersByTime(60_000);
    expect(tablet.sockets).toHaveLength(1);
    tablet.provider.connect();
    expect(tablet.sockets).toHaveLength(2);
  });

  it('closes a connection that received nothing for 30 s itself, reconnects, and any message resets the wait', () => {
    vi.useFakeTimers();
    const tablet = openProvider({ shouldReconnect: () => false });
    // lib0 took Date.now before the fake clock existed, so the silence is made by dating the last message back.
    const silentFor = (ms: number) => {
      tablet.provider.wsLastMessageReceived = realNow() - ms;
    };
    silentFor(29_000);
    vi.advanceTimersByTime(3_000); // the watchdog looks every 3 s
    expect(tablet.closes).toEqual([]);
    silentFor(31_000);
    tablet.socket.receive(updateOf(colleagueDoc('place', 'Nhà văn hóa')));
    vi.advanceTimersByTime(3_000);
    expect(tablet.closes).toEqual([]);
    expect(tablet.provider.ws).toBe(tablet.socket);

    silentFor(31_000);
    vi.advanceTimersByTime(3_000);
    expect(tablet.closes).toEqual([null]);
    expect(tablet.socket.readyState).toBe(3);
    // A close of its own is not the other end's decision: it reconnects on its own schedule.
    vi.advanceTimersByTime(3_000);
    expect(tablet.sockets).toHaveLength(2);
  });
});
