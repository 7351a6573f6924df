import { describe, expect, it } from 'vitest';
import {
  checkBirthYear,
  checkPastDate,
  checkPhone,
  checkRequiredDate,
  checkRequiredText,
  checkTime,
} from './field-checks';

describe('field checks', () => {
  it('accepts Vietnamese phone numbers with spaces, dots or dashes', () => {
    for (const ok of ['', '0912345678', '0912 345 678', '091.234.5678', '+84912345678', '+84 912-345-678']) {
      expect(checkPhone(ok)).toBeNull();
    }
    for (const bad of ['912345678', '09123456789', '+8491234567', '0912abc678', '84912345678']) {
      expect(checkPhone(bad)).toBe('phoneFormat');
    }
  });

  it('checks birth years against 1900 and the current year', () => {
    expect(checkBirthYear(null, '2026-03-20')).toBeNull();
    expect(checkBirthYear(1900, '2026-03-20')).toBeNull();
    expect(checkBirthYear(2026, '2026-03-20')).toBeNull();
    expect(checkBirthYear(1899, '2026-03-20')).toBe('birthYearRange');
    expect(checkBirthYear(2027, '2026-03-20')).toBe('birthYearRange');
    expect(checkBirthYear(1960.5, '2026-03-20')).toBe('birthYearRange');
  });

  it('checks dates, past dates and times', () => {
    expect(checkPastDate('2026-03-20', '2026-03-20')).toBeNull();
    expect(checkPastDate('2026-03-21', '2026-03-20')).toBe('dateInFuture');
    expect(checkPastDate('20/03/2026', '2026-03-20')).toBe('dateFormat');
    expect(checkRequiredDate('')).toBe('required');
    expect(checkRequiredDate('2026-02-30')).toBe('dateFormat');
    expect(checkTime('')).toBeNull();
    expect(checkTime('07:30')).toBeNull();
    expect(checkTime('24:00')).toBe('timeFormat');
    expect(checkTime('7:30')).toBe('timeFormat');
  });

  it('trims before checking required text and length', () => {
    expect(checkRequiredText('  ', 10)).toBe('required');
    expect(checkRequiredText(` ${'a'.repeat(10)} `, 10)).toBeNull();
    expect(checkRequiredText('a'.repeat(11), 10)).toBe('tooLong');
  });
});
