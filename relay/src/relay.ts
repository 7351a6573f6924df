import {
  encodeNoticeMessage,
  isViewerDocument,
  MessageType,
  PROTOCOL_VERSION,
  parseDocumentName,
} from '@chungtay/protocol';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import { writePermissionDenied } from 'y-protocols/auth';
import { type AccessDecision, authorize, authorizeHash } from './access';
import { Connection, type ConnectionContext, type Transport } from './connection';
import { type SetTimer, setRealTimer } from './inbound-queue';
import type { RelayLimits } from './limits';
import { handleMessage, type MessageHandlerContext } from './message-handler';
import type { Metrics } from './metrics';
import { addsToStore, type ClubQuotas } from './quota';
import type { RoomBus } from './room/bus';
import { InProcessBus } from './room/bus-in-process';
import { Room, type RoomOptions } from './room/room';
import { SnapshotWorker } from './room/snapshot-worker';
import { StoredAcks } from './room/stored-acks';
import type { DocStore, Storage } from './store/doc-store';

/** Rooms re-reading the store at once after the room bus resumed (see Relay.resume). */
const CATCH_UP_CONCURRENCY = 4;

/** y-protocols' auth message, the standard protocol's way to say a connection may not do something. */
function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.auth);
  writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}

export interface RelayOptions extends RoomOptions {
  readonly limits: RelayLimits;
  readonly viewerNoticeIntervalMs: number;
}

export interface RelayDeps {
  readonly storage: Storage;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly options: RelayOptions;
  readonly now: () => number;
  /** Per-club quotas (documents, bytes); none when the store cannot report a club's usage. */
  readonly quotas?: ClubQuotas | undefined;
  /** The timers that pace rate-limited connections; real timers unless a test drives time. */
  readonly setTimer?: SetTimer;
  /** Shares rooms with other relay processes (RedisRoomBus); alone by default. */
  readonly bus?: RoomBus | undefined;
  /** Milliseconds since the epoch, for what people read (a tablet's "last seen"); `now` is monotonic. */
  readonly wallClock?: () => number;
}

/** What the transport knows about a new socket: the path's document name and the URL parameters. */
export interface ConnectRequest {
  readonly documentName: string;
  readonly key: string | undefined;
  readonly version: string | undefined;
  /**
   * The client understands the relay's own messages (it offered SYNC_SUBPROTOCOL). Stock y-websocket clients
   * do not: they log every unknown frame as an error, so they get the standard protocol only.
   */
  readonly relayMessages: boolean;
}

/**
 * The transport-agnostic core: admits connections, holds rooms (lazily loaded, unloaded when idle, capped),
 * and routes frames. server.ts binds it to http + ws.
 */
export class Relay {
  private readonly rooms = new Map<string, Room>();
  private readonly connections = new Set<Connection>();
  private readonly idleTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Rotations per club since start, so an access check that raced a rotation is redone. */
  private readonly rotations = new Map<string, number>();
  private nextConnectionId = 1;
  private accepting = true;
  private readonly connectionContext: ConnectionContext;
  private readonly messageContext: MessageHandlerContext;
  private readonly acks: StoredAcks;
  /** Compaction's garbage collection, off the event loop (see snapshot-worker.ts). */
  private readonly snapshots = new SnapshotWorker();
  /** Shares rooms, club control and budgets with other relay processes (see room/bus.ts). */
  readonly bus: RoomBus;

  /** The store rooms write to: through the quotas' bookkeeping when there are quotas. */
  private readonly docs: DocStore;

  constructor(private readonly deps: RelayDeps) {
    this.bus = deps.bus ?? new InProcessBus();
    this.bus.onControl((message) => {
      if (message.type === 'tabletRevoked') this.closeTabletConnections(message.clubId, message.keyHash);
      else this.recheckClub(message.clubId);
    });
    this.bus.onResumed(() => this.resume());
    this.docs = deps.quotas?.track(deps.storage.docs) ?? deps.storage.docs;
    this.acks = new StoredAcks(deps.options.storedAckIntervalMs, deps.now);
    this.connectionContext = {
      limits: deps.options.limits,
      metrics: deps.metrics,
      logger: deps.logger,
      now: deps.now,
      setTimer: deps.setTimer ?? setRealTimer,
    };
    this.messageContext = {
      metrics: deps.metrics,
      now: deps.now,
      viewerNoticeIntervalMs: deps.options.viewerNoticeIntervalMs,
    };
  }

  /** Admits a socket. Frames are queued until access is decided and the room loaded; refusals send no content. */
  connect(transport: Transport, request: ConnectRequest): Connection {
    const connection = new Connection(
      this.nextConnectionId++,
      request.documentName,
      request.relayMessages,
      transport,
      this.connectionContext,
    );
    this.connections.add(connection);
    connection.onClose(() => this.connections.delete(connection));
    void this.admit(connection, request);
    return connection;
  }

  private async admit(connection: Connection, request: ConnectRequest): Promise<void> {
    if (!this.accepting) return connection.fail('shuttingDown', true);
    // This connection is in the set already: the cap counts it.
    if (this.connections.size > this.deps.options.limits.maxConnections)
      return connection.fail('tooManyConnections', true);
    const parsed = parseDocumentName(request.documentName);
    if (!parsed.ok) return connection.fail('invalidDocumentName', true);
    if (request.version !== String(PROTOCOL_VERSION))
      return connection.fail('unsupportedProtocolVersion', true);
    let decision: AccessDecision;
    try {
      let rotationsBefore: number;
      do {
        rotationsBefore = this.rotations.get(parsed.value.clubId) ?? 0;
        decision = await authorize(this.deps.storage.clubs, parsed.value, request.key);
      } while (rotationsBefore !== (this.rotations.get(parsed.value.clubId) ?? 0));
    } catch (error) {
      this.deps.logger.error({ err: error }, 'access check failed');
      return connection.fail('storageError', true);
    }
    if (connection.isClosed) return;
    if (decision.type === 'refused') return connection.fail(decision.reason, true);
    const { quotas } = this.deps;
    if (quotas !== undefined && decision.role === 'editor') {
      let refusal: Awaited<ReturnType<ClubQuotas['admit']>>;
      try {
        refusal = await quotas.admit(parsed.value.name);
      } catch (error) {
        this.deps.logger.error({ err: error }, 'quota check failed');
        return connection.fail('storageError', true);
      }
      if (connection.isClosed) return;
      if (refusal !== undefined) return connection.fail(refusal, true);
    }
    connection.role = decision.role;
    connection.keyHash = decision.keyHash;
    if (decision.tabletId !== undefined) this.seeTablet(connection, parsed.value.clubId, decision.tabletId);

    const room = this.roomFor(parsed.value.name);
    if (room === undefined) return connection.fail('serverBusy', true);
    const handler = this.joinRoom(room, connection, parsed.value.clubId);
    if (!(await room.loaded)) return connection.fail('storageError');
    if (connection.isClosed) return;
    this.deps.logger.debug(
      { connection: connection.id, document: room.name, role: decision.role },
      'connection admitted',
    );
    connection.open(handler, () => {
      room.greet(connection);
      if (decision.role !== 'viewer') return;
      // A stock client is told in the standard protocol's words (y-websocket logs it as a warning).
      connection.send(
        connection.relayMessages
          ? encodeNoticeMessage({ type: 'readOnlyAccess' })
          : encodePermissionDenied('read-only key: updates are not stored'),
      );
    });
  }

  /**
   * Puts an admitted connection in its room; returns its frame handler. The handler and the close listener
   * are made here, not in admit(), so that each idle connection keeps only them and these few values alive
   * rather than admit()'s whole scope (its access decision and parsed name): memory per idle connection.
   */
  private joinRoom(room: Room, connection: Connection, clubId: string): (data: Uint8Array) => void {
    room.connections.add(connection);
    connection.onClose(() => this.leave(room, connection));
    const { quotas } = this.deps;
    return (data) => {
      // A club at its byte quota may still read and resend what the relay holds; a write that adds is refused.
      if (quotas?.isFull(clubId) && addsToStore(data, (decoded) => room.holds(decoded)))
        connection.fail('storageQuotaExceeded');
      else handleMessage(room, connection, data, this.messageContext);
    };
  }

  /** The loaded (or loading) room for a document, creating it if the cap allows; undefined when full. */
  private roomFor(name: string): Room | undefined {
    const existing = this.rooms.get(name);
    if (existing !== undefined && !existing.hasFailed) {
      this.cancelIdleTimer(name);
      return existing;
    }
    if (existing !== undefined) this.drop(existing);
    if (this.rooms.size >= this.deps.options.limits.maxDocsInMemory && !this.evictOneIdleRoom())
      return undefined;
    const room = new Room(name, {
      store: this.docs,
      acks: this.acks,
      snapshots: this.snapshots,
      metrics: this.deps.metrics,
      bus: this.bus,
      storedElsewhere: (name, bytes) => this.deps.quotas?.storedElsewhere(name, bytes),
      logger: this.deps.logger,
      options: this.deps.options,
      now: this.deps.now,
    });
    this.rooms.set(name, room);
    this.deps.metrics.documentsInMemory = this.rooms.size;
    return room;
  }

  private leave(room: Room, connection: Connection): void {
    room.remove(connection);
    if (room.connections.size === 0 && this.rooms.get(room.name) === room) this.scheduleUnload(room);
  }

  private scheduleUnload(room: Room): void {
    this.cancelIdleTimer(room.name);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.name);
      if (room.connections.size === 0) this.drop(room);
    }, this.deps.options.limits.idleUnloadMs);
    this.idleTimers.set(room.name, timer);
  }

  private cancelIdleTimer(name: string): void {
    const timer = this.idleTimers.get(name);
    if (timer !== undefined) clearTimeout(timer);
    this.idleTimers.delete(name);
  }

  private evictOneIdleRoom(): boolean {
    for (const room of this.rooms.values()) {
      if (room.connections.size === 0) {
        this.drop(room);
        return true;
      }
    }
    return false;
  }

  /**
   * Removes a room from memory at once; its final snapshot is written in the background. A connection arriving
   * meanwhile loads a fresh room from the store, which holds everything (appends were durable before forwarding).
   */
  private drop(room: Room): void {
    this.cancelIdleTimer(room.name);
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    this.deps.metrics.documentsInMemory = this.rooms.size;
    room
      .unload()
      .catch((error: unknown) =>
        this.deps.logger.error({ document: room.name, err: error }, 'unload failed'),
      );
  }

  /**
   * A club's keys were just rotated: every connection of the club is checked again, here and in every other
   * relay process, and those using a retired key are closed (4410). Tablets with keys of their own (issue 12
   * §6) are not disturbed: a rotation changes only the invite keys.
   */
  revokeClubConnections(clubId: string): void {
    this.recheckClub(clubId);
    this.bus.publishControl({ type: 'keysRotated', clubId });
  }

  /** One tablet was cut off: its connections close with 4411 here and in every other process. */
  revokeTablet(clubId: string, keyHash: string): void {
    this.closeTabletConnections(clubId, keyHash);
    this.bus.publishControl({ type: 'tabletRevoked', clubId, keyHash });
  }

  private closeTabletConnections(clubId: string, keyHash: string): void {
    this.rotations.set(clubId, (this.rotations.get(clubId) ?? 0) + 1);
    for (const connection of this.clubConnections(clubId))
      if (connection.keyHash === keyHash) connection.fail('tabletRevoked');
  }

  /** "Last seen" of a tablet: when a connection of it opens and when it closes (the registry's tabletSeen). */
  private seeTablet(connection: Connection, clubId: string, tabletId: string): void {
    const record = () =>
      this.deps.storage.clubs
        .tabletSeen(clubId, tabletId, (this.deps.wallClock ?? Date.now)())
        .catch((error: unknown) => this.deps.logger.error({ err: error }, 'recording a tablet seen failed'));
    void record();
    connection.onClose(() => void record());
  }

  private clubConnections(clubId: string): Connection[] {
    return [...this.connections].filter((connection) => {
      const parsed = parseDocumentName(connection.documentName);
      return parsed.ok && parsed.value.clubId === clubId && connection.role !== undefined;
    });
  }

  /**
   * Deletes a club's documents from the store once its record is gone (club-api's deleteClub): its
   * connections are closed here and in every other process (as for a rotation), its loaded rooms unloaded
   * (their final snapshot written), then every `<clubId>` and `<clubId>/…` document removed.
   */
  async deleteClub(clubId: string): Promise<number> {
    // Every connection closes here at once, tablets' own too; the other processes find the record gone.
    this.closeClubConnections(clubId);
    this.bus.publishControl({ type: 'keysRotated', clubId });
    const rooms = [...this.rooms.values()].filter(
      (room) => room.name === clubId || room.name.startsWith(`${clubId}/`),
    );
    for (const room of rooms) {
      this.cancelIdleTimer(room.name);
      if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
      await room.unload().catch(() => undefined);
    }
    this.deps.metrics.documentsInMemory = this.rooms.size;
    return this.docs.deleteClubDocs(clubId);
  }

  private closeClubConnections(clubId: string): void {
    this.rotations.set(clubId, (this.rotations.get(clubId) ?? 0) + 1);
    for (const connection of this.clubConnections(clubId)) connection.fail('keyRevoked');
  }

  /** Counts as a rotation (so an admission racing it is decided again), then checks the club's connections. */
  private recheckClub(clubId: string): void {
    this.rotations.set(clubId, (this.rotations.get(clubId) ?? 0) + 1);
    this.recheckConnections(this.clubConnections(clubId)).catch((error: unknown) =>
      this.deps.logger.error({ err: error }, 'checking keys again failed'),
    );
  }

  /**
   * Decides each connection's key again from its hash and closes those no longer admitted: a retired key or
   * a club gone with 4410, a tablet cut off with 4411.
   */
  private async recheckConnections(connections: readonly Connection[]): Promise<void> {
    // A decision depends only on the club, the key and whether a viewer may open the document: one registry
    // read per tablet after a bus outage, not one per open document.
    const decisions = new Map<string, Promise<AccessDecision>>();
    for (const connection of connections) {
      const parsed = parseDocumentName(connection.documentName);
      if (!parsed.ok || connection.keyHash === undefined) continue;
      const memo = `${parsed.value.clubId} ${connection.keyHash} ${isViewerDocument(parsed.value.name)}`;
      const pending =
        decisions.get(memo) ?? authorizeHash(this.deps.storage.clubs, parsed.value, connection.keyHash);
      decisions.set(memo, pending);
      const decision = await pending;
      if (decision.type === 'granted' || connection.isClosed) continue;
      connection.fail(decision.reason === 'tabletRevoked' ? 'tabletRevoked' : 'keyRevoked');
    }
  }

  /**
   * The bus is back after an outage, in which messages may have been lost: every room re-reads its store
   * for other processes' updates, and every connection's key is checked again, in case a rotation's
   * message was among the lost.
   */
  private resume(): void {
    this.deps.metrics.busResumes += 1;
    // A few at a time: after a Redis blip every loaded room reads its document, and thousands of loads at
    // once would queue up in the store's pool ahead of the tablets' own writes.
    const rooms = [...this.rooms.values()];
    let taken = 0;
    const next = async (): Promise<void> => {
      for (let room = rooms[taken++]; room !== undefined; room = rooms[taken++]) {
        await room
          .resume()
          .catch((error: unknown) =>
            this.deps.logger.error({ document: room?.name, err: error }, 'catching up failed'),
          );
      }
    };
    for (let worker = 0; worker < CATCH_UP_CONCURRENCY; worker++) void next();
    this.recheckConnections([...this.connections]).catch((error: unknown) =>
      this.deps.logger.error({ err: error }, 'checking keys again failed'),
    );
  }

  get documentsInMemory(): number {
    return this.rooms.size;
  }

  /**
   * Stops admitting, handles every frame already received (rate limits no longer matter), closes every
   * connection with 4005, waits for every append, writes final snapshots.
   */
  async shutdown(): Promise<void> {
    this.accepting = false;
    this.acks.flush();
    for (const connection of [...this.connections]) connection.finish('shuttingDown');
    const rooms = [...this.rooms.values()];
    for (const room of rooms) this.cancelIdleTimer(room.name);
    this.rooms.clear();
    this.deps.metrics.documentsInMemory = 0;
    await Promise.all(rooms.map((room) => room.unload().catch(() => undefined)));
    await this.snapshots.close();
  }
}
