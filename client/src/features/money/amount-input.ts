import { type AmountError, parseAmount } from '@chungtay/model';
import type { MoneyKey } from './money-i18n';

/** What a money field's text reads as: whole đồng, or the message that refuses it (the text stays). */
export type AmountReading =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly message: MoneyKey; readonly args: Record<string, number> };

const MESSAGES: Record<AmountError['type'], MoneyKey> = {
  empty: 'amount.empty',
  notANumber: 'amount.notANumber',
  zero: 'amount.zero',
  negative: 'amount.negative',
  notWhole: 'amount.notWhole',
  tooLarge: 'amount.tooLarge',
};

/**
 * Reads an amount with the model's parser ("1.500.000", "1500000", "1,5 triệu"). `max` is the largest
 * the field takes (a loan's maximum, what is still owed); `zero` lets a field mean "nothing" with 0 or
 * an empty box (a part of a payment not paid today).
 */
export function readAmount(
  text: string,
  options: { readonly max?: number; readonly zero?: boolean } = {},
): AmountReading {
  const result = parseAmount(text, options.max);
  if (result.ok) return { ok: true, value: result.value };
  const error = result.error;
  if (options.zero === true && (error.type === 'zero' || error.type === 'empty'))
    return { ok: true, value: 0 };
  return {
    ok: false,
    message: MESSAGES[error.type],
    args: error.type === 'tooLarge' ? { max: error.max } : {},
  };
}

/** The amount shown back in a field: "1.500.000" (no unit: the label says đồng). */
export function amountText(amount: number): string {
  return amount === 0 ? '' : new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(amount);
}

const RATE = /^\s*(\d{1,2})(?:[.,](\d{1,2}))?\s*%?\s*$/;

/**
 * A monthly rate typed in percent ("0,5", "1", "0.75 %") → basis points (50, 100, 75): integers, so no
 * float enters the loan's terms. More than two decimals is not a rate a club writes.
 */
export function readRatePercent(text: string): number | null {
  const m = RATE.exec(text);
  if (m === null) return null;
  const whole = Number(m[1]);
  const fraction = (m[2] ?? '').padEnd(2, '0');
  return whole * 100 + Number(fraction);
}

/** Basis points → "0,5" in the field (the label says % a month). */
export function rateText(bp: number): string {
  const whole = Math.floor(bp / 100);
  const fraction = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole},${fraction}`;
}

/** Whole months, 1 to 600; null otherwise. */
export function readMonths(text: string): number | null {
  const m = /^\s*(\d{1,3})\s*$/.exec(text);
  const n = m === null ? 0 : Number(m[1]);
  return n >= 1 ? n : null;
}
