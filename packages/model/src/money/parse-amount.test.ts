import { describe, expect, it } from 'vitest';
import { parseAmount } from './parse-amount';

describe('parseAmount', () => {
  it.each([
    ['1.500.000', 1_500_000],
    ['1500000', 1_500_000],
    ['1,500,000', 1_500_000],
    ['1.500.000 đ', 1_500_000],
    ['1.500.000đ', 1_500_000],
    ['200.000 đồng', 200_000],
    ['1,5 triệu', 1_500_000],
    ['1.5tr', 1_500_000],
    ['2 tr', 2_000_000],
    ['2 TRIỆU', 2_000_000],
    ['1tr5', 1_500_000],
    ['2tr250', 2_250_000],
    ['500k', 500_000],
    ['500 nghìn', 500_000],
    ['500 ngàn', 500_000],
    ['1.500 nghìn', 1_500_000],
    ['0,5 tr', 500_000],
    ['1,2345 triệu', 1_234_500],
    ['  50000  ', 50_000],
    ['1 tỷ', 1_000_000_000],
  ])('reads %j as %i đ', (text, expected) => {
    expect(parseAmount(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'notANumber'],
    ['1,5', 'notANumber'],
    ['1.50.000', 'notANumber'],
    ['12 con gà', 'notANumber'],
    ['0', 'zero'],
    ['0 đ', 'zero'],
    ['-500000', 'negative'],
    ['− 2 tr', 'negative'],
    ['0,0005k', 'notWhole'],
    ['1,23456789 tr', 'notWhole'],
  ])('refuses %j: %s', (text, type) => {
    expect(parseAmount(text)).toEqual({ ok: false, error: { type } });
  });

  it('refuses more than the maximum given, saying what it is', () => {
    expect(parseAmount('12 triệu', 10_000_000)).toEqual({
      ok: false,
      error: { type: 'tooLarge', max: 10_000_000 },
    });
    expect(parseAmount('10 triệu', 10_000_000)).toEqual({ ok: true, value: 10_000_000 });
    expect(parseAmount('99999999999999999999')).toEqual({
      ok: false,
      error: { type: 'tooLarge', max: 1_000_000_000_000 },
    });
  });
});
