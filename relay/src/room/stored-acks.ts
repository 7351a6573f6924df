import { encodeStoredMessage } from '@chungtay/protocol';

/** What an acknowledgement goes to; a Connection. */
export interface AckReceiver {
  readonly isClosed: boolean;
  /** Reported with the clocks: see Connection.updatesSettled. */
  readonly updatesSettled: number;
  send(data: Uint8Array): void;
}

/** The state vector entries of these clients, as the room holds them when the acknowledgement goes out. */
export type ClocksOf = (clients: ReadonlySet<number>) => Uint8Array | undefined;

interface Pending {
  readonly clients: Set<number>;
  readonly clocksOf: ClocksOf;
}

/**
 * The MESSAGE_STORED acknowledgements of stored updates, at most one per connection per `intervalMs`.
 *
 * Why: an acknowledgement per update doubled the frames a typing tablet receives, and every frame is a
 * socket write on the relay, its largest cost. A tablet that edits now and then is acknowledged at once;
 * one that keeps writing gets one acknowledgement per interval covering everything stored meanwhile, so
 * its "Synced" shows at most an interval after its last edit was stored. One timer serves all connections.
 */
export class StoredAcks {
  private readonly pending = new Map<AckReceiver, Pending>();
  private readonly lastSent = new WeakMap<AckReceiver, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number,
  ) {}

  /**
   * Acknowledges that what `receiver` sent about `clients` is stored (or was already held, or dropped); the
   * caller has counted it in `receiver.updatesSettled`.
   */
  acknowledge(receiver: AckReceiver, clients: Iterable<number>, clocksOf: ClocksOf): void {
    const waiting = this.pending.get(receiver);
    if (waiting !== undefined) {
      for (const client of clients) waiting.clients.add(client);
      return;
    }
    const now = this.now();
    if (now - (this.lastSent.get(receiver) ?? Number.NEGATIVE_INFINITY) >= this.intervalMs) {
      this.send(receiver, new Set(clients), clocksOf, now);
      return;
    }
    this.pending.set(receiver, { clients: new Set(clients), clocksOf });
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /**
   * A complete report (the answer to a sync step 1) went out: it covers anything pending, and the next
   * acknowledgement goes at once: the tablet's own sync step 2 usually arrives just after, and its
   * acknowledgement is what lets the tablet show "Synced" on connecting.
   */
  sentComplete(receiver: AckReceiver): void {
    this.pending.delete(receiver);
    this.lastSent.delete(receiver);
  }

  /** Sends every pending acknowledgement now (shutdown, tests). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const now = this.now();
    const due = [...this.pending];
    this.pending.clear();
    for (const [receiver, { clients, clocksOf }] of due) this.send(receiver, clients, clocksOf, now);
  }

  private send(receiver: AckReceiver, clients: ReadonlySet<number>, clocksOf: ClocksOf, now: number): void {
    if (receiver.isClosed) return;
    const clocks = clocksOf(clients);
    if (clocks === undefined) return;
    receiver.send(encodeStoredMessage(clocks, receiver.updatesSettled));
    this.lastSent.set(receiver, now);
  }
}
