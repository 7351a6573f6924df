import { describe, expect, it } from 'vitest';
import { checkTime } from '../schema/field-checks';
import { formatTimeOfDay, parseTimeOfDay } from './time-of-day';

const parsed = (text: string) => {
  const result = parseTimeOfDay(text);
  return result.ok ? result.value : result.error;
};

describe('parseTimeOfDay', () => {
  it('reads the ways a meeting time is written', () => {
    expect(parsed('7h30')).toBe('07:30');
    expect(parsed('7H30')).toBe('07:30');
    expect(parsed('7:30')).toBe('07:30');
    expect(parsed('07:30')).toBe('07:30');
    expect(parsed('7.30')).toBe('07:30');
    expect(parsed('7g30')).toBe('07:30');
    expect(parsed('7 giờ 30')).toBe('07:30');
    expect(parsed('7 giờ 30 phút')).toBe('07:30');
    expect(parsed("7h30'")).toBe('07:30');
    expect(parsed('7h30p')).toBe('07:30');
    expect(parsed('19h')).toBe('19:00');
    expect(parsed('19 giờ')).toBe('19:00');
    expect(parsed(' 8h ')).toBe('08:00');
    expect(parsed('8')).toBe('08:00');
  });

  it('reads digits typed on a numeric keypad', () => {
    expect(parsed('730')).toBe('07:30');
    expect(parsed('0730')).toBe('07:30');
    expect(parsed('1930')).toBe('19:30');
  });

  it('moves afternoon and evening times past noon', () => {
    expect(parsed('2h chiều')).toBe('14:00');
    expect(parsed('7h30 tối')).toBe('19:30');
    expect(parsed('14h chiều')).toBe('14:00');
    expect(parsed('12h trưa')).toBe('12:00');
    expect(parsed('7h sáng')).toBe('07:00');
    expect(parsed('7 pm')).toBe('19:00');
    expect(parsed('19h sáng')).toBe('timeFormat');
  });

  it('keeps an empty field empty', () => {
    expect(parsed('')).toBe('');
    expect(parsed('   ')).toBe('');
  });

  it('refuses what is not a time of day instead of guessing', () => {
    for (const text of ['24h', '7h60', '7h5', '25:00', 'abc', '7h30h', '12345', '7/30', '-7h', '7,5']) {
      expect(parsed(text), text).toBe('timeFormat');
    }
  });

  it('gives only values the meeting validator accepts', () => {
    for (const text of ['7h30', '19h', '0730', '2h chiều', '0h', '23h59']) {
      expect(checkTime(parsed(text)), text).toBeNull();
    }
  });
});

describe('formatTimeOfDay', () => {
  it('writes times the Vietnamese way', () => {
    expect(formatTimeOfDay('07:30')).toBe('7h30');
    expect(formatTimeOfDay('19:00')).toBe('19h');
    expect(formatTimeOfDay('07:05')).toBe('7h05');
    expect(formatTimeOfDay('00:00')).toBe('0h');
  });

  it('shows an empty or unexpected stored value as it is', () => {
    expect(formatTimeOfDay('')).toBe('');
    expect(formatTimeOfDay('sáng sớm')).toBe('sáng sớm');
  });

  it('round-trips through the parser', () => {
    for (const stored of ['07:30', '19:00', '00:05', '23:59']) {
      expect(parsed(formatTimeOfDay(stored))).toBe(stored);
    }
  });
});
