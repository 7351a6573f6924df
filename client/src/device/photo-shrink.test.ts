import { describe, expect, it } from 'vitest';
import { fitWithin, LONG_SIDE } from './photo-shrink';

describe('fitWithin', () => {
  it("brings a camera's 4000 × 3000 photo to 1600 px on its long side, proportions kept", () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(4032, 1816)).toEqual({ width: LONG_SIDE, height: 721 });
  });

  it('never enlarges a small picture, and never gives a side of 0', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(1600, 1600)).toEqual({ width: 1600, height: 1600 });
    expect(fitWithin(10_000, 2)).toEqual({ width: 1600, height: 1 });
  });
});
