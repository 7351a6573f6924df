import { matchesQueryWords, queryWords } from '@chungtay/model';

/**
 * The people whose name matches a search typed without diacritics ("nguyen thi lan" finds "Nguyễn Thị
 * Lan", "dang" finds "Đặng"). The query is folded once per list; an empty query returns the list itself,
 * so a keyed `<For>` over the result keeps every row it already has.
 */
export function filterByName<T extends { readonly fullName: string }>(
  people: readonly T[],
  query: string,
): readonly T[] {
  const words = queryWords(query);
  if (words.length === 0) return people;
  return people.filter((person) => matchesQueryWords(person.fullName, words));
}
