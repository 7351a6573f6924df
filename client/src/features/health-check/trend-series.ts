import type { HealthCheck, HealthThresholds } from '@chungtay/model';
import type { Measure } from './measure-text';

/**
 * What the member's health chart draws, computed apart from the charting library so it can be tested
 * without a canvas: one panel per measure, each reading at its day, and the club's threshold bands.
 * Systolic and diastolic are panels of their own: their "high" lines (140 and 90 by default) sit in each
 * other's normal range, so shaded on one chart they would say two things at once.
 */

export type BandKind = 'high' | 'low';

/** A shaded stretch of the y axis: at or above a high threshold, or below a low one. */
export interface TrendBand {
  readonly kind: BandKind;
  readonly threshold: number;
  readonly from: number;
  readonly to: number;
}

export interface TrendPanel {
  readonly measure: Measure;
  /** Each check's day as seconds (local noon), oldest first; the chart's x values. */
  readonly xs: readonly number[];
  /** The reading at each x, null where this measure was not taken that day. */
  readonly ys: readonly (number | null)[];
  readonly bands: readonly TrendBand[];
  /** The y axis: every reading and threshold inside, with some room. */
  readonly range: readonly [number, number];
}

/** The club's thresholds per measure; weight has none. */
function thresholdsOf(measure: Measure, t: HealthThresholds): { high: number; low: number } | null {
  switch (measure) {
    case 'systolic':
      return { high: t.highSystolic, low: t.lowSystolic };
    case 'diastolic':
      return { high: t.highDiastolic, low: t.lowDiastolic };
    case 'glucoseMmol':
      return { high: t.highGlucoseMmol, low: t.lowGlucoseMmol };
    case 'weightKg':
      return null;
  }
}

/** 'yyyy-mm-dd' → seconds at local noon, so a day never slips to its neighbour across time zones. */
export function daySeconds(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12).getTime() / 1000;
}

/** The inverse of daySeconds: the local day of an x value, 'yyyy-mm-dd'. */
export function secondsDay(seconds: number): string {
  const date = new Date(seconds * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * One panel per measure that has at least one reading, in the order of the health-check row. `checks` are
 * one member's, oldest first (`listMemberHealth`).
 */
export function buildTrendPanels(
  checks: readonly HealthCheck[],
  thresholds: HealthThresholds,
  measures: readonly Measure[],
): TrendPanel[] {
  const xs = checks.map((check) => daySeconds(check.takenAt));
  const panels: TrendPanel[] = [];
  for (const measure of measures) {
    const ys = checks.map((check) => check[measure]);
    const values = ys.filter((y): y is number => y !== null);
    if (values.length === 0) continue;
    const limits = thresholdsOf(measure, thresholds);
    const seen = limits === null ? values : [...values, limits.high, limits.low];
    const low = Math.min(...seen);
    const high = Math.max(...seen);
    // Room above and below, so the top and bottom bands show even when every reading is normal.
    const room = Math.max((high - low) * 0.15, measure === 'glucoseMmol' ? 0.5 : 2);
    const range = [Math.max(0, low - room), high + room] as const;
    const bands: TrendBand[] =
      limits === null
        ? []
        : [
            { kind: 'high', threshold: limits.high, from: limits.high, to: range[1] },
            { kind: 'low', threshold: limits.low, from: range[0], to: limits.low },
          ];
    panels.push({ measure, xs, ys, bands, range });
  }
  return panels;
}

/**
 * At most `count` of the chart's days to label on the x axis, spread evenly and always the first and the
 * last: a label is a real meeting day ("05/03/2026"), never a date between meetings.
 */
export function pickDayTicks(xs: readonly number[], count: number): number[] {
  const days = [...new Set(xs)];
  if (days.length <= count) return days;
  if (count <= 1) return days.slice(-1);
  const picked = new Set<number>();
  for (let i = 0; i < count; i++) {
    const day = days[Math.round((i * (days.length - 1)) / (count - 1))];
    if (day !== undefined) picked.add(day);
  }
  return [...picked];
}
