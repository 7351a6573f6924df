/**
 * Finding and replacing a person's name in free text, the way people will have typed it: with or without
 * diacritics, any case ("Nguyễn Thị Lan", "nguyen thi lan", "NGUYỄN THỊ LAN"). Each character folds on
 * its own to one character (or to nothing, for a lone combining mark), so a match in the folded text maps
 * back to exact positions in the original.
 */

/** What a redaction writes in place of the name; the same words everywhere, so print and screen agree. */
export const REDACTED = '[đã xóa]';

function foldChar(c: string): string {
  const base = c.normalize('NFD').replace(/\p{M}/gu, '');
  if (base === 'đ' || base === 'Đ') return 'd';
  return base.toLowerCase();
}

const WORD = /[\p{L}\p{N}]/u;

interface Folded {
  readonly text: string;
  /** For each folded character, the index of the original character it came from. */
  readonly from: readonly number[];
}

function fold(text: string): Folded {
  let out = '';
  const from: number[] = [];
  let i = 0;
  for (const c of text) {
    for (const f of foldChar(c)) {
      out += f;
      from.push(i);
    }
    i += c.length;
  }
  return { text: out, from };
}

/** The folded search term with its spaces collapsed; '' for a term with no letters (it finds nothing). */
export function foldTerm(term: string): string {
  return fold(term.replace(/\s+/g, ' ').trim()).text;
}

/**
 * Where `term` occurs in `text` as whole words: [start, end) ranges into `text`, in order, never
 * overlapping. Whole words only, so "Lan" does not match inside "Lantana" nor inside a base64 key.
 */
export function findTerm(text: string, term: string): Array<readonly [number, number]> {
  const needle = foldTerm(term);
  if (needle === '') return [];
  const hay = fold(text);
  const out: Array<readonly [number, number]> = [];
  let at = hay.text.indexOf(needle);
  while (at >= 0) {
    const end = at + needle.length;
    const before = hay.text[at - 1];
    const after = hay.text[end];
    if ((before === undefined || !WORD.test(before)) && (after === undefined || !WORD.test(after))) {
      const start = hay.from[at] ?? 0;
      const last = hay.from[end - 1] ?? start;
      const width = (text.codePointAt(last) ?? 0) > 0xffff ? 2 : 1;
      out.push([start, last + width]);
      at = hay.text.indexOf(needle, end);
    } else {
      at = hay.text.indexOf(needle, at + 1);
    }
  }
  return out;
}

/** `text` with every occurrence of every term replaced by REDACTED; the count of replacements. */
export function redactString(text: string, terms: readonly string[]): { text: string; count: number } {
  const ranges = termRanges(text, terms);
  if (ranges.length === 0) return { text, count: 0 };
  let out = '';
  let last = 0;
  for (const [start, end] of ranges) {
    out += text.slice(last, start) + REDACTED;
    last = end;
  }
  return { text: out + text.slice(last), count: ranges.length };
}

/** The ranges of all terms in `text`, sorted and merged where two terms overlap ("Thị Lan", "Lan"). */
export function termRanges(text: string, terms: readonly string[]): Array<readonly [number, number]> {
  const all = terms.flatMap((term) => findTerm(text, term)).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of all) {
    const previous = merged[merged.length - 1];
    if (previous !== undefined && start < previous[1]) previous[1] = Math.max(previous[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** A short excerpt around one occurrence, for the committee to see where the name stands. */
export function excerptAround(text: string, [start, end]: readonly [number, number], context = 30): string {
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + context);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}
