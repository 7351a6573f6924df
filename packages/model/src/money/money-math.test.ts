import { describe, expect, it } from 'vitest';
import { addMonths } from '../ids/ids';
import { daysBetween, plusMonths } from './money-math';

describe('money dates', () => {
  it('steps months like addMonths, the day clamped to the month’s end, leap years included', () => {
    const starts = [
      '2026-01-31',
      '2024-01-29',
      '2023-12-31',
      '2100-01-31',
      '2000-01-31',
      '2026-08-15',
      '2025-03-31',
    ];
    for (const start of starts)
      for (let months = -25; months <= 25; months += 1)
        expect(plusMonths(start, months)).toBe(addMonths(start, months));
  });

  it('counts whole days between dates across months and years', () => {
    expect(daysBetween('2026-03-05', '2026-04-20')).toBe(46);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-04-20', '2026-03-05')).toBe(-46);
  });
});
