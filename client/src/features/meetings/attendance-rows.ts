import { filterByName } from '../shared/name-search';

/**
 * The rows of the attendance list: a name search, and, when the secretary asks for the unmarked only,
 * the people who were unmarked at that moment. The set is taken when the filter is switched on and not
 * on every mark, so a row does not vanish under the finger (the next row would slide into the spot of
 * the tap just made), a wrong tap can still be corrected, and a mark never re-filters the list.
 */
export function attendanceRows<T extends { readonly id: string; readonly fullName: string }>(
  people: readonly T[],
  query: string,
  unmarkedWhenFiltered: ReadonlySet<string> | null,
): readonly T[] {
  const found = filterByName(people, query);
  return unmarkedWhenFiltered === null
    ? found
    : found.filter((person) => unmarkedWhenFiltered.has(person.id));
}

/** Who has no mark now: the set the unmarked-only filter keeps until it is switched off. */
export function unmarkedIds(
  people: readonly { readonly id: string }[],
  attendance: Readonly<Record<string, unknown>>,
): ReadonlySet<string> {
  return new Set(people.filter((person) => attendance[person.id] === undefined).map((person) => person.id));
}

/** `rows` in consecutive blocks of `size` (the last one shorter): the attendance list's blocks. */
export function chunksOf<T>(rows: readonly T[], size: number): readonly (readonly T[])[] {
  const blocks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) blocks.push(rows.slice(i, i + size));
  return blocks;
}
