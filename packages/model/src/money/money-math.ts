import type { IsoDate } from '../ids/ids';
import type { Rounding } from './money-types';

/**
 * Exact money arithmetic. Products of an amount and a rate go through bigint (an amount of 10^12 đ
 * times 10^4 basis points is past 2^53), and every result is a whole đồng, rounded half up to the
 * club's unit. No floating point touches an amount.
 */

const BP = 10_000n;

/** `numerator / denominator` rounded half up to a multiple of `unit` (all non-negative). */
export function divideRounded(numerator: bigint, denominator: bigint, unit: Rounding): number {
  const step = denominator * BigInt(unit);
  const units = (numerator * 2n + step) / (step * 2n);
  return Number(units * BigInt(unit));
}

/** One month's interest on `principal` at `rateBp` basis points a month. */
export function monthlyInterest(principal: number, rateBp: number, unit: Rounding): number {
  if (principal <= 0 || rateBp <= 0) return 0;
  return divideRounded(BigInt(principal) * BigInt(rateBp), BP, unit);
}

/** `amount × parts / whole`, rounded half up to `unit`: a share of a penalty or of principal. */
export function share(amount: number, parts: number, whole: number, unit: Rounding): number {
  if (amount <= 0 || parts <= 0) return 0;
  return divideRounded(BigInt(amount) * BigInt(parts), BigInt(whole), unit);
}

/** Adds whole đồng and refuses to leave the safe-integer range (a bug, never a club's books). */
export function sum(amounts: Iterable<number>): number {
  let total = 0;
  for (const amount of amounts) total += amount;
  if (!Number.isSafeInteger(total)) throw new Error('money total beyond the safe-integer range');
  return total;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (negative when `to` is earlier). Both are checked IsoDates. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/**
 * `date` plus whole months, the day clamped to the month's end (31/01 + 1 = 28/02), as ids.ts's
 * addMonths but without a Date per call: a club's loan states step through some 3,000 due dates.
 */
export function plusMonths(date: IsoDate, months: number): IsoDate {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}
