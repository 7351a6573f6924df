/** Limits applied to every connection. Per connection, never per IP: a whole village may share one address. */
export interface RelayLimits {
  /** Larger frames close the connection with 4002. */
  readonly maxMessageBytes: number;
  /**
   * Token bucket refill rate: how many messages a second of one connection the relay handles. A connection
   * sending faster is slowed (its socket is no longer read until it is back under the limit), never cut off.
   */
  readonly rateLimitMessagesPerSecond: number;
  /** Bucket size: how many messages a client may send at once before it is slowed. */
  readonly rateLimitBurst: number;
  /**
   * A connection held back by its rate limit without a break for this long (it never caught up) is closed
   * with 4003, once every message it had delivered has been handled.
   */
  readonly rateLimitCloseAfterMs: number;
  /** Rooms held in memory; a connection needing one more, when none is idle, is refused with 4004. */
  readonly maxDocsInMemory: number;
  /** A room with no connections for this long leaves memory. */
  readonly idleUnloadMs: number;
  /** Open sync connections the relay holds at most; one more is refused with 4006 (transient). */
  readonly maxConnections: number;
  /** Documents one club may store; a connection to one more is refused with 4413. */
  readonly clubMaxDocuments: number;
  /** Bytes one club may store (all its documents); a write beyond closes the writer with 4414. */
  readonly clubMaxBytes: number;
}

export const DEFAULT_LIMITS: RelayLimits = {
  maxMessageBytes: 4 * 1024 * 1024,
  // Why these numbers: relay/README.md, *Rate limit*.
  rateLimitMessagesPerSecond: 250,
  rateLimitBurst: 300,
  rateLimitCloseAfterMs: 60_000,
  maxDocsInMemory: 5000,
  idleUnloadMs: 60_000,
  // Why these numbers: relay/README.md, *Safe by default*.
  maxConnections: 20_000,
  clubMaxDocuments: 2_000,
  clubMaxBytes: 100 * 1024 * 1024,
};

/**
 * Failed registration-code attempts, for the whole relay (per IP would be no bound: a village shares one
 * address): 10 at once, then one every 6 s. A tablet that mistyped the code retries at once; someone guessing
 * a 16-character random code gets 14,400 tries a day, which is nothing against 62^16 codes.
 */
export const REGISTRATION_CODE_BURST = 10;
export const REGISTRATION_CODE_REFILL_PER_SECOND = 1 / 6;

/** Classic token bucket; `now` is injected so the relay's clock is the only clock. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  /** Takes one token; false when the bucket is empty. */
  take(now: number): boolean {
    if (!this.hasToken(now)) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whether a token is there to take, without taking it. */
  hasToken(now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    return this.tokens >= 1;
  }

  /** Milliseconds until a token is there (0 if one is). */
  msUntilToken(now: number): number {
    return this.hasToken(now) ? 0 : ((1 - this.tokens) / this.ratePerSecond) * 1000;
  }
}
