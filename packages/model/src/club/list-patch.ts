import type { ListChanges } from './club-follower';
import type { SortedList } from './sorted-list';

/**
 * Collects one flush's changes to a sorted list: which records now differ from what was shown, and the
 * new order if records came, went or moved. A record that reads the same as before is not reported, so a
 * store patched from these changes notifies nobody for it.
 */
export function createListPatch<T extends { readonly id: string }>(list: SortedList<T>) {
  const changed = new Set<string>();
  let reordered = false;
  return {
    put(item: T): void {
      const before = list.get(item.id);
      if (before !== undefined && isSamePlain(before, item)) return;
      if (list.upsert(item)) reordered = true;
      changed.add(item.id);
    },
    remove(id: string): void {
      if (list.remove(id)) reordered = true;
      changed.delete(id);
    },
    has: (id: string): boolean => changed.has(id),
    result(): ListChanges<T> {
      return {
        changed: [...changed].map((id) => list.get(id)).filter((item): item is T => item !== undefined),
        order: reordered ? list.items.map((item) => item.id) : null,
      };
    },
  };
}

/** Deep equality of plain data (what the views are made of: objects, arrays, primitives). */
export function isSamePlain(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  const bRecord = b as Record<string, unknown>;
  return aKeys.every(
    (key) => Object.hasOwn(bRecord, key) && isSamePlain((a as Record<string, unknown>)[key], bRecord[key]),
  );
}
