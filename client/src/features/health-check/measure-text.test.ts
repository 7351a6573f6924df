import { DEFAULT_HEALTH_THRESHOLDS, flagHealthCheck } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { formatMeasure, isMeasureComplete, measureFlag, parseMeasure } from './measure-text';

describe('parseMeasure', () => {
  it('reads a decimal typed with a comma or a point', () => {
    expect(parseMeasure('weightKg', '52,5')).toEqual({ type: 'value', value: 52.5 });
    expect(parseMeasure('weightKg', '52.5')).toEqual({ type: 'value', value: 52.5 });
    expect(parseMeasure('weightKg', ' 48 ')).toEqual({ type: 'value', value: 48 });
    expect(parseMeasure('glucoseMmol', '6,15')).toEqual({ type: 'value', value: 6.15 });
  });

  it('keeps blood pressure to whole numbers', () => {
    expect(parseMeasure('systolic', '120')).toEqual({ type: 'value', value: 120 });
    expect(parseMeasure('systolic', '120,5')).toEqual({ type: 'notNumber' });
  });

  it('tells an empty field from one that is not a number', () => {
    expect(parseMeasure('weightKg', '')).toEqual({ type: 'empty' });
    expect(parseMeasure('weightKg', '  ')).toEqual({ type: 'empty' });
    for (const text of ['5a', '52,5,1', '1.500', '-50', '52,', ',5', '120/80']) {
      expect(parseMeasure('weightKg', text), text).toEqual({ type: 'notNumber' });
    }
  });

  it('refuses a slip outside what can be measured, giving the range', () => {
    expect(parseMeasure('weightKg', '520')).toEqual({ type: 'implausible', min: 20, max: 200 });
    expect(parseMeasure('systolic', '30')).toEqual({ type: 'implausible', min: 60, max: 260 });
    expect(parseMeasure('diastolic', '200')).toEqual({ type: 'implausible', min: 30, max: 160 });
  });
});

describe('formatMeasure', () => {
  it('shows decimals with a comma and nothing for no value', () => {
    expect(formatMeasure(52.5)).toBe('52,5');
    expect(formatMeasure(120)).toBe('120');
    expect(formatMeasure(null)).toBe('');
    expect(formatMeasure(undefined)).toBe('');
  });
});

describe('isMeasureComplete', () => {
  it('moves on once no further digit could still be a reading', () => {
    expect(isMeasureComplete('systolic', '120')).toBe(true);
    expect(isMeasureComplete('systolic', '95')).toBe(true);
    expect(isMeasureComplete('diastolic', '80')).toBe(true);
    expect(isMeasureComplete('diastolic', '100')).toBe(true);
  });

  it('never moves on while a valid value is still being typed', () => {
    // Every prefix of every plausible blood pressure that can still grow into another plausible one.
    for (const measure of ['systolic', 'diastolic'] as const) {
      const [min, max] = measure === 'systolic' ? [60, 260] : [30, 160];
      for (let value = min; value <= max; value++) {
        const text = String(value);
        for (let cut = 1; cut < text.length; cut++) {
          const prefix = text.slice(0, cut);
          const canGrow = Array.from({ length: 10 }, (_, d) => Number(`${prefix}${d}`)).some(
            (n) => n >= min && n <= max,
          );
          if (canGrow) expect(isMeasureComplete(measure, prefix), `${measure} ${prefix}`).toBe(false);
        }
        expect(isMeasureComplete(measure, text) || Number(`${text}0`) <= max, `${measure} ${text}`).toBe(
          true,
        );
      }
    }
  });

  it('leaves decimal fields and unfinished input to Enter', () => {
    expect(isMeasureComplete('weightKg', '52')).toBe(false);
    expect(isMeasureComplete('weightKg', '152')).toBe(false);
    expect(isMeasureComplete('glucoseMmol', '12')).toBe(false);
    expect(isMeasureComplete('systolic', '')).toBe(false);
    expect(isMeasureComplete('systolic', '27')).toBe(false);
  });
});

describe('measureFlag', () => {
  const t = DEFAULT_HEALTH_THRESHOLDS;
  it('agrees with the model’s follow-up flags at the club’s thresholds', () => {
    expect(measureFlag('systolic', 140, t)).toBe('high');
    expect(measureFlag('systolic', 139, t)).toBeNull();
    expect(measureFlag('systolic', 85, t)).toBe('low');
    expect(measureFlag('diastolic', 90, t)).toBe('high');
    expect(measureFlag('diastolic', 59, t)).toBe('low');
    expect(measureFlag('glucoseMmol', 11.1, t)).toBe('high');
    expect(measureFlag('glucoseMmol', 3.8, t)).toBe('low');
    expect(measureFlag('weightKg', 150, t)).toBeNull();
    for (const [sys, dia] of [
      [150, 80],
      [120, 95],
      [85, 70],
      [120, 80],
    ] as const) {
      const flagged = measureFlag('systolic', sys, t) !== null || measureFlag('diastolic', dia, t) !== null;
      expect(flagged).toBe(
        flagHealthCheck({ systolic: sys, diastolic: dia, glucoseMmol: null }, t).length > 0,
      );
    }
  });

  it('follows a club’s own thresholds', () => {
    expect(measureFlag('systolic', 135, { ...t, highSystolic: 130 })).toBe('high');
  });
});
