import { describe, expect, it } from 'vitest';
import { colorFor, PEER_COLORS, reconnectDelay } from './sync-status';

describe('reconnectDelay', () => {
  it('waits a random time up to a bound that doubles per attempt and stops at 30 s', () => {
    expect(reconnectDelay(0, () => 0)).toBe(0);
    expect(reconnectDelay(0, () => 0.999)).toBe(499);
    expect(reconnectDelay(3, () => 0.999)).toBe(3996);
    expect(reconnectDelay(10, () => 0.999)).toBe(29_970);
    expect(reconnectDelay(1000, () => 0.999)).toBe(29_970);
  });

  it('spreads seventy tablets returning after a relay restart instead of sending them in lockstep', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const delays = Array.from({ length: 70 }, () => reconnectDelay(4, random));
    // Over the 8 s window of the fifth attempt: no second holds more than a handful of tablets.
    const perSecond = new Map<number, number>();
    for (const delay of delays)
      perSecond.set(Math.floor(delay / 1000), (perSecond.get(Math.floor(delay / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThan(20);
    expect(new Set(delays).size).toBeGreaterThan(60);
    expect(Math.max(...delays)).toBeLessThan(8000);
  });
});

describe('colorFor', () => {
  it('gives one author the same colour on every tablet, from the fixed palette', () => {
    expect(colorFor('device-1')).toBe(colorFor('device-1'));
    expect(PEER_COLORS).toContain(colorFor('any author'));
  });
});
