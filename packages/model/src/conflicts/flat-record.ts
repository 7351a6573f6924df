import type * as Y from 'yjs';
import type { WriteRecord } from './field-writes';

/**
 * One record of a flat map whose keys are `<id>/<field>` (the home-care pairings, the Red Cross register),
 * seen as a record of its own: `field` ↔ `<id>/<field>`. Flat keys, not a nested map per record, because
 * two tablets creating the nested map of one record would each make one and Yjs keeps only one of them;
 * this view lets such records keep their single values' writes (field-writes.ts) like a member's.
 * Listing walks the whole map, which is fine for the few hundred keys these maps hold.
 */
export function flatRecord(map: Y.Map<unknown>, id: string): WriteRecord {
  const prefix = `${id}/`;
  return {
    *entries() {
      for (const [key, value] of map.entries())
        if (key.startsWith(prefix)) yield [key.slice(prefix.length), value] as [string, unknown];
    },
    get: (key) => map.get(prefix + key),
    has: (key) => map.has(prefix + key),
    set: (key, value) => map.set(prefix + key, value),
    delete: (key) => map.delete(prefix + key),
  };
}

/** Every record of a flat map as plain fields, by id; keys without a slash are left out. */
export function groupFlatKeys(map: Y.Map<unknown>): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const [key, value] of map.entries()) {
    const slash = key.indexOf('/');
    if (slash <= 0) continue;
    const id = key.slice(0, slash);
    const fields = out.get(id) ?? {};
    fields[key.slice(slash + 1)] = value;
    out.set(id, fields);
  }
  return out;
}
