import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseDateCell, parseYearCell } from './cell-values';

describe('parseDateCell', () => {
  it.each([
    ['05/03/2024', '2024-03-05'],
    ['5/3/2024', '2024-03-05'],
    ['05-03-2024', '2024-03-05'],
    ['05.03.2024', '2024-03-05'],
    ['2024-03-05', '2024-03-05'],
    ['03/2024', '2024-03-01'],
    ['2024', '2024-01-01'],
    ['45356', '2024-03-05'],
  ])('reads the text %s', (text, iso) => {
    expect(parseDateCell(text)).toEqual({ ok: true, value: iso });
  });

  it('reads Excel serials, with the time of day dropped, and date cells in UTC', () => {
    expect(parseDateCell(45356)).toEqual({ ok: true, value: '2024-03-05' });
    expect(parseDateCell(45356.75)).toEqual({ ok: true, value: '2024-03-05' });
    expect(excelSerialToIso(21245)).toBe('1958-03-01');
    expect(excelSerialToIso(9999)).toBeNull();
    expect(parseDateCell(new Date(Date.UTC(1958, 2, 1)))).toEqual({ ok: true, value: '1958-03-01' });
    expect(parseDateCell(2020)).toEqual({ ok: true, value: '2020-01-01' });
  });

  it('gives null for an empty cell and an error for what is not a real day', () => {
    expect(parseDateCell(null)).toEqual({ ok: true, value: null });
    expect(parseDateCell('  ')).toEqual({ ok: true, value: null });
    for (const bad of ['31/02/2024', '13/13/2024', 'hôm qua', '5/3/24', true, 12])
      expect(parseDateCell(bad)).toEqual({ ok: false, error: 'dateFormat' });
  });
});

describe('parseYearCell', () => {
  it('reads a year alone, a full date, a serial and a year written as 1958.0', () => {
    expect(parseYearCell(1958)).toEqual({ ok: true, value: 1958 });
    expect(parseYearCell(' 1958 ')).toEqual({ ok: true, value: 1958 });
    expect(parseYearCell('1958.0')).toEqual({ ok: true, value: 1958 });
    expect(parseYearCell('12/07/1958')).toEqual({ ok: true, value: 1958 });
    expect(parseYearCell(21378)).toEqual({ ok: true, value: 1958 });
    expect(parseYearCell(new Date(Date.UTC(1958, 6, 12)))).toEqual({ ok: true, value: 1958 });
    expect(parseYearCell(null)).toEqual({ ok: true, value: null });
  });

  it('passes small numbers on for the range check and refuses words', () => {
    expect(parseYearCell(58)).toEqual({ ok: true, value: 58 });
    expect(parseYearCell('năm mươi tám')).toEqual({ ok: false, error: 'yearFormat' });
  });
});
