import { randomBytes } from 'node:crypto';
import type { AccessRole } from '../access';

/**
 * What the rooms of one document tell each other across relay processes. Only what a room has made
 * durable or live goes out: an update after its append resolved (so a receiving process may count it as
 * stored), and presence changes it accepted.
 */
export type RoomMessage =
  | {
      readonly type: 'update';
      /** The y-websocket sync update frame, forwarded to the other processes' clients as it is. */
      readonly frame: Uint8Array;
    }
  | {
      readonly type: 'awareness';
      /** The sending process's connection id: receivers keep its presence entries under it. */
      readonly owner: number;
      readonly role: AccessRole;
      /** An encoded awareness update (what the room accepted, or the removal of a leaving connection). */
      readonly update: Uint8Array;
      /** The connection left: receivers forget its owner once the removal is applied. */
      readonly left: boolean;
    }
  | {
      /** A room of the document just loaded: the others answer with their connections' presence. */
      readonly type: 'presenceQuery';
    };

/** Club-wide messages, for every process whatever documents it holds. */
export type ClubControl =
  /** The club's keys changed (a rotation, or the club deleted): every process checks its connections again. */
  | { readonly type: 'keysRotated'; readonly clubId: string }
  /** One tablet's own key was cut off: every process closes the connections using it (issue 12 §6). */
  | { readonly type: 'tabletRevoked'; readonly clubId: string; readonly keyHash: string }
  /**
   * Old generations of a meeting's minutes were retired (issue 12 §2, store/generations.ts): every process
   * drops their rooms and closes their connections, so none serves the erased history from memory.
   */
  | { readonly type: 'docsRetired'; readonly clubId: string; readonly names: readonly string[] };

/**
 * A token bucket every process on the bus draws from (the failed registration codes' budget): a
 * TokenBucket satisfies it, the Redis bus's keeps its state in Redis. `now` is the caller's clock; a
 * shared bucket may use a clock of its own (Redis's), the same for every process.
 */
export interface SharedBudget {
  /** Milliseconds until a token is there, 0 when one is. */
  msUntilToken(now: number): number | Promise<number>;
  /** Takes one token. */
  take(now: number): unknown;
}

export type RoomMessageHandler = (message: RoomMessage, sender: string) => void;
export type Unsubscribe = () => void;

/**
 * How rooms of several relay processes share their documents (see README, *Several processes*).
 *
 * Delivery is at most once and in publish order per sender, like Redis pub/sub: the store, not the bus,
 * is the source of truth. A message lost while the bus was down is recovered by `onResumed`, after which
 * every room re-reads its document from the store. A process never receives its own messages.
 */
export interface RoomBus {
  /** Tags this process's messages; unique per bus instance. */
  readonly processId: string;
  /**
   * True when other processes may append to the same documents: a room then knows which stored rows it
   * holds only by reading the store (see Room.catchUp), never from its own appends' sequence numbers.
   */
  readonly shared: boolean;
  publish(document: string, message: RoomMessage): void;
  /** Resolves once messages published from now on will be delivered (or the bus is down: see onResumed). */
  subscribe(document: string, handler: RoomMessageHandler): Promise<Unsubscribe>;
  publishControl(message: ClubControl): void;
  onControl(handler: (message: ClubControl) => void): Unsubscribe;
  /** The bucket of this name, shared with every process on the bus; rate and capacity as TokenBucket's. */
  budget(name: string, ratePerSecond: number, capacity: number, now: number): SharedBudget;
  /** Called when the bus is back after messages may have been lost (a reconnection to Redis). */
  onResumed(handler: () => void): Unsubscribe;
  close(): Promise<void>;
}

export function newProcessId(): string {
  return randomBytes(8).toString('hex');
}

/** Adds to a set, returning the removal; a helper for the handler lists of both buses. */
export function addHandler<T>(handlers: Set<T>, handler: T): Unsubscribe {
  handlers.add(handler);
  return () => handlers.delete(handler);
}
