import { TokenBucket } from './limits';

/** Schedules `callback` once after `ms`; returns its cancel. Injected so tests drive time themselves. */
export type SetTimer = (callback: () => void, ms: number) => () => void;

export const setRealTimer: SetTimer = (callback, ms) => {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
};

/**
 * The socket stops being read while this many messages (or bytes) wait, and is read again once the queue is
 * down to RESUME_AT_MESSAGES and a quarter of the bytes. Small, because reading ahead only moves the sender's
 * backlog from its side of the TCP connection into the relay's memory; not one, so the queue does not run
 * dry while the next read is on its way. What ws already read when the socket paused is still delivered (up
 * to one 64 KiB socket read), so the queue may pass these bounds by that much.
 */
export const PAUSE_AT_MESSAGES = 64;
export const PAUSE_AT_BYTES = 1024 * 1024;
export const RESUME_AT_MESSAGES = 16;
/**
 * The shortest wait for the next token: a held-back connection is served in small batches rather than woken
 * for every single token (at 250 messages a second, every 4 ms).
 */
export const MIN_WAIT_MS = 10;

export interface InboundQueueOptions {
  readonly ratePerSecond: number;
  readonly burst: number;
  /** A sender held back without a break for this long is reported as overloaded (then closed). */
  readonly closeAfterMs: number;
}

/** What the queue counts; Metrics has these fields. */
export interface HeldBackCounters {
  messagesHeldBack: number;
  connectionsHeldBack: number;
}

export interface InboundQueueHooks {
  readonly now: () => number;
  readonly setTimer: SetTimer;
  readonly counters: HeldBackCounters;
  /** Processes one message; may stop() the queue (bad input). */
  readonly handle: (data: Uint8Array) => void;
  /** Stop and restart reading the sender's socket, so that TCP holds its backlog on its side. */
  readonly pause: () => void;
  readonly resume: () => void;
  /**
   * The sender has been held back for closeAfterMs without a break. The queue has sealed itself (see seal());
   * called once, never in the middle of a socket read.
   */
  readonly overloaded: () => void;
  /** Every message queued so far has been handled. */
  readonly drained: () => void;
}

/**
 * One connection's received messages, handled in the order they came, as fast as its token bucket allows.
 * A sender over its rate is slowed, never cut off: its messages wait here and its socket stops being read
 * until the queue is short again, so TCP pushes back on it. Nothing that entered the queue is dropped unless
 * the connection is stopped (bad input, revoked key, storage failure).
 *
 * "Held back" is the time from the first message that had to wait for a token until the queue is empty
 * again. Under back-pressure the relay cannot see how fast a sender would go, only that it never catches up:
 * that time is what decides a close (see closeAfterMs).
 */
export class InboundQueue {
  private messages: Array<Uint8Array | undefined> = [];
  private head = 0;
  private bytes = 0;
  private readonly bucket: TokenBucket;
  private running = false;
  private stopped = false;
  /** Overloaded: nothing more is read from the socket; what is queued is still handled. */
  private sealed = false;
  private paused = false;
  private pumping = false;
  private cancelTimer: (() => void) | undefined;
  private heldSince: number | undefined;

  constructor(
    private readonly options: InboundQueueOptions,
    private readonly hooks: InboundQueueHooks,
  ) {
    this.bucket = new TokenBucket(options.ratePerSecond, options.burst, hooks.now());
  }

  get length(): number {
    return this.messages.length - this.head;
  }

  get isHeldBack(): boolean {
    return this.heldSince !== undefined;
  }

  /** A message from the socket. Handled at once if the queue is running, empty and a token is there. */
  push(data: Uint8Array): void {
    if (this.stopped || this.sealed) return;
    if (this.running && (this.heldSince !== undefined || !this.bucket.hasToken(this.hooks.now())))
      this.hooks.counters.messagesHeldBack += 1;
    this.messages.push(data);
    this.bytes += data.length;
    if (!this.paused && (this.length >= PAUSE_AT_MESSAGES || this.bytes >= PAUSE_AT_BYTES)) {
      this.paused = true;
      this.hooks.pause();
    }
    this.pump();
  }

  /** Starts handling messages (the connection was admitted and its room loaded). */
  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    this.pump();
  }

  /** Handles everything queued now, whatever the bucket holds (the relay is shutting down). */
  flush(): void {
    if (this.stopped) return;
    this.running = true;
    this.clearTimer();
    while (this.length > 0 && !this.stopped) this.handle(this.shift());
    if (!this.stopped) this.emptied();
  }

  /** Reads no more from the socket; what is queued is still handled at the usual pace, then drained() fires. */
  seal(): void {
    if (this.stopped || this.sealed) return;
    this.sealed = true;
    if (!this.paused) {
      this.paused = true;
      this.hooks.pause();
    }
    if (this.length === 0 && this.running) this.emptied();
  }

  /** Drops what is queued and stops for good (the connection is closing for a reason that forbids handling it). */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.clearTimer();
    this.setHeld(undefined);
    this.messages = [];
    this.head = 0;
    this.bytes = 0;
  }

  private pump(): void {
    if (!this.running || this.stopped || this.pumping) return;
    this.pumping = true;
    try {
      while (this.length > 0 && !this.stopped) {
        const now = this.hooks.now();
        if (!this.bucket.take(now)) {
          this.wait(now);
          return;
        }
        this.handle(this.shift());
      }
    } finally {
      this.pumping = false;
    }
    if (!this.stopped) this.emptied();
  }

  private handle(data: Uint8Array): void {
    this.hooks.handle(data);
    if (
      this.paused &&
      !this.sealed &&
      !this.stopped &&
      this.length <= RESUME_AT_MESSAGES &&
      this.bytes < PAUSE_AT_BYTES / 4
    ) {
      this.paused = false;
      this.hooks.resume();
    }
  }

  private shift(): Uint8Array {
    const data = this.messages[this.head] as Uint8Array;
    this.messages[this.head] = undefined;
    this.head += 1;
    this.bytes -= data.length;
    // Compact now and then rather than shift() each time, which copies the array on every call.
    if (this.head >= 1024 && this.head * 2 >= this.messages.length) {
      this.messages = this.messages.slice(this.head);
      this.head = 0;
    }
    return data;
  }

  private wait(now: number): void {
    if (this.heldSince === undefined) this.setHeld(now);
    if (this.cancelTimer !== undefined) return;
    this.cancelTimer = this.hooks.setTimer(
      () => {
        this.cancelTimer = undefined;
        this.onTimer();
      },
      Math.max(MIN_WAIT_MS, this.bucket.msUntilToken(now)),
    );
  }

  /**
   * The overload check runs here, from a timer, never inside a socket read: when it fires, every message ws
   * has delivered is in the queue, and pausing the socket stops any more coming.
   */
  private onTimer(): void {
    if (this.stopped) return;
    const held = this.heldSince;
    if (!this.sealed && held !== undefined && this.hooks.now() - held >= this.options.closeAfterMs) {
      this.seal();
      this.hooks.overloaded();
      if (this.stopped) return;
    }
    this.pump();
  }

  private emptied(): void {
    this.setHeld(undefined);
    // Reuse the array: in the common case (each frame handled as it comes) this runs for every frame.
    this.messages.length = 0;
    this.head = 0;
    if (this.paused && !this.sealed) {
      this.paused = false;
      this.hooks.resume();
    }
    this.hooks.drained();
  }

  private setHeld(since: number | undefined): void {
    if ((this.heldSince === undefined) !== (since === undefined))
      this.hooks.counters.connectionsHeldBack += since === undefined ? -1 : 1;
    this.heldSince = since;
  }

  private clearTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }
}
