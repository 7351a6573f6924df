import { encodeStoredMessage, keepsHistory, MessageType, SyncMessageType } from '@chungtay/protocol';
import { encodeSyncStep2Frames } from '@chungtay/sync-frames';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { Connection } from '../connection';
import type { Metrics } from '../metrics';
import type { DocStore } from '../store/doc-store';
import { AwarenessRelay } from './awareness-relay';
import type { RoomBus, RoomMessage, Unsubscribe } from './bus';
import { presenceAnswers, RemotePresence } from './bus-presence';
import { clientsOf, type DecodedUpdate, EncodedDoc } from './encoded-doc';
import type { SnapshotWorker } from './snapshot-worker';
import type { StoredAcks } from './stored-acks';

export interface RoomOptions {
  /** Compact the stored log into one snapshot after this many rows. */
  readonly compactAfterUpdates: number;
  /** At most one MESSAGE_STORED per connection per this many ms while it keeps writing (see stored-acks.ts). */
  readonly storedAckIntervalMs: number;
  /** Sync answers larger than this go out in several frames (see @chungtay/sync-frames). */
  readonly syncChunkBytes: number;
}

export interface RoomContext {
  readonly store: DocStore;
  /** Relay-wide: acknowledgements of stored updates, paced per connection. */
  readonly acks: StoredAcks;
  /** Relay-wide: compaction's garbage collection on a worker thread. */
  readonly snapshots: Pick<SnapshotWorker, 'collect'>;
  readonly metrics: Metrics;
  /** The rooms of this document in other relay processes (see bus.ts); alone, nobody listens. */
  readonly bus: RoomBus;
  /** An update another process stored came over the bus (the club quotas count it). */
  readonly storedElsewhere: (name: string, bytes: number) => void;
  readonly logger: Logger;
  readonly options: RoomOptions;
  readonly now: () => number;
}

function frame(type: number, payload: Uint8Array, syncType?: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  if (syncType !== undefined) encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/**
 * One document in memory: its encoded state (see encoded-doc.ts), the presence of its clients, and the durable
 * log behind it. An update that brings anything new is appended to the store and, once the append resolved,
 * forwarded to the other clients; its sender gets a MESSAGE_STORED with its clients' durable clocks.
 * Everything the room holds has been stored, so whatever it sends (forwards and sync answers) is durable:
 * clients count what they receive from the relay as stored (see packages/protocol).
 *
 * Across processes (bus.ts): a stored update is published after its append resolved, and presence as it is
 * accepted; the rooms of the same document elsewhere take them in and forward them to their own clients.
 * The room subscribes before it reads the store, so nothing falls between the read and the subscription.
 */
export class Room {
  readonly connections = new Set<Connection>();
  readonly loaded: Promise<boolean>;
  private doc: EncodedDoc | undefined;
  private readonly awareness: AwarenessRelay;
  private readonly keepHistory: boolean;
  private lastSeq = 0;
  private rowsSinceCompaction = 0;
  private lastWrite: Promise<unknown> = Promise.resolve();
  private pendingWrites = 0;
  private compacting = false;
  /** The framed answer for a device that has nothing yet (a new tablet), while the document is unchanged. */
  private freshAnswer: { version: number; frames: Uint8Array[] } | undefined;
  private failed = false;
  /** Bus messages that arrived while the store was being read; taken in after it (idempotent anyway). */
  private buffered: Array<{ message: RoomMessage; sender: string }> | undefined = [];
  private unsubscribe: Unsubscribe | undefined;
  private readonly remotePresence = new RemotePresence();

  constructor(
    readonly name: string,
    private readonly context: RoomContext,
  ) {
    // Minutes keep deleted content so their approval and version snapshots stay restorable for every client.
    this.keepHistory = keepsHistory(name);
    this.awareness = new AwarenessRelay(context.now);
    this.loaded = this.load();
  }

  get hasFailed(): boolean {
    return this.failed;
  }

  private async load(): Promise<boolean> {
    try {
      this.unsubscribe = await this.context.bus.subscribe(this.name, (message, sender) =>
        this.receiveFromBus(message, sender),
      );
      const stored = await this.context.store.load(this.name);
      this.doc = this.loadRows(stored.updates);
      this.lastSeq = stored.lastSeq;
      this.rowsSinceCompaction = stored.updates.length;
      const buffered = this.buffered ?? [];
      this.buffered = undefined;
      for (const { message, sender } of buffered) this.receiveFromBus(message, sender);
      this.context.bus.publish(this.name, { type: 'presenceQuery' });
      return true;
    } catch (error) {
      this.context.logger.error({ document: this.name, err: error }, 'loading document failed');
      this.failed = true;
      // Nothing more to hold for a room that will never serve: the next connection loads a new one.
      this.buffered = undefined;
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      return false;
    }
  }

  /** Merges the stored rows; a row that cannot be read is skipped rather than making the document unavailable. */
  private loadRows(rows: readonly Uint8Array[]): EncodedDoc {
    try {
      return new EncodedDoc(rows);
    } catch {
      const readable = rows.filter((row, index) => {
        try {
          new EncodedDoc([row]);
          return true;
        } catch (error) {
          this.context.logger.error(
            { document: this.name, row: index, err: error },
            'skipping unreadable row',
          );
          return false;
        }
      });
      return new EncodedDoc(readable);
    }
  }

  private get state(): EncodedDoc {
    if (this.doc === undefined) throw new Error(`room ${this.name} used before it loaded`);
    return this.doc;
  }

  /** Sends the relay's sync step 1 and the current presence, as y-websocket servers do on connect. */
  greet(connection: Connection): void {
    connection.send(frame(MessageType.sync, this.state.stateVector(), SyncMessageType.step1));
    const present = this.awareness.encodePresent();
    if (present !== null) connection.send(frame(MessageType.awareness, present));
  }

  /** Answers a sync step 1: what the client lacks, then everything the relay has stored. */
  answerSyncStep1(connection: Connection, stateVector: Uint8Array): void {
    for (const part of this.framesFor(stateVector)) connection.send(part);
    if (connection.relayMessages)
      connection.send(encodeStoredMessage(this.state.stateVector(), connection.updatesSettled));
    this.context.acks.sentComplete(connection);
  }

  /**
   * Splitting a large answer into frames decodes and re-encodes it. Every new tablet of a club asks for the
   * same full answer, so that one is kept (only when it needed splitting, and until the document changes).
   */
  private framesFor(stateVector: Uint8Array): Uint8Array[] {
    const state = this.state;
    const fresh = stateVector.length === 1 && stateVector[0] === 0;
    if (fresh && this.freshAnswer?.version === state.version) return this.freshAnswer.frames;
    const frames = encodeSyncStep2Frames(state.diff(stateVector), this.context.options.syncChunkBytes);
    if (fresh && frames.length > 1) this.freshAnswer = { version: state.version, frames };
    else if (fresh) this.freshAnswer = undefined;
    return frames;
  }

  /**
   * Takes an editor's decoded update (`frameBytes`: the sync update frame it came in, forwarded as is when
   * given). Duplicates are only acknowledged; anything new is stored, then forwarded and acknowledged.
   */
  receiveUpdate(
    connection: Connection,
    update: Uint8Array,
    decoded: DecodedUpdate,
    frameBytes: Uint8Array | undefined,
  ): void {
    this.context.metrics.updatesReceived += 1;
    if (!this.state.isNovel(decoded)) {
      // Already held means stored: the room holds only what its store has appended.
      this.settle(connection, decoded);
      return;
    }
    this.pendingWrites += 1;
    this.lastWrite = this.context.store.append(this.name, update).then(
      (seq) => {
        this.pendingWrites -= 1;
        if (this.failed) return;
        // Sent on before the bookkeeping below, which nothing sent here depends on: an acknowledgement riding
        // along reports other clients' clocks, held before this update; the room's state changes in this
        // same callback, before any other frame is handled.
        const forward = frameBytes ?? frame(MessageType.sync, update, SyncMessageType.update);
        this.forward(forward, connection);
        this.context.bus.publish(this.name, { type: 'update', frame: forward });
        // Shared: rows other processes appended before this one may still be on their way (see compact).
        if (!this.context.bus.shared) this.lastSeq = seq;
        this.rowsSinceCompaction += 1;
        this.context.metrics.updatesStored += 1;
        this.state.add(update, decoded);
        this.settle(connection, decoded);
        if (this.rowsSinceCompaction >= this.context.options.compactAfterUpdates) void this.compact();
      },
      (error: unknown) => {
        this.pendingWrites -= 1;
        this.onStorageError(error);
      },
    );
  }

  /** Sends a stored update to every client but its sender, with any acknowledgement due riding along. */
  private forward(update: Uint8Array, sender: Connection | undefined): void {
    for (const other of this.connections) {
      if (other === sender) continue;
      const ack = this.context.acks.takeRideAlong(other);
      if (ack === undefined) other.send(update);
      else other.sendTogether(update, ack);
    }
  }

  private settle(connection: Connection, decoded: DecodedUpdate): void {
    connection.updatesSettled += 1;
    this.context.acks.acknowledge(connection, clientsOf(decoded), this.clocksOf);
  }

  /** True when the room already holds everything the update carries (a resync, not a write). */
  holds(decoded: DecodedUpdate): boolean {
    return !this.state.isNovel(decoded);
  }

  /** A viewer's update was dropped (message-handler.ts): settled all the same, and acknowledged. */
  settleDropped(connection: Connection): void {
    connection.updatesSettled += 1;
    this.context.acks.acknowledge(connection, [], this.clocksOf);
  }

  private readonly clocksOf = (clients: ReadonlySet<number>) => this.doc?.clocksOf(clients);

  /** Relays an awareness update to everyone, the sender too (its echo keeps y-websocket's watchdog quiet). */
  receiveAwareness(connection: Connection, update: Uint8Array): void {
    const changed = this.awareness.apply(connection, update);
    if (changed === null) return;
    const message = frame(MessageType.awareness, changed);
    for (const each of this.connections) each.send(message);
    this.publishAwareness(connection, changed, false);
  }

  private publishAwareness(connection: Connection, update: Uint8Array, left: boolean): void {
    const role = connection.role ?? 'viewer';
    this.context.bus.publish(this.name, { type: 'awareness', owner: connection.id, role, update, left });
  }

  /** Answers a query for awareness with every present client's state. */
  answerAwarenessQuery(connection: Connection): void {
    const present = this.awareness.encodePresent();
    if (present !== null) connection.send(frame(MessageType.awareness, present));
  }

  remove(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    const removed = this.awareness.removeOwner(connection);
    if (removed === null) return;
    const message = frame(MessageType.awareness, removed);
    for (const each of this.connections) each.send(message);
    this.publishAwareness(connection, removed, true);
  }

  /** Resolves once every append issued so far has settled. */
  async flush(): Promise<void> {
    await this.lastWrite;
  }

  /** Writes a last snapshot if the log grew, then frees the document. Call only when idle. */
  async unload(): Promise<void> {
    await this.loaded;
    this.unsubscribe?.();
    await this.flush();
    if (!this.failed && this.rowsSinceCompaction > 1) await this.compact();
    this.doc = undefined;
    this.freshAnswer = undefined;
  }

  /**
   * Replaces the stored rows by one snapshot. The merged state is taken synchronously from what the room
   * holds, which is exactly the rows up to lastSeq; deleted content is then collected on the worker thread
   * (minutes keep theirs); rows appended meanwhile are kept by the store.
   *
   * Shared with other processes, the room's own appends' sequence numbers say nothing about rows others
   * appended before them (their bus message may still be on its way), so the room first reads the store
   * (catchUp), and lastSeq is then the last row it read: everything up to it is in the room.
   */
  private async compact(): Promise<void> {
    if (this.failed || this.compacting || this.doc === undefined) return;
    this.compacting = true;
    try {
      if (this.context.bus.shared) await this.catchUp();
      const doc = this.doc;
      if (this.failed || doc === undefined) return;
      const throughSeq = this.lastSeq;
      const rows = this.rowsSinceCompaction;
      const merged = doc.merged();
      const snapshot = this.keepHistory ? merged : await this.context.snapshots.collect(merged);
      doc.adoptSnapshot(merged, snapshot);
      this.rowsSinceCompaction -= rows - 1;
      try {
        await this.context.store.compact(this.name, snapshot, throughSeq);
        this.context.metrics.compactions += 1;
      } catch (error) {
        this.rowsSinceCompaction += rows - 1;
        throw error;
      }
    } catch (error) {
      this.context.logger.error({ document: this.name, err: error }, 'compaction failed');
    } finally {
      this.compacting = false;
    }
  }

  /**
   * Reads the document from the store and takes in, and forwards to this room's clients, whatever the room
   * lacks: rows other processes appended while the bus was down (RoomBus.onResumed) or whose message has
   * not arrived yet. Afterwards the room holds every row up to the store's last one it read.
   */
  async catchUp(): Promise<void> {
    if (!(await this.loaded)) return;
    const stored = await this.context.store.load(this.name);
    const state = this.doc;
    if (state === undefined || this.failed) return;
    const missing = Y.diffUpdate(this.loadRows(stored.updates).merged(), state.stateVector());
    const decoded = Y.decodeUpdate(missing);
    if (state.isNovel(decoded)) {
      state.add(missing, decoded);
      this.forward(frame(MessageType.sync, missing, SyncMessageType.update), undefined);
    }
    this.lastSeq = Math.max(this.lastSeq, stored.lastSeq);
  }

  /**
   * The bus is back after an outage: take in what was missed from the store, and ask the other processes
   * for their presence again, since presence messages may have been lost too.
   */
  async resume(): Promise<void> {
    await this.catchUp();
    if (!this.failed && this.doc !== undefined)
      this.context.bus.publish(this.name, { type: 'presenceQuery' });
  }

  /** A message from this document's room in another process (see bus.ts); a bad one is logged, not thrown. */
  private receiveFromBus(message: RoomMessage, sender: string): void {
    if (this.buffered !== undefined) {
      this.buffered.push({ message, sender });
      return;
    }
    try {
      this.takeFromBus(message, sender);
    } catch (error) {
      this.context.logger.error({ document: this.name, sender, err: error }, 'bad room bus message');
    }
  }

  private takeFromBus(message: RoomMessage, sender: string): void {
    const state = this.doc;
    if (state === undefined || this.failed) return;
    if (message.type === 'update') {
      // Stored by its sender before it was published; held here only if it brings something new.
      const decoder = decoding.createDecoder(message.frame);
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      const update = decoding.readVarUint8Array(decoder);
      const decoded = Y.decodeUpdate(update);
      if (!state.isNovel(decoded)) return;
      // Sent on first, as a local update is (receiveUpdate); the bookkeeping follows in the same callback.
      this.forward(message.frame, undefined);
      // Not counted towards compaction: the process that appended it counts it, so one document's rows
      // are compacted about as often as with one process, not once by every process holding it.
      state.add(update, decoded);
      this.context.storedElsewhere(this.name, update.length);
      this.context.metrics.updatesFromOtherProcesses += 1;
      return;
    }
    if (message.type === 'presenceQuery') {
      const present = this.awareness.encodePresent();
      if (present === null) return;
      for (const answer of presenceAnswers(present, this.connections))
        this.context.bus.publish(this.name, answer);
      return;
    }
    const changed = this.remotePresence.apply(this.awareness, sender, message);
    if (changed === null) return;
    const relayed = frame(MessageType.awareness, changed);
    for (const each of this.connections) each.send(relayed);
  }

  /**
   * An append failed: what the clients sent may not be stored. Close every connection (1011) so they resync
   * later; the relay drops this room, and the next connection reloads the document from what was stored.
   */
  private onStorageError(error: unknown): void {
    this.context.logger.error({ document: this.name, err: error }, 'append failed');
    this.failed = true;
    for (const connection of [...this.connections]) connection.fail('storageError');
  }
}
