import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { TokenBucket } from '../limits';
import type { SharedBudget } from './bus';

/**
 * One token bucket in a Redis hash, refilled and drawn by a script (atomic in Redis) on Redis's own clock,
 * so that every process counts the same tokens at the same time. A take may leave the bucket below zero
 * (down to -capacity): several processes that each saw a token a moment before all take one, and the
 * bucket then takes longer to refill, so the budget's rate holds however many processes share it. The key
 * expires once the bucket would be full again, so an idle budget costs Redis nothing.
 *
 * While Redis is unreachable, each process falls back to a bucket of its own: refusing every registration
 * during an outage would be worse, and a guesser still gets no more than one budget per process.
 */
const SCRIPT = `
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) / 1000 * rate)
if ARGV[3] == 'take' then tokens = math.max(-capacity, tokens - 1) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate * 1000) + 1000)
if tokens >= 1 then return 0 end
return math.ceil((1 - tokens) / rate * 1000)
`;

const ANSWER_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class RedisBudget implements SharedBudget {
  private readonly fallback: TokenBucket;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly ratePerSecond: number,
    private readonly capacity: number,
    now: number,
    private readonly logger: Logger,
  ) {
    this.fallback = new TokenBucket(ratePerSecond, capacity, now);
  }

  msUntilToken(now: number): Promise<number> {
    return this.run('peek', now, () => this.fallback.msUntilToken(now));
  }

  async take(now: number): Promise<void> {
    await this.run('take', now, () => this.fallback.take(now));
  }

  private async run(operation: 'peek' | 'take', now: number, local: () => unknown): Promise<number> {
    if (this.redis.status === 'ready') {
      try {
        const answer = this.redis.eval(SCRIPT, 1, this.key, this.ratePerSecond, this.capacity, operation);
        // A connection that dies mid-call would hold the request until Redis is back: not longer than this.
        return Number(await withTimeout(answer, ANSWER_TIMEOUT_MS));
      } catch (error) {
        this.logger.warn({ err: error }, 'shared budget unavailable; using this process’s own');
      }
    }
    const result = local();
    return typeof result === 'number' ? result : this.fallback.msUntilToken(now);
  }
}
