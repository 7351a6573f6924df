/**
 * Vietnamese names and search. People type without diacritics on cheap keyboards, and registers are
 * sorted by the given name (the last word), so both need more than the platform gives by default.
 */

/**
 * Folds to plain lowercase ASCII-ish text. NFD splits tones and vowel marks off the letter; đ/Đ is a
 * distinct letter that NFD leaves whole, so it is mapped by hand after stripping the marks.
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every folded query word must appear somewhere in the folded text; an empty query matches all. */
export function matchesQuery(text: string, query: string): boolean {
  return matchesQueryWords(text, queryWords(query));
}

/** The folded words of a query, folded once for a whole list rather than once per item. */
export function queryWords(query: string): readonly string[] {
  return foldVietnamese(query)
    .split(' ')
    .filter((w) => w !== '');
}

/** `matchesQuery` with the query already split by `queryWords`; no words match all without folding. */
export function matchesQueryWords(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = foldVietnamese(text);
  return words.every((word) => haystack.includes(word));
}

function words(fullName: string): string[] {
  return fullName
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** "Nguyễn Thị Lan" -> "Lan". */
export function givenName(fullName: string): string {
  return words(fullName).at(-1) ?? '';
}

/** Family and middle names: "Nguyễn Thị Lan" -> "Nguyễn Thị". */
export function familyAndMiddleNames(fullName: string): string {
  return words(fullName).slice(0, -1).join(' ');
}

// Created per call site through this factory rather than stored at module level: a Collator is cheap to keep
// per comparator and this keeps the module free of shared state.
function viCollator(): Intl.Collator {
  return new Intl.Collator('vi');
}

/** Builds a comparator that reuses one collator; use it to sort long lists. */
export function createNameComparator(): (a: string, b: string) => number {
  const collator = viCollator();
  return (a, b) =>
    collator.compare(givenName(a), givenName(b)) ||
    collator.compare(familyAndMiddleNames(a), familyAndMiddleNames(b)) ||
    collator.compare(a, b);
}

/** Given name first, then family and middle names, then the full string (Intl.Collator('vi')). */
export function compareVietnameseNames(a: string, b: string): number {
  return createNameComparator()(a, b);
}
