import { encodeStoredMessage, keepsHistory } from '@chungtay/protocol';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { encodeSyncStep2Frames } from './chunked-sync';
import type { Connection } from './connection';
import type { Metrics } from './metrics';
import type { DocStore } from './store/doc-store';

export interface RoomOptions {
  /** Compact the stored log into one snapshot after this many rows. */
  readonly compactAfterUpdates: number;
  /**
   * MESSAGE_STORED is debounced: it goes out once no write has completed for this long, and at the latest
   * ten times this long after the first pending write, so a busy room still reports regularly.
   */
  readonly storedDebounceMs: number;
  /** Sync answers larger than this go out in several frames (see chunked-sync.ts). */
  readonly syncChunkBytes: number;
}

export interface RoomContext {
  readonly store: DocStore;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly options: RoomOptions;
  readonly now: () => number;
}

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

/**
 * One document in memory: its Y.Doc, the awareness of its clients, and the durable log behind it.
 * Updates are integrated, appended to the store, and only once the append resolved forwarded to the other
 * clients; the state vector reported in MESSAGE_STORED is the one captured when the update was integrated.
 */
export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  readonly loaded: Promise<boolean>;
  private durableStateVector: Uint8Array;
  private lastSeq = 0;
  private rowsSinceCompaction = 0;
  private compacting = false;
  private lastWrite: Promise<unknown> = Promise.resolve();
  private pendingWrites = 0;
  private storedTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest write not yet reported in MESSAGE_STORED became durable. */
  private storedPendingSince: number | undefined;
  private failed = false;

  constructor(
    readonly name: string,
    private readonly context: RoomContext,
  ) {
    // Minutes keep deleted content so their approval and version snapshots stay restorable for every client.
    this.doc = new Y.Doc({ gc: !keepsHistory(name) });
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.durableStateVector = Y.encodeStateVector(this.doc);
    // The relay is not a participant: no local awareness state.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.loaded = this.load();
  }

  get isIdle(): boolean {
    return this.connections.size === 0 && this.pendingWrites === 0;
  }

  private async load(): Promise<boolean> {
    try {
      const stored = await this.context.store.load(this.name);
      this.doc.transact(() => {
        for (const update of stored.updates) {
          try {
            Y.applyUpdate(this.doc, update);
          } catch (error) {
            // A row that cannot be applied is skipped rather than making the whole document unavailable.
            this.context.logger.error(
              { document: this.name, err: error },
              'skipping stored update that fails to apply',
            );
          }
        }
      });
      this.lastSeq = stored.lastSeq;
      this.rowsSinceCompaction = stored.updates.length;
      this.durableStateVector = Y.encodeStateVector(this.doc);
      this.doc.on('update', this.onDocUpdate);
      return true;
    } catch (error) {
      this.context.logger.error({ document: this.name, err: error }, 'loading document failed');
      this.failed = true;
      return false;
    }
  }

  /** Sends the relay's sync step 1 and the current awareness, as y-websocket servers do on connect. */
  greet(connection: Connection): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    connection.send(encoding.toUint8Array(encoder));
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length > 0) connection.send(this.encodeAwareness(clients));
  }

  /** Answers a sync step 1: the missing updates, then what the relay has durably stored. */
  answerSyncStep1(connection: Connection, stateVector: Uint8Array): void {
    for (const frame of encodeSyncStep2Frames(this.doc, stateVector, this.context.options.syncChunkBytes)) {
      connection.send(frame);
    }
    connection.send(encodeStoredMessage(this.durableStateVector));
  }

  /** Integrates an editor's update; throws when it cannot be applied (the caller closes the connection). */
  applyUpdate(connection: Connection, update: Uint8Array): void {
    this.context.metrics.updatesReceived += 1;
    Y.applyUpdate(this.doc, update, connection);
  }

  applyAwareness(connection: Connection, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
  }

  encodeAwareness(clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    return encoding.toUint8Array(encoder);
  }

  remove(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    const clients = [...connection.awarenessClients];
    if (clients.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clients, null);
  }

  /** Resolves once every append issued so far has settled. */
  async flush(): Promise<void> {
    await this.lastWrite;
  }

  /** Writes a last snapshot if the log grew, then frees the document. Call only when idle. */
  async unload(): Promise<void> {
    if (this.storedTimer !== undefined) clearTimeout(this.storedTimer);
    await this.flush();
    if (!this.failed && this.rowsSinceCompaction > 1) await this.compact();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    // Captured now: once this append resolves, everything up to this state is durable.
    const stateVector = Y.encodeStateVector(this.doc);
    this.pendingWrites += 1;
    const write = this.context.store.append(this.name, update).then(
      (seq) => {
        this.pendingWrites -= 1;
        this.lastSeq = seq;
        this.rowsSinceCompaction += 1;
        this.durableStateVector = stateVector;
        this.context.metrics.updatesStored += 1;
        this.forward(update, origin);
        this.scheduleStored();
        if (this.rowsSinceCompaction >= this.context.options.compactAfterUpdates) void this.compact();
      },
      (error: unknown) => {
        this.pendingWrites -= 1;
        this.onStorageError(error);
      },
    );
    this.lastWrite = write;
  };

  private forward(update: Uint8Array, origin: unknown): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const connection of this.connections) {
      if (connection !== origin) connection.send(message);
    }
  }

  private scheduleStored(): void {
    const now = this.context.now();
    this.storedPendingSince ??= now;
    const delay = this.context.options.storedDebounceMs;
    // Past the longest wait, keep the running timer; otherwise restart it (debounce).
    if (this.storedTimer !== undefined && now - this.storedPendingSince + delay > delay * 10) return;
    if (this.storedTimer !== undefined) clearTimeout(this.storedTimer);
    this.storedTimer = setTimeout(() => {
      this.storedTimer = undefined;
      this.storedPendingSince = undefined;
      const message = encodeStoredMessage(this.durableStateVector);
      for (const connection of this.connections) connection.send(message);
    }, delay);
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const owner = origin as Connection;
    if (this.connections.has(owner)) {
      for (const client of [...added, ...updated]) owner.awarenessClients.add(client);
      for (const client of removed) owner.awarenessClients.delete(client);
    }
    // Sent to everyone, the sender too: a lone client's own echo is what keeps y-websocket's 30 s watchdog quiet.
    const message = this.encodeAwareness([...added, ...updated, ...removed]);
    for (const connection of this.connections) connection.send(message);
  };

  private async compact(): Promise<void> {
    if (this.compacting || this.failed) return;
    this.compacting = true;
    // Everything appended up to lastSeq is integrated in the doc, so this snapshot covers those rows.
    const throughSeq = this.lastSeq;
    const rows = this.rowsSinceCompaction;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    try {
      await this.context.store.compact(this.name, snapshot, throughSeq);
      this.rowsSinceCompaction -= rows - 1;
      this.context.metrics.compactions += 1;
    } catch (error) {
      this.context.logger.error({ document: this.name, err: error }, 'compaction failed');
    } finally {
      this.compacting = false;
    }
  }

  /**
   * The doc now holds an update that is not stored. Close every connection (1011) so clients resync later;
   * the relay drops this room, and the next connection reloads the document from what was stored.
   */
  private onStorageError(error: unknown): void {
    this.context.logger.error({ document: this.name, err: error }, 'append failed');
    this.failed = true;
    for (const connection of [...this.connections]) connection.fail('storageError');
  }

  get hasFailed(): boolean {
    return this.failed;
  }
}
