import { describe, expect, it } from 'vitest';
import { TokenBucket } from './limits';

describe('TokenBucket', () => {
  it('allows a burst, refuses beyond it, and refills at the configured rate', () => {
    const bucket = new TokenBucket(10, 3, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(bucket.take(50)).toBe(false);
    expect(bucket.take(100)).toBe(true);
    expect(bucket.take(10_000) && bucket.take(10_000) && bucket.take(10_000)).toBe(true);
    expect(bucket.take(10_000)).toBe(false);
  });

  it('tells whether a token is there, and when the next one comes, without taking any', () => {
    const bucket = new TokenBucket(0.5, 1, 0);
    expect([bucket.hasToken(0), bucket.hasToken(0), bucket.msUntilToken(0)]).toEqual([true, true, 0]);
    expect(bucket.take(0)).toBe(true);
    expect([bucket.hasToken(500), bucket.msUntilToken(500)]).toEqual([false, 1500]);
    expect(bucket.take(2000)).toBe(true);
  });
});
