/**
 * Records kept in the order the full read sorts them, with an id → index map kept in step, so the
 * follower finds a record in O(1) and moves it only when its sort key changed. `compare` must be a
 * total order (every comparator here ends on the id), so there is exactly one sorted place per record.
 */
export interface SortedList<T extends { readonly id: string }> {
  readonly items: readonly T[];
  get(id: string): T | undefined;
  indexOf(id: string): number | undefined;
  /** Puts the record at its sorted place; true when the order changed (added or moved). */
  upsert(item: T): boolean;
  /** True when the record was there. */
  remove(id: string): boolean;
}

export function createSortedList<T extends { readonly id: string }>(
  initial: readonly T[],
  compare: (a: T, b: T) => number,
): SortedList<T> {
  const items = [...initial].sort(compare);
  const index = new Map<string, number>();
  const reindex = (from: number, to: number) => {
    for (let i = from; i < to; i++) index.set((items[i] as T).id, i);
  };
  reindex(0, items.length);

  /** The first place whose record sorts after `item`. */
  const placeOf = (item: T): number => {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(items[mid] as T, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const fitsAt = (i: number, item: T): boolean => {
    const before = items[i - 1];
    const after = items[i + 1];
    return (
      (before === undefined || compare(before, item) < 0) && (after === undefined || compare(item, after) < 0)
    );
  };

  const remove = (id: string): boolean => {
    const i = index.get(id);
    if (i === undefined) return false;
    items.splice(i, 1);
    index.delete(id);
    reindex(i, items.length);
    return true;
  };

  return {
    items,
    get: (id) => {
      const i = index.get(id);
      return i === undefined ? undefined : items[i];
    },
    indexOf: (id) => index.get(id),
    upsert: (item) => {
      const i = index.get(item.id);
      if (i !== undefined && fitsAt(i, item)) {
        items[i] = item;
        return false;
      }
      if (i !== undefined) remove(item.id);
      const at = placeOf(item);
      items.splice(at, 0, item);
      reindex(at, items.length);
      return true;
    },
    remove,
  };
}
