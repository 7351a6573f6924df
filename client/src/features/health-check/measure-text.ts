import { HEALTH_RANGES, type HealthThresholds } from '@chungtay/model';

/** The four numbers taken at a meeting, in the order the health-check row asks for them. */
export const MEASURES = ['weightKg', 'systolic', 'diastolic', 'glucoseMmol'] as const;
export type Measure = (typeof MEASURES)[number];

/** Weight and blood sugar have decimals ("52,5", "6.1"); blood pressure is whole mmHg. */
const DECIMAL: Record<Measure, boolean> = {
  weightKg: true,
  systolic: false,
  diastolic: false,
  glucoseMmol: true,
};

export type ParsedMeasure =
  | { readonly type: 'empty' }
  | { readonly type: 'value'; readonly value: number }
  | { readonly type: 'notNumber' }
  | { readonly type: 'implausible'; readonly min: number; readonly max: number };

/**
 * What was typed in one field. A decimal comes with a comma (the Vietnamese way, and what an Android
 * keypad in Vietnamese gives) or a point (what other keypads give); both mean the same. A number outside
 * the plausible range is a slip (an extra digit), refused before it reaches the model's own check.
 */
export function parseMeasure(measure: Measure, text: string): ParsedMeasure {
  const trimmed = text.trim();
  if (trimmed === '') return { type: 'empty' };
  const pattern = DECIMAL[measure] ? /^\d{1,3}(?:[.,]\d{1,2})?$/ : /^\d{1,3}$/;
  if (!pattern.test(trimmed)) return { type: 'notNumber' };
  const value = Number(trimmed.replace(',', '.'));
  const [min, max] = HEALTH_RANGES[measure];
  return value < min || value > max ? { type: 'implausible', min, max } : { type: 'value', value };
}

/** 52.5 -> "52,5": what the field shows for a stored value. */
export function formatMeasure(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value).replace('.', ',');
}

/**
 * True when nothing more can be typed into the field without leaving the plausible range, so focus may
 * move on by itself: "120" systolic, "95" systolic (950 is impossible), "80" diastolic. "12" waits (it may
 * become 120 to 129), and a decimal field never moves on by itself: "52" may still become "52,5".
 */
export function isMeasureComplete(measure: Measure, text: string): boolean {
  if (DECIMAL[measure] || !/^\d{1,3}$/.test(text)) return false;
  const value = Number(text);
  const [min, max] = HEALTH_RANGES[measure];
  return value >= min && value <= max && value * 10 > max;
}

/** Which side of the club's thresholds one reading falls on; weight has no thresholds. */
export function measureFlag(
  measure: Measure,
  value: number,
  thresholds: HealthThresholds,
): 'high' | 'low' | null {
  switch (measure) {
    case 'systolic':
      return value >= thresholds.highSystolic ? 'high' : value < thresholds.lowSystolic ? 'low' : null;
    case 'diastolic':
      return value >= thresholds.highDiastolic ? 'high' : value < thresholds.lowDiastolic ? 'low' : null;
    case 'glucoseMmol':
      return value >= thresholds.highGlucoseMmol ? 'high' : value < thresholds.lowGlucoseMmol ? 'low' : null;
    case 'weightKg':
      return null;
  }
}
