import type { HealthThresholds } from '@chungtay/model';
import type { Locale } from '../../i18n/locale';

export type ThresholdKey = keyof HealthThresholds;

/** Grouped as the form shows them: blood pressure (mmHg), then blood sugar (mmol/L). */
export const THRESHOLD_GROUPS = [
  {
    title: 'healthThresholds.bloodPressure',
    keys: ['highSystolic', 'highDiastolic', 'lowSystolic', 'lowDiastolic'],
  },
  { title: 'healthThresholds.glucose', keys: ['highGlucoseMmol', 'lowGlucoseMmol'] },
] as const satisfies readonly { title: string; keys: readonly ThresholdKey[] }[];

export const THRESHOLD_FIELDS: readonly ThresholdKey[] = THRESHOLD_GROUPS.flatMap((g) => g.keys);

// A decimal comma (Vietnamese) or point, an optional sign so "-1" reads as a number the range refuses.
const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** "11,1" or "11.1" → 11.1; null when the text is not a plain number ("", "11,1 mmol", "1 40"). */
export function parseThreshold(text: string): number | null {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed.replace(',', '.')) : null;
}

/** 11.1 → "11,1" in Vietnamese, "11.1" in English: how a value is shown and typed back. */
export function formatThreshold(value: number, locale: Locale): string {
  const text = String(value);
  return locale === 'vi' ? text.replace('.', ',') : text;
}

/** The form's texts as a patch for the model, and the fields whose text is not a number. */
export function readThresholdForm(texts: Readonly<Record<ThresholdKey, string>>): {
  patch: Partial<HealthThresholds>;
  notNumbers: ThresholdKey[];
} {
  const patch: Partial<Record<ThresholdKey, number>> = {};
  const notNumbers: ThresholdKey[] = [];
  for (const key of THRESHOLD_FIELDS) {
    const value = parseThreshold(texts[key]);
    if (value === null) notNumbers.push(key);
    else patch[key] = value;
  }
  return { patch, notNumbers };
}
