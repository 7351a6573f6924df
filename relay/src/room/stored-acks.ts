import { encodeStoredMessage } from '@chungtay/protocol';

/** What an acknowledgement goes to; a Connection. */
export interface AckReceiver {
  readonly isClosed: boolean;
  /** False for a stock y-websocket client, which gets no acknowledgements (see ConnectRequest). */
  readonly relayMessages: boolean;
  /** Reported with the clocks: see Connection.updatesSettled. */
  readonly updatesSettled: number;
  send(data: Uint8Array): void;
}

/** The state vector entries of these clients, as the room holds them when the acknowledgement goes out. */
export type ClocksOf = (clients: ReadonlySet<number>) => Uint8Array | undefined;

interface Pending {
  readonly clients: Set<number>;
  readonly clocksOf: ClocksOf;
  /** The slot it waits in: see SLOT_MS. */
  readonly slot: number;
}

/**
 * Pending acknowledgements wait in slots of this many ms, each flushed on its own. One flush for everything
 * pending sent one frame per busy connection in a single burst (200 connections: ~10 ms in which no update
 * was forwarded, once a second); slots keep each burst to the connections whose interval ends together.
 */
const SLOT_MS = 20;

/**
 * The MESSAGE_STORED acknowledgements of stored updates, at most one per connection per `intervalMs`.
 *
 * Why: an acknowledgement per update doubled the frames a typing tablet receives, and every frame is a
 * socket write on the relay, its largest cost. A tablet that edits now and then is acknowledged at once;
 * one that keeps writing gets one acknowledgement per interval covering everything stored meanwhile, so
 * its "Synced" shows at most an interval after its last edit was stored. One timer serves all connections,
 * set for the earliest slot.
 */
export class StoredAcks {
  private readonly pending = new Map<AckReceiver, Pending>();
  private readonly slots = new Map<number, Set<AckReceiver>>();
  private readonly lastSent = new WeakMap<AckReceiver, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerSlot = Number.POSITIVE_INFINITY;

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number,
  ) {}

  /**
   * Acknowledges that what `receiver` sent about `clients` is stored (or was already held, or dropped); the
   * caller has counted it in `receiver.updatesSettled`.
   */
  acknowledge(receiver: AckReceiver, clients: Iterable<number>, clocksOf: ClocksOf): void {
    if (!receiver.relayMessages) return;
    const waiting = this.pending.get(receiver);
    if (waiting !== undefined) {
      for (const client of clients) waiting.clients.add(client);
      return;
    }
    const now = this.now();
    const due = (this.lastSent.get(receiver) ?? Number.NEGATIVE_INFINITY) + this.intervalMs;
    if (now >= due) {
      this.send(receiver, new Set(clients), clocksOf, now);
      return;
    }
    // Rounded down: an acknowledgement may go up to a slot early, never late.
    const slot = Math.floor(due / SLOT_MS);
    this.pending.set(receiver, { clients: new Set(clients), clocksOf, slot });
    const waiters = this.slots.get(slot);
    if (waiters === undefined) this.slots.set(slot, new Set([receiver]));
    else waiters.add(receiver);
    if (slot < this.timerSlot) this.schedule(slot, now);
  }

  /**
   * A complete report (the answer to a sync step 1) went out: it covers anything pending, and the next
   * acknowledgement goes at once: the tablet's own sync step 2 usually arrives just after, and its
   * acknowledgement is what lets the tablet show "Synced" on connecting.
   */
  sentComplete(receiver: AckReceiver): void {
    this.unqueue(receiver);
    this.lastSent.delete(receiver);
  }

  /**
   * A frame is about to go to `receiver`: if an acknowledgement for it is pending and half an interval has
   * passed since its last one, it is taken now, encoded, to ride along in the same write
   * (Connection.sendTogether). In a room where several tablets write, acknowledgements then cost no write of
   * their own (at most two per interval, a few dozen bytes each); a tablet alone in its room still gets
   * them from the timer. From three quarters of an interval on, a third of them still needed their own
   * write in the benchmark.
   */
  takeRideAlong(receiver: AckReceiver): Uint8Array | undefined {
    if (!this.pending.has(receiver)) return undefined;
    const now = this.now();
    const since = now - (this.lastSent.get(receiver) ?? Number.NEGATIVE_INFINITY);
    if (since < this.intervalMs / 2) return undefined;
    const waiting = this.unqueue(receiver);
    return waiting && this.encode(receiver, waiting.clients, waiting.clocksOf, now);
  }

  /** Sends every pending acknowledgement now (shutdown, tests). */
  flush(): void {
    this.sendSlotsThrough(Number.POSITIVE_INFINITY);
  }

  private schedule(slot: number, now: number): void {
    clearTimeout(this.timer);
    this.timerSlot = slot;
    this.timer = setTimeout(() => this.sendDue(), Math.max(0, slot * SLOT_MS - now));
  }

  private sendDue(): void {
    const now = this.now();
    this.sendSlotsThrough(Math.floor(now / SLOT_MS));
    let next = Number.POSITIVE_INFINITY;
    for (const slot of this.slots.keys()) next = Math.min(next, slot);
    if (next !== Number.POSITIVE_INFINITY) this.schedule(next, now);
  }

  private sendSlotsThrough(last: number): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerSlot = Number.POSITIVE_INFINITY;
    const now = this.now();
    for (const [slot, receivers] of [...this.slots]) {
      if (slot > last) continue;
      for (const receiver of receivers) {
        const waiting = this.unqueue(receiver);
        if (waiting !== undefined) this.send(receiver, waiting.clients, waiting.clocksOf, now);
      }
    }
  }

  private unqueue(receiver: AckReceiver): Pending | undefined {
    const waiting = this.pending.get(receiver);
    if (waiting === undefined) return undefined;
    this.pending.delete(receiver);
    const waiters = this.slots.get(waiting.slot);
    waiters?.delete(receiver);
    if (waiters?.size === 0) this.slots.delete(waiting.slot);
    return waiting;
  }

  private send(receiver: AckReceiver, clients: ReadonlySet<number>, clocksOf: ClocksOf, now: number): void {
    const message = this.encode(receiver, clients, clocksOf, now);
    if (message !== undefined) receiver.send(message);
  }

  /** The acknowledgement, counted as sent at `now`; undefined for a closed connection or an unloaded room. */
  private encode(
    receiver: AckReceiver,
    clients: ReadonlySet<number>,
    clocksOf: ClocksOf,
    now: number,
  ): Uint8Array | undefined {
    if (receiver.isClosed) return undefined;
    const clocks = clocksOf(clients);
    if (clocks === undefined) return undefined;
    this.lastSent.set(receiver, now);
    return encodeStoredMessage(clocks, receiver.updatesSettled);
  }
}
