import { describe, expect, it } from 'vitest';
import { amountText, rateText, readAmount, readMonths, readRatePercent } from './amount-input';

describe('reading what the treasurer types', () => {
  it('understands đồng written with dots, plain, or in triệu', () => {
    expect(readAmount('1.500.000')).toEqual({ ok: true, value: 1_500_000 });
    expect(readAmount('1500000')).toEqual({ ok: true, value: 1_500_000 });
    expect(readAmount('1,5 triệu')).toEqual({ ok: true, value: 1_500_000 });
  });

  it('refuses impossible amounts with a message for each, and a limit when one is given', () => {
    expect(readAmount('0')).toMatchObject({ ok: false, message: 'amount.zero' });
    expect(readAmount('-50.000')).toMatchObject({ ok: false, message: 'amount.negative' });
    expect(readAmount('mười nghìn')).toMatchObject({ ok: false, message: 'amount.notANumber' });
    expect(readAmount('')).toMatchObject({ ok: false, message: 'amount.empty' });
    expect(readAmount('11 triệu', { max: 10_000_000 })).toEqual({
      ok: false,
      message: 'amount.tooLarge',
      args: { max: 10_000_000 },
    });
  });

  it('lets a part of a payment be left at nothing when the field allows it', () => {
    expect(readAmount('', { zero: true })).toEqual({ ok: true, value: 0 });
    expect(readAmount('0', { zero: true })).toEqual({ ok: true, value: 0 });
    expect(readAmount('-1', { zero: true })).toMatchObject({ ok: false, message: 'amount.negative' });
  });

  it('shows an amount back with dots, and nothing for zero', () => {
    expect(amountText(1_250_000)).toBe('1.250.000');
    expect(amountText(0)).toBe('');
  });

  it('reads a monthly rate in percent into whole basis points, both ways', () => {
    expect(readRatePercent('0,5')).toBe(50);
    expect(readRatePercent('1')).toBe(100);
    expect(readRatePercent('0.75 %')).toBe(75);
    expect(readRatePercent('0,125')).toBeNull();
    expect(readRatePercent('một')).toBeNull();
    expect(rateText(50)).toBe('0,5');
    expect(rateText(100)).toBe('1');
    expect(rateText(75)).toBe('0,75');
  });

  it('reads a term in whole months', () => {
    expect(readMonths('12')).toBe(12);
    expect(readMonths('0')).toBeNull();
    expect(readMonths('6,5')).toBeNull();
  });
});
