import type { Logger } from 'pino';
import type { Connection } from './connection';
import type { RelayLimits } from './limits';
import type { Metrics } from './metrics';
import type { ClubQuotas } from './quota';
import type { RoomBus } from './room/bus';
import { Room, type RoomOptions } from './room/room';
import { SnapshotWorker } from './room/snapshot-worker';
import type { StoredAcks } from './room/stored-acks';
import type { DocStore } from './store/doc-store';

/** Rooms re-reading the store at once after the room bus resumed (see RoomLifecycle.resume). */
const CATCH_UP_CONCURRENCY = 4;

export interface RoomLifecycleDeps {
  readonly docs: DocStore;
  readonly acks: StoredAcks;
  readonly metrics: Metrics;
  readonly bus: RoomBus;
  readonly quotas: ClubQuotas | undefined;
  readonly logger: Logger;
  readonly options: RoomOptions & { readonly limits: RelayLimits };
  readonly now: () => number;
}

/**
 * The relay's rooms in memory: loaded lazily when a connection opens a document, capped
 * (maxDocsInMemory, the oldest idle room makes way), unloaded once idle for idleUnloadMs, and unloaded at
 * once when their document goes away (a deleted club, a retired minutes generation).
 */
export class RoomLifecycle {
  private readonly rooms = new Map<string, Room>();
  private readonly idleTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Compaction's garbage collection, off the event loop (see snapshot-worker.ts). */
  private readonly snapshots = new SnapshotWorker();

  constructor(private readonly deps: RoomLifecycleDeps) {}

  get size(): number {
    return this.rooms.size;
  }

  /** The documents loaded (or loading) now. */
  names(): string[] {
    return [...this.rooms.keys()];
  }

  /** The loaded (or loading) room for a document, creating it if the cap allows; undefined when full. */
  roomFor(name: string): Room | undefined {
    const existing = this.rooms.get(name);
    if (existing !== undefined && !existing.hasFailed) {
      this.cancelIdleTimer(name);
      return existing;
    }
    if (existing !== undefined) this.drop(existing);
    if (this.rooms.size >= this.deps.options.limits.maxDocsInMemory && !this.evictOneIdleRoom())
      return undefined;
    const room = new Room(name, {
      store: this.deps.docs,
      acks: this.deps.acks,
      snapshots: this.snapshots,
      metrics: this.deps.metrics,
      bus: this.deps.bus,
      storedElsewhere: (name, bytes) => this.deps.quotas?.storedElsewhere(name, bytes),
      logger: this.deps.logger,
      options: this.deps.options,
      now: this.deps.now,
    });
    this.rooms.set(name, room);
    this.deps.metrics.documentsInMemory = this.rooms.size;
    return room;
  }

  /** A connection left its room: the room unloads once idle, unless it was dropped meanwhile. */
  leave(room: Room, connection: Connection): void {
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
    this.forget(room);
    room
      .unload()
      .catch((error: unknown) =>
        this.deps.logger.error({ document: room.name, err: error }, 'unload failed'),
      );
  }

  private forget(room: Room): void {
    this.cancelIdleTimer(room.name);
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    this.deps.metrics.documentsInMemory = this.rooms.size;
  }

  /**
   * Drops the rooms of these documents at once (retired generations, issue 12 §2), so that none is served
   * from memory again; a retired document's final snapshot writes nothing (DocStore.retireDocs).
   */
  dropDocuments(names: readonly string[]): void {
    for (const name of names) {
      const room = this.rooms.get(name);
      if (room !== undefined) this.drop(room);
    }
  }

  /** Unloads every room of a club (`<clubId>` and `<clubId>/…`) and waits for their final snapshots. */
  async unloadClub(clubId: string): Promise<void> {
    const rooms = [...this.rooms.values()].filter(
      (room) => room.name === clubId || room.name.startsWith(`${clubId}/`),
    );
    for (const room of rooms) {
      this.forget(room);
      await room.unload().catch(() => undefined);
    }
  }

  /**
   * The bus is back after an outage: every room re-reads its store for other processes' updates, a few at a
   * time: after a Redis blip every loaded room reads its document, and thousands of loads at once would queue
   * up in the store's pool ahead of the tablets' own writes.
   */
  resume(): void {
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
  }

  /** Unloads every room, writing final snapshots, then stops the snapshot worker. */
  async shutdown(): Promise<void> {
    const rooms = [...this.rooms.values()];
    for (const room of rooms) this.cancelIdleTimer(room.name);
    this.rooms.clear();
    this.deps.metrics.documentsInMemory = 0;
    await Promise.all(rooms.map((room) => room.unload().catch(() => undefined)));
    await this.snapshots.close();
  }
}
