import {
  CloseCode,
  closeCodeName,
  connectionProtocols,
  decodeCustomMessage,
  isTerminalCloseCode,
  MESSAGE_NOTICE,
  MESSAGE_STORED,
  MessageType,
  StoredClocks,
  SyncMessageType,
  syncServerUrl,
  versionParams,
} from '@chungtay/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { countingSocketClass, updatesSentOn } from './counting-socket';
import { type DeniedReason, type Peer, reconnectDelay, type SyncStatus } from './sync-status';

export interface RelaySyncOptions {
  readonly relayOrigin: string;
  readonly documentName: string;
  readonly key: string;
  readonly user: { readonly name: string; readonly color: string };
  /**
   * Presence shared with the caller, so that what is bound to it (the editors' remote carets) keeps
   * working when this connection is replaced by another (the club got shared, its keys changed).
   * Not destroyed with the connection. By default the provider makes its own.
   */
  readonly awareness?: Awareness;
  /** Injected for tests; the browser's by default. */
  readonly WebSocketImpl?: typeof WebSocket;
  readonly online?: () => boolean;
}

type Listener = () => void;

/** At 1 Mbit/s a frame of this size takes about 2 s, well within the watchdog (the relay's answers match). */
const UPLOAD_FRAME_BYTES = 256 * 1024;

/** How long a woken tablet waits for any answer from the relay before it reconnects (see `probe`). */
const PROBE_MS = 5000;

/**
 * Keeps one Y.Doc in step with the relay through a stock y-websocket
 * provider. "Synced" means the relay reported (MESSAGE_STORED) a state
 * vector covering everything this tablet has and that it settled every
 * content frame sent: it is durably stored there, not merely that a socket
 * is open. Reconnects use jittered backoff and
 * stop for good on the relay's terminal close codes.
 *
 * Beyond y-websocket's documented surface this relies on its `messageHandlers` (replaced per provider, read at
 * each message), on `ws` (the current connection's socket, an instance of the class it was given) and on its
 * 30 s watchdog; y-websocket-contract.test.ts pins each of them on the installed version.
 */
export class RelaySync {
  readonly provider: WebsocketProvider;
  /** What the relay holds durably, as far as this connection knows (see StoredClocks). */
  private readonly stored = new StoredClocks();
  private syncedAt: Date | null = null;
  private terminal: SyncStatus | null = null;
  /** The relay's last close said it is full (its connection or document cap): worth saying while retrying. */
  private refusedBusy = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private probeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Sync messages that arrived on any connection; the probe looks for one more. */
  private syncMessagesReceived = 0;
  private readonly listeners = new Set<Listener>();
  private readOnlyNotice = false;
  private readonly online: () => boolean;
  private holds = 0;
  private held: Uint8Array[] = [];
  /**
   * A large answer to the relay waits for its splitting code: until it is sent, its frames are not counted
   * and the relay's report could look complete (a difference of deletions alone moves no clock).
   */
  private answerPending: WebSocket | null = null;

  constructor(
    private readonly doc: Y.Doc,
    options: RelaySyncOptions,
  ) {
    this.online = options.online ?? (() => navigator.onLine);
    this.provider = new WebsocketProvider(syncServerUrl(options.relayOrigin), options.documentName, doc, {
      connect: false,
      // The key rides as a WebSocket subprotocol, not in the URL, which proxies and browsers log.
      params: versionParams(),
      protocols: connectionProtocols(options.key),
      disableBc: true,
      // RelaySync schedules every reconnection after a close from the other end itself (jittered backoff, at
      // once when the network returns), so y-websocket's fixed schedule is switched off through its documented
      // hook; `connect()` resumes. It still reconnects on its own after a close of ours (watchdog, `disconnect`).
      shouldReconnect: () => false,
      ...(options.awareness ? { awareness: options.awareness } : {}),
      WebSocketPolyfill: countingSocketClass(options.WebSocketImpl ?? WebSocket),
    });
    this.holdableSync();
    // y-websocket looks a frame's handler up by its type at each message; `decoder.arr` is the whole frame.
    this.provider.messageHandlers[MESSAGE_STORED] = (_encoder, decoder) => this.onCustom(decoder.arr);
    this.provider.messageHandlers[MESSAGE_NOTICE] = (_encoder, decoder) => this.onCustom(decoder.arr);
    this.provider.awareness.setLocalStateField('user', options.user);
    this.provider.on('status', () => this.emit());
    this.provider.awareness.on('change', this.emitNow);
    this.provider.on('connection-close', (event) => this.onClose(event));
    doc.on('update', this.onLocalUpdate);
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.resume);
      window.addEventListener('offline', this.emitNow);
      document.addEventListener('visibilitychange', this.onVisible);
    }
  }

  start(): void {
    if (this.terminal) return;
    this.provider.connect();
    this.emit();
  }

  get status(): SyncStatus {
    if (this.terminal) return this.terminal;
    if (!this.online()) return { type: 'offline' };
    if (this.provider.wsconnected) {
      if (this.holdsAll()) {
        return { type: 'synced', at: this.syncedAt ?? new Date() };
      }
      return { type: 'syncing' };
    }
    if (this.refusedBusy) return { type: 'unreachable', busy: true };
    return this.failures >= 2 ? { type: 'unreachable' } : { type: 'connecting' };
  }

  /**
   * The relay reported holding everything this tablet has: every clock, and every content frame sent on this
   * connection settled (a deletion moves no clock; the count is what covers it).
   */
  private holdsAll(): boolean {
    if (this.answerPending !== null && this.answerPending === this.provider.ws) return false;
    return this.stored.covers(Y.encodeStateVector(this.doc), updatesSentOn(this.provider.ws));
  }

  /** True once the relay said this connection may only read. */
  get readOnly(): boolean {
    return this.readOnlyNotice;
  }

  get peers(): readonly Peer[] {
    const peers: Peer[] = [];
    for (const [clientId, state] of this.provider.awareness.getStates()) {
      if (clientId === this.doc.clientID) continue;
      const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
      if (typeof user?.name === 'string' && typeof user.color === 'string') {
        peers.push({ clientId, name: user.name.slice(0, 80), color: user.color });
      }
    }
    return peers;
  }

  /**
   * While someone composes a word through the keyboard's IME (Telex, VNI), a
   * remote change re-rendering the same paragraph would break the browser's
   * composition and lose or double characters. Remote document updates are
   * held until every hold is released, then applied in order.
   */
  holdRemoteUpdates(): () => void {
    this.holds += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds -= 1;
      if (this.holds === 0) this.releaseHeld();
    };
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    // Held updates are dropped, not applied by a later release: this connection no longer speaks for
    // the relay, and whichever replaces it syncs them again.
    this.held = [];
    clearTimeout(this.retryTimer);
    clearTimeout(this.probeTimer);
    this.doc.off('update', this.onLocalUpdate);
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.resume);
      window.removeEventListener('offline', this.emitNow);
      document.removeEventListener('visibilitychange', this.onVisible);
    }
    this.provider.awareness.off('change', this.emitNow);
    this.provider.destroy();
    this.listeners.clear();
  }

  /**
   * Wraps y-websocket's sync handler so step-2 and update messages can wait while updates are held. Its decoder
   * stands just after the message type; whatever a handler writes to the encoder beyond it is sent back, so
   * returning without calling the original answers nothing.
   */
  private holdableSync(): void {
    const original = this.provider.messageHandlers[MessageType.sync];
    if (!original) return;
    this.provider.messageHandlers[MessageType.sync] = (
      encoder,
      decoder,
      provider,
      emitSynced,
      messageType,
    ) => {
      const rest = decoder.arr.subarray(decoder.pos);
      this.syncMessagesReceived += 1;
      // The sync type is a varUint below 128: one byte. A step 1 must be answered now; the others are content.
      const syncType = rest[0];
      if (syncType === SyncMessageType.step1 && this.answerSyncStep1(rest)) return;
      const content = syncType === SyncMessageType.step2 || syncType === SyncMessageType.update;
      if (content) this.noteReceived(rest);
      if (this.holds > 0 && content) {
        this.held.push(rest.slice());
        return;
      }
      original(encoder, decoder, provider, emitSynced, messageType);
    };
  }

  /**
   * Answers the relay's sync step 1 here instead of in y-websocket, so that a large answer (months offline,
   * or a club shared for the first time) goes in bounded frames: one large frame would outlast y-websocket's
   * 30 s watchdog on a village link and exceed the relay's message limit. The splitting code loads only then.
   */
  private answerSyncStep1(syncStep1: Uint8Array): boolean {
    let update: Uint8Array;
    try {
      const reader = decoding.createDecoder(syncStep1);
      decoding.readVarUint(reader);
      update = Y.encodeStateAsUpdate(this.doc, decoding.readVarUint8Array(reader));
    } catch {
      return false; // malformed: y-websocket's own handler fails on it as usual
    }
    const socket = this.provider.ws;
    if (update.length <= UPLOAD_FRAME_BYTES) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      encoding.writeVarUint(encoder, SyncMessageType.step2);
      encoding.writeVarUint8Array(encoder, update);
      socket?.send(encoding.toUint8Array(encoder));
      return true;
    }
    this.answerPending = socket;
    // If the code cannot load (a broken install), nothing was sent: the answer stays pending, never "Synced".
    void import('@chungtay/sync-frames').then(({ encodeSyncStep2Frames }) => {
      // Only on the connection that asked: a replacement asks again for itself.
      if (this.provider.ws !== socket || socket === null) return;
      for (const frame of encodeSyncStep2Frames(update, UPLOAD_FRAME_BYTES)) socket.send(frame);
      if (this.answerPending === socket) this.answerPending = null;
      this.emit();
    });
    return true;
  }

  /** The relay sends only what it has stored, so what arrives from it counts as durable there. */
  private noteReceived(syncMessage: Uint8Array): void {
    try {
      const reader = decoding.createDecoder(syncMessage);
      decoding.readVarUint(reader);
      const { to } = Y.parseUpdateMeta(decoding.readVarUint8Array(reader));
      for (const [client, clock] of to) this.stored.addClock(client, clock);
    } catch {
      // Malformed: y-websocket's own handler will fail on it too; it proves nothing about the relay.
    }
  }

  private releaseHeld(): void {
    const handler = this.provider.messageHandlers[MessageType.sync];
    for (const message of this.held.splice(0)) {
      // emitSynced true, as for a message from the socket: a held step 2 still marks the provider synced.
      handler?.(
        encoding.createEncoder(),
        decoding.createDecoder(message),
        this.provider,
        true,
        MessageType.sync,
      );
    }
  }

  private readonly onLocalUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== this.provider) this.emit();
  };

  private readonly emitNow = () => this.emit();

  /** The browser came back online or the tablet woke: try now instead of waiting out the backoff. */
  private readonly resume = () => {
    if (this.terminal) return this.emit();
    if (this.provider.wsconnected) {
      this.probe();
      return this.emit();
    }
    clearTimeout(this.retryTimer);
    this.failures = 0;
    this.provider.connect();
    this.emit();
  };

  /**
   * After a short sleep or a change of network, a socket can look open while the connection behind it is
   * gone, and y-websocket would notice only after 30 s without a message, showing the old "Synced" meanwhile.
   * Ask the relay for what this tablet lacks (a sync step 1, which it always answers with a sync step 2);
   * if no sync message comes back within PROBE_MS, close the socket so the usual reconnection starts now.
   */
  private probe(): void {
    const socket = this.provider.ws;
    if (socket === null) return;
    const seen = this.syncMessagesReceived;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    socket.send(encoding.toUint8Array(encoder));
    clearTimeout(this.probeTimer);
    this.probeTimer = setTimeout(() => {
      if (this.provider.ws === socket && this.syncMessagesReceived === seen) socket.close();
    }, PROBE_MS);
  }

  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') this.resume();
  };

  private onCustom(frame: Uint8Array): void {
    const message = decodeCustomMessage(frame);
    if (!message.ok) return;
    if (message.value.type === 'stored') {
      this.stored.addReport(message.value);
      this.failures = 0;
      if (this.holdsAll()) this.syncedAt = new Date();
    } else {
      this.readOnlyNotice = true;
    }
    this.emit();
  }

  private onClose(event: CloseEvent | null): void {
    this.stored.clear();
    this.refusedBusy = event?.code === CloseCode.tooManyConnections || event?.code === CloseCode.serverBusy;
    if (event && isTerminalCloseCode(event.code)) {
      this.terminal =
        event.code === CloseCode.keyRevoked
          ? { type: 'revoked' }
          : { type: 'denied', reason: (closeCodeName(event.code) ?? 'unauthorized') as DeniedReason };
      this.emit();
      return;
    }
    if (event === null) return; // we closed it ourselves (disconnect or watchdog): y-websocket reconnects
    // The relay or the network closed it: y-websocket does not reconnect (shouldReconnect), this schedule does.
    this.failures += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.terminal) this.provider.connect();
    }, reconnectDelay(this.failures));
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
