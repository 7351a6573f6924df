/**
 * A tablet's connection to one document, as the reconnect storm needs it: the y-websocket sync protocol on a
 * bare `ws` socket, y-websocket's reconnection backoff, and the app's rule for "stored" (client/src/sync/
 * relay-sync.ts): the relay's MESSAGE_STORED reports and the updates it sends (it only sends what it stored)
 * cover the document's state vector, and it settled every sync content frame sent on this connection.
 * Unlike wire-clients.ts it applies what arrives, so its state vector is a real tablet's.
 */
import {
  connectionProtocols,
  decodeCustomMessage,
  MESSAGE_STORED,
  MessageType,
  StoredClocks,
  SyncMessageType,
  versionParams,
} from '@chungtay/protocol';
import { syncFrame } from '@chungtay/sync-frames';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { BenchClub } from './clients';

/** y-websocket 3.1.0's backoff: every close counts, 2^n × 100 ms up to 2.5 s, reset once synced. */
const MAX_BACKOFF_MS = 2500;
const FROM_RELAY = Symbol('relay');

export class StormClient {
  readonly doc = new Y.Doc();
  private socket: WebSocket | undefined;
  private stored = new StoredClocks();
  /** Sync content frames (step 2 and updates) sent on the current connection. */
  private sent = 0;
  private failures = 0;
  private stopped = false;
  /** performance.now() when the current connection last reported everything stored, else undefined. */
  storedAt: number | undefined;

  constructor(
    private readonly syncUrl: string,
    private readonly club: BenchClub,
    private readonly name: string,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_RELAY || this.socket?.readyState !== WebSocket.OPEN) return;
      this.send(syncFrame(SyncMessageType.update, update), true);
    });
    this.connect();
  }

  get connected(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** One edit, as a tablet makes it: sent at once when connected, else carried by the next sync step 2. */
  edit(key: string, value: string): void {
    this.storedAt = undefined;
    this.doc.getMap<string>('records').set(key, value);
  }

  destroy(): void {
    this.stopped = true;
    this.socket?.terminate();
    this.doc.destroy();
  }

  private connect(): void {
    if (this.stopped) return;
    const query = new URLSearchParams(versionParams()).toString();
    const socket = new WebSocket(
      `${this.syncUrl}/${this.name}?${query}`,
      connectionProtocols(this.club.editorKey),
      { perMessageDeflate: false },
    );
    socket.binaryType = 'nodebuffer';
    this.socket = socket;
    this.stored = new StoredClocks();
    this.sent = 0;
    this.storedAt = undefined;
    socket.on('open', () =>
      this.send(syncFrame(SyncMessageType.step1, Y.encodeStateVector(this.doc)), false),
    );
    socket.on('message', (data: Buffer) => this.receive(data));
    socket.on('error', () => undefined); // a refused connection is followed by 'close', which retries
    socket.on('close', () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.storedAt = undefined;
      this.failures++;
      setTimeout(() => this.connect(), Math.min(2 ** this.failures * 100, MAX_BACKOFF_MS));
    });
  }

  private send(frame: Uint8Array, content: boolean): void {
    if (content) this.sent++;
    this.socket?.send(frame);
  }

  private receive(data: Buffer): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_STORED) {
      const message = decodeCustomMessage(data);
      if (message.ok && message.value.type === 'stored') this.stored.addReport(message.value);
    } else if (type === MessageType.sync) {
      const syncType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (syncType === SyncMessageType.step1) {
        this.send(syncFrame(SyncMessageType.step2, Y.encodeStateAsUpdate(this.doc, payload)), true);
      } else {
        for (const [client, clock] of Y.parseUpdateMeta(payload).to) this.stored.addClock(client, clock);
        Y.applyUpdate(this.doc, payload, FROM_RELAY);
        if (syncType === SyncMessageType.step2) this.failures = 0;
      }
    }
    if (this.storedAt === undefined && this.stored.covers(Y.encodeStateVector(this.doc), this.sent))
      this.storedAt = performance.now();
  }
}
