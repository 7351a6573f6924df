import { DEFAULT_HEALTH_THRESHOLDS, type HealthCheck, type MeetingId, type MemberId } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { MEASURES } from './measure-text';
import { buildTrendPanels, daySeconds, pickDayTicks, secondsDay } from './trend-series';

const check = (takenAt: string, values: Partial<HealthCheck>): HealthCheck => ({
  meetingId: `meeting-${takenAt}` as MeetingId,
  memberId: 'member-lan-0001' as MemberId,
  weightKg: null,
  systolic: null,
  diastolic: null,
  glucoseMmol: null,
  takenAt,
  takenBy: 'alice',
  ...values,
});

const checks = [
  check('2025-11-05', { weightKg: 52.5, systolic: 128, diastolic: 82 }),
  check('2025-12-05', { weightKg: 53, systolic: 150, diastolic: 95, glucoseMmol: 6.1 }),
  check('2026-01-05', { weightKg: 52 }),
];

describe('buildTrendPanels', () => {
  it('gives one panel per measure taken, each reading at its day and a gap where it was not taken', () => {
    const panels = buildTrendPanels(checks, DEFAULT_HEALTH_THRESHOLDS, MEASURES);
    expect(panels.map((p) => p.measure)).toEqual(['weightKg', 'systolic', 'diastolic', 'glucoseMmol']);
    const systolic = panels[1];
    expect(systolic?.xs.map(secondsDay)).toEqual(['2025-11-05', '2025-12-05', '2026-01-05']);
    expect(systolic?.ys).toEqual([128, 150, null]);
    expect(panels[3]?.ys).toEqual([null, 6.1, null]);
  });

  it('shades at or above the club’s high threshold and below its low one, with both inside the axis', () => {
    const thresholds = { ...DEFAULT_HEALTH_THRESHOLDS, highSystolic: 130, lowSystolic: 100 };
    const systolic = buildTrendPanels(checks, thresholds, ['systolic'])[0];
    if (systolic === undefined) throw new Error('no systolic panel');
    const [bottom, top] = systolic.range;
    expect(systolic.bands).toEqual([
      { kind: 'high', threshold: 130, from: 130, to: top },
      { kind: 'low', threshold: 100, from: bottom, to: 100 },
    ]);
    expect(bottom).toBeLessThan(100);
    expect(top).toBeGreaterThan(150);
  });

  it('draws weight without bands, since the club sets no weight thresholds', () => {
    const weight = buildTrendPanels(checks, DEFAULT_HEALTH_THRESHOLDS, ['weightKg'])[0];
    expect(weight?.bands).toEqual([]);
    expect(weight?.range[0]).toBeLessThan(52);
    expect(weight?.range[1]).toBeGreaterThan(53);
  });

  it('leaves out a measure never taken', () => {
    const panels = buildTrendPanels(
      [check('2026-01-05', { weightKg: 52 })],
      DEFAULT_HEALTH_THRESHOLDS,
      MEASURES,
    );
    expect(panels.map((p) => p.measure)).toEqual(['weightKg']);
  });
});

describe('days on the x axis', () => {
  it('turns a day into seconds and back to the same day', () => {
    for (const day of ['2021-01-01', '2026-03-29', '2026-10-25', '2026-12-31'])
      expect(secondsDay(daySeconds(day))).toBe(day);
  });

  it('labels at most the days that fit, always the first and the last', () => {
    const days = Array.from({ length: 60 }, (_, i) =>
      daySeconds(`20${21 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-05`),
    );
    const ticks = pickDayTicks(days, 5);
    expect(ticks).toHaveLength(5);
    expect(ticks[0]).toBe(days[0]);
    expect(ticks.at(-1)).toBe(days.at(-1));
    expect(pickDayTicks(days.slice(0, 3), 5)).toEqual(days.slice(0, 3));
  });
});
