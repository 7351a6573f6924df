import { describe, expect, it } from 'vitest';
import { RateWindow } from './rate-window';

describe('RateWindow', () => {
  it('is zero until it has two samples', () => {
    const window = new RateWindow();
    expect(window.perSecond(2)).toEqual([0, 0]);
    window.record(0, [5, 7]);
    expect(window.perSecond(2)).toEqual([0, 0]);
  });

  it('gives the increase per second over the last window only', () => {
    const window = new RateWindow(10_000);
    // 100 per second for 20 s, then 10 per second.
    for (let second = 0; second <= 20; second++) window.record(second * 1000, [second * 100]);
    expect(window.perSecond(1)).toEqual([100]);
    for (let second = 21; second <= 30; second++) window.record(second * 1000, [2000 + (second - 20) * 10]);
    expect(window.perSecond(1)).toEqual([10]);
  });

  it('spans the whole window although samples come at uneven times', () => {
    const window = new RateWindow(10_000);
    window.record(0, [0]);
    window.record(9_500, [950]);
    window.record(10_700, [1070]);
    // The sample at 0 falls out only once a later one still covers the window's start.
    expect(window.perSecond(1)).toEqual([100]);
    window.record(20_000, [2000]);
    expect(window.perSecond(1)).toEqual([100]);
  });
});
