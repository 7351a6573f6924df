import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDate,
  formatDecimal,
  formatMoney,
  formatPercent,
  formatPhone,
  parseDisplayDate,
  todayIso,
} from './format';

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

  it('writes measurements with a comma decimal in Vietnamese', () => {
    expect(formatDecimal(45.5, 'vi')).toBe('45,5');
    expect(formatDecimal(45.5, 'en')).toBe('45.5');
    expect(formatDecimal(62, 'vi')).toBe('62');
    expect(formatDecimal(7.25, 'vi', 2)).toBe('7,25');
  });

  it('groups phone numbers as they are read aloud, and leaves anything else as written', () => {
    expect(formatPhone('0986076324')).toBe('0986 076 324');
    expect(formatPhone(' 0986.076.324 ')).toBe('0986 076 324');
    expect(formatPhone('02438251234')).toBe('024 3825 1234');
    expect(formatPhone('+84986076324')).toBe('+84 986 076 324');
    expect(formatPhone('098 607')).toBe('098 607');
    expect(formatPhone('')).toBe('');
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
