import { err, ok, type Result } from '../ids/ids';
import { MAX_AMOUNT } from './money-rules';

/**
 * Reads an amount of đồng as a person types it: "1.500.000", "1500000", "1,5 triệu", "1.5tr", "2 tr",
 * "1tr5", "500k", "500 nghìn", "500 ngàn", with or without "đ"/"đồng"/"vnd". Dots and commas between
 * groups of three digits are thousands separators; before a unit (k, nghìn, tr, triệu, tỷ) a single
 * dot or comma followed by other than three digits is the decimal mark. Exact: decimal digits are
 * kept as integers, and an amount that is not a whole đồng is refused, never rounded.
 */

export type AmountError =
  | { readonly type: 'empty' }
  | { readonly type: 'notANumber' }
  | { readonly type: 'zero' }
  | { readonly type: 'negative' }
  | { readonly type: 'notWhole' }
  | { readonly type: 'tooLarge'; readonly max: number };

const UNITS: readonly [RegExp, bigint][] = [
  [/^(k|nghìn|nghin|ngàn|ngan)$/, 1_000n],
  [/^(tr|triệu|trieu|m)$/, 1_000_000n],
  [/^(tỷ|tỉ|ty|ti)$/, 1_000_000_000n],
];

const CURRENCY = /\s*(đ|đồng|dong|d|vnd|vnđ)\.?$/;
const NUMBER = /^(\d+(?:[.,]\d+)*)$/;

function unitOf(word: string): bigint | null {
  for (const [pattern, multiplier] of UNITS) if (pattern.test(word)) return multiplier;
  return null;
}

/** Digits with separators → [integer digits, fraction digits]; null when not a number. */
function splitNumber(text: string, hasUnit: boolean): [string, string] | null {
  if (!NUMBER.test(text)) return null;
  const groups = text.split(/[.,]/);
  if (groups.length === 1) return [text, ''];
  const seps = text.replace(/\d/g, '');
  const thousands = groups.slice(1).every((g) => g.length === 3) && new Set(seps).size === 1;
  if (thousands && !(hasUnit && groups.length === 2 && groups[0] === '0')) return [groups.join(''), ''];
  // A decimal mark: only one, and only before a unit ("1,5 triệu"); "1,5" alone is not an amount of đồng.
  if (groups.length === 2 && hasUnit) return [groups[0] ?? '', groups[1] ?? ''];
  return null;
}

export function parseAmount(input: string, max: number = MAX_AMOUNT): Result<number, AmountError> {
  let text = input.trim().toLowerCase().normalize('NFC');
  if (text === '') return err({ type: 'empty' });
  let negative = false;
  if (/^[-−]/.test(text)) {
    negative = true;
    text = text.slice(1).trim();
  }
  text = text.replace(CURRENCY, '').trim();
  // "1tr5" = 1,5 triệu; "2tr500" = 2,5 triệu: the digits after the unit are its decimal places.
  const compact = /^(\d+)\s*(tr|triệu|trieu|k|nghìn|ngàn)\s*(\d{1,3})$/.exec(text);
  let multiplier: bigint | null;
  let parts: [string, string] | null;
  if (compact !== null) {
    multiplier = unitOf(compact[2] ?? '');
    parts = [compact[1] ?? '', compact[3] ?? ''];
  } else {
    const match = /^([\d.,]+)\s*(\p{L}*)$/u.exec(text);
    if (match === null) return err({ type: 'notANumber' });
    const [, digits = '', word = ''] = match;
    multiplier = word === '' ? 1n : unitOf(word);
    parts = splitNumber(digits, word !== '');
  }
  if (multiplier === null || parts === null) return err({ type: 'notANumber' });
  const [whole, fraction] = parts;
  const scale = 10n ** BigInt(fraction.length);
  const scaled = BigInt(whole + fraction) * multiplier;
  if (scaled % scale !== 0n) return err({ type: 'notWhole' });
  const amount = scaled / scale;
  if (amount === 0n) return err({ type: 'zero' });
  if (negative) return err({ type: 'negative' });
  if (amount > BigInt(max)) return err({ type: 'tooLarge', max });
  return ok(Number(amount));
}
