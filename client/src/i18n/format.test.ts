import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatMoney, formatPercent, parseDisplayDate, todayIso } from './format';

describe('Vietnamese formats', () => {
  it('writes dates as dd/mm/yyyy', () => {
    expect(formatDate('2026-03-05')).toBe('05/03/2026');
    expect(formatDate(null)).toBe('');
    expect(formatDate('not a date')).toBe('');
  });

  it('reads dd/mm/yyyy dates and refuses impossible ones', () => {
    expect(parseDisplayDate('5/3/2026')).toBe('2026-03-05');
    expect(parseDisplayDate(' 05.03.2026 ')).toBe('2026-03-05');
    expect(parseDisplayDate('31/02/2026')).toBeNull();
    expect(parseDisplayDate('2026-03-05')).toBeNull();
    expect(parseDisplayDate('')).toBeNull();
  });

  it('writes đồng with dot thousands separators', () => {
    expect(formatMoney(1_500_000, 'vi')).toBe('1.500.000 đ');
    expect(formatMoney(50_000, 'en')).toBe('50,000 đ');
  });

  it('writes percentages with a comma decimal in Vietnamese', () => {
    expect(formatPercent(62.5, 'vi')).toBe('62,5%');
    expect(formatPercent(62.5, 'en')).toBe('62.5%');
    expect(formatPercent(40, 'vi')).toBe('40%');
  });

  it('gives today as an ISO date in local time', () => {
    expect(todayIso(new Date(2026, 10, 25, 23, 59))).toBe('2026-11-25');
  });

  it('sizes bytes for people', () => {
    expect(formatBytes(512, 'vi')).toBe('512 B');
    expect(formatBytes(1536, 'vi')).toBe('1,5 KB');
  });
});
