import type * as Y from 'yjs';
import type { WriteRecord } from '../conflicts/field-writes';

/**
 * The keys of each check (`<meetingId>/<memberId>/…`) in a health doc's flat `checks` map, so one check's
 * record is read without walking the whole map: five years of a club's checks are some 36,000 keys, and
 * a measurement's write record must find the field's earlier writes (conflicts/field-writes.ts) on every
 * value typed. Derived data only, rebuilt from the map when first asked and kept current by the map's
 * own observer (remote updates, undo) and by the record's writes themselves (so a later write in the same
 * transaction sees an earlier one before the observer runs). Held per map in a WeakMap: it goes with its
 * doc and changes nothing that is stored.
 */
const indexes = new WeakMap<Y.Map<unknown>, Map<string, Set<string>>>();

/** `<meetingId>/<memberId>` of a key with at least a field after it, else null. */
export function pairOf(key: string): string | null {
  const first = key.indexOf('/');
  const second = first < 0 ? -1 : key.indexOf('/', first + 1);
  return second < 0 ? null : key.slice(0, second);
}

function add(index: Map<string, Set<string>>, key: string): void {
  const pair = pairOf(key);
  if (pair === null) return;
  const keys = index.get(pair) ?? new Set<string>();
  keys.add(key);
  index.set(pair, keys);
}

function indexOf(map: Y.Map<unknown>): Map<string, Set<string>> {
  let index = indexes.get(map);
  if (index !== undefined) return index;
  const built = new Map<string, Set<string>>();
  for (const key of map.keys()) add(built, key);
  map.observe((event) => {
    for (const key of event.keysChanged) {
      if (map.has(key)) add(built, key);
      else built.get(pairOf(key) ?? '')?.delete(key);
    }
  });
  indexes.set(map, built);
  index = built;
  return index;
}

/** One check of the `checks` map as a record of its own (`field` ↔ `<pair>/<field>`), found by the index. */
export function indexedCheckRecord(map: Y.Map<unknown>, pair: string): WriteRecord {
  const index = indexOf(map);
  const prefix = `${pair}/`;
  const keys = () => index.get(pair) ?? new Set<string>();
  return {
    *entries() {
      for (const key of [...keys()])
        if (map.has(key)) yield [key.slice(prefix.length), map.get(key)] as [string, unknown];
    },
    get: (key) => map.get(prefix + key),
    has: (key) => map.has(prefix + key),
    set: (key, value) => {
      map.set(prefix + key, value);
      add(index, prefix + key);
      return value;
    },
    delete: (key) => {
      map.delete(prefix + key);
      keys().delete(prefix + key);
    },
  };
}
