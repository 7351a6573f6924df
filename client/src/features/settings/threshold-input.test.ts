import { DEFAULT_HEALTH_THRESHOLDS } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { formatThreshold, parseThreshold, readThresholdForm, THRESHOLD_FIELDS } from './threshold-input';

describe('threshold input', () => {
  it('reads a decimal comma or point, and refuses anything that is not a plain number', () => {
    expect(parseThreshold(' 11,1 ')).toBe(11.1);
    expect(parseThreshold('11.1')).toBe(11.1);
    expect(parseThreshold('140')).toBe(140);
    expect(parseThreshold('-1')).toBe(-1);
    for (const text of ['', '  ', 'abc', '11,1 mmol', '1 40', '140/90', '1,2,3', ',5']) {
      expect(parseThreshold(text), text).toBeNull();
    }
  });

  it('shows values the way they are typed back in each language', () => {
    expect(formatThreshold(11.1, 'vi')).toBe('11,1');
    expect(formatThreshold(11.1, 'en')).toBe('11.1');
    expect(parseThreshold(formatThreshold(3.9, 'vi'))).toBe(3.9);
  });

  it('turns the form into a patch and names the fields that are not numbers', () => {
    const texts = Object.fromEntries(
      THRESHOLD_FIELDS.map((key) => [key, formatThreshold(DEFAULT_HEALTH_THRESHOLDS[key], 'vi')]),
    ) as Record<(typeof THRESHOLD_FIELDS)[number], string>;
    expect(readThresholdForm(texts)).toEqual({ patch: DEFAULT_HEALTH_THRESHOLDS, notNumbers: [] });
    expect(readThresholdForm({ ...texts, highSystolic: '14O', lowGlucoseMmol: '' })).toEqual({
      patch: { ...DEFAULT_HEALTH_THRESHOLDS, highSystolic: undefined, lowGlucoseMmol: undefined },
      notNumbers: ['highSystolic', 'lowGlucoseMmol'],
    });
  });
});
