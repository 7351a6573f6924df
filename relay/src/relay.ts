import type { Logger } from 'pino';
import { type AdmissionContext, admit, type ConnectRequest } from './admission';
import { ClubConnections } from './club-connections';
import { Connection, type ConnectionContext, type Transport } from './connection';
import { type SetTimer, setRealTimer } from './inbound-queue';
import type { RelayLimits } from './limits';
import type { Metrics } from './metrics';
import type { ClubQuotas } from './quota';
import type { ClubControl, RoomBus } from './room/bus';
import { InProcessBus } from './room/bus-in-process';
import type { RoomOptions } from './room/room';
import { StoredAcks } from './room/stored-acks';
import { RoomLifecycle } from './room-lifecycle';
import type { DocStore, Storage } from './store/doc-store';
import { isRetiredGeneration, retiringGenerations } from './store/generations';

export type { ConnectRequest } from './admission';

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

/**
 * The transport-agnostic core: admits connections (admission.ts), holds rooms (room-lifecycle.ts), closes
 * connections whose access changed (club-connections.ts), here and, through the bus's control messages, in
 * every other relay process. server.ts binds it to http + ws.
 */
export class Relay {
  private nextConnectionId = 1;
  private accepting = true;
  private readonly connectionContext: ConnectionContext;
  private readonly admission: AdmissionContext;
  private readonly acks: StoredAcks;
  private readonly connections: ClubConnections;
  private readonly rooms: RoomLifecycle;
  /** Shares rooms, club control and budgets with other relay processes (see room/bus.ts). */
  readonly bus: RoomBus;

  constructor(private readonly deps: RelayDeps) {
    this.bus = deps.bus ?? new InProcessBus();
    this.bus.onControl((message) => this.obey(message));
    this.bus.onResumed(() => this.resume());
    // A rewritten minutes document's first write retires its earlier generations (store/generations.ts);
    // the store is then wrapped by the quotas' bookkeeping, when there are quotas.
    const retiring = retiringGenerations(deps.storage.docs, (names) => this.retireDocuments(names));
    const docs: DocStore = deps.quotas?.track(retiring) ?? retiring;
    this.acks = new StoredAcks(deps.options.storedAckIntervalMs, deps.now);
    this.connections = new ClubConnections(deps.storage.clubs, deps.logger);
    this.rooms = new RoomLifecycle({
      docs,
      acks: this.acks,
      metrics: deps.metrics,
      bus: this.bus,
      quotas: deps.quotas,
      logger: deps.logger,
      options: deps.options,
      now: deps.now,
    });
    this.connectionContext = {
      limits: deps.options.limits,
      metrics: deps.metrics,
      logger: deps.logger,
      now: deps.now,
      setTimer: deps.setTimer ?? setRealTimer,
    };
    this.admission = {
      accepting: () => this.accepting,
      limits: deps.options.limits,
      connections: this.connections,
      rooms: this.rooms,
      clubs: deps.storage.clubs,
      docs,
      quotas: deps.quotas,
      logger: deps.logger,
      messages: {
        metrics: deps.metrics,
        now: deps.now,
        viewerNoticeIntervalMs: deps.options.viewerNoticeIntervalMs,
      },
      wallClock: deps.wallClock ?? Date.now,
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
    void admit(connection, request, this.admission);
    return connection;
  }

  /** What another process tells every process (room/bus.ts, ClubControl). */
  private obey(message: ClubControl): void {
    if (message.type === 'tabletRevoked') this.connections.closeTablet(message.clubId, message.keyHash);
    else if (message.type === 'docsRetired') this.closeDocuments(message.names);
    else this.connections.recheckClub(message.clubId);
  }

  /**
   * A club's keys were just rotated: every connection of the club is checked again, here and in every other
   * relay process, and those using a retired key are closed (4410). Tablets with keys of their own (issue 12
   * §6) are not disturbed: a rotation changes only the invite keys.
   */
  revokeClubConnections(clubId: string): void {
    this.connections.recheckClub(clubId);
    this.bus.publishControl({ type: 'keysRotated', clubId });
  }

  /** One tablet was cut off: its connections close with 4411 here and in every other process. */
  revokeTablet(clubId: string, keyHash: string): void {
    this.connections.closeTablet(clubId, keyHash);
    this.bus.publishControl({ type: 'tabletRevoked', clubId, keyHash });
  }

  /**
   * This process just retired old generations of a meeting's minutes (issue 12 §2): their rooms leave memory
   * and their connections close, here and in every other process, so no tablet is served the erased history
   * from a room still loaded. Opening them again is refused (admission.ts asks the store).
   */
  private retireDocuments(names: readonly string[]): void {
    const clubId = names[0]?.split('/')[0];
    if (clubId === undefined) return;
    this.closeDocuments(names);
    this.bus.publishControl({ type: 'docsRetired', clubId, names });
  }

  private closeDocuments(names: readonly string[]): void {
    this.rooms.dropDocuments(names);
    this.connections.closeDocuments(names);
  }

  /**
   * Deletes a club's documents from the store once its record is gone (club-api's deleteClub): its
   * connections are closed here and in every other process (as for a rotation), its loaded rooms unloaded
   * (their final snapshot written), then every `<clubId>` and `<clubId>/…` document removed.
   */
  async deleteClub(clubId: string): Promise<number> {
    // Every connection closes here at once, tablets' own too; the other processes find the record gone.
    this.connections.closeClub(clubId);
    this.bus.publishControl({ type: 'keysRotated', clubId });
    await this.rooms.unloadClub(clubId);
    return this.admission.docs.deleteClubDocs(clubId);
  }

  /**
   * The bus is back after an outage, in which messages may have been lost: every room re-reads its store
   * for other processes' updates, and every connection's key is checked again, in case a rotation's
   * message was among the lost, and every loaded old generation of minutes is closed, in case a
   * retirement's was.
   */
  private resume(): void {
    this.deps.metrics.busResumes += 1;
    this.rooms.resume();
    this.connections.recheckAll();
    this.closeRetiredRooms().catch((error: unknown) =>
      this.deps.logger.error({ err: error }, 'checking generations again failed'),
    );
  }

  /** A retirement's message may have been lost too: each loaded room of minutes asks the store again. */
  private async closeRetiredRooms(): Promise<void> {
    for (const name of this.rooms.names())
      if (await isRetiredGeneration(this.admission.docs, name)) this.closeDocuments([name]);
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
    this.connections.finishAll();
    await this.rooms.shutdown();
  }
}
