import * as Y from 'yjs';
import { CUSTOM, done, result, TRANSACTION_TIME_LIMIT_MS, UPDATES } from './tablet-idb';

/**
 * A stored row that did not load:
 * - `unreadable`: applying it threw (garbage, cut short). It is moved out of `updates` into `custom`
 *   under `damaged-update-<key>`, kept for diagnosis and never applied again; the rest opens without it.
 * - `incomplete`: it was read, but refers to content no stored row holds, so Yjs keeps part of it
 *   pending. What fits is real data, so the row stays where it is; syncing with the relay fills the gap.
 */
export type DamagedRow = {
  readonly key: number;
  readonly reason: 'unreadable' | 'incomplete';
  readonly error?: string;
};

export type StoredRows = { readonly keys: number[]; readonly values: unknown[] };

/** Every row of `updates` in key order, read in one transaction so keys and values agree. */
export async function readRows(db: IDBDatabase, name: string): Promise<StoredRows> {
  const tx = db.transaction(UPDATES, 'readonly');
  const store = tx.objectStore(UPDATES);
  const values = result(store.getAll());
  const keys = result(store.getAllKeys());
  await done(tx, { database: name, step: 'read', ms: TRANSACTION_TIME_LIMIT_MS });
  return { keys: (await keys) as number[], values: await values };
}

/** True while the doc holds updates it could not integrate (their dependencies are missing). */
export function hasPendingUpdates(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

/**
 * Applies the rows one by one in one transaction (observers run once, as for any load), so one bad row
 * costs only itself. Checking for pending content after each row is two property reads: the normal path
 * pays nothing more than y-indexeddb's. Returns the keys whose content is now in the doc and what did not load.
 */
export function applyRows(
  doc: Y.Doc,
  rows: StoredRows,
  origin: unknown,
): { applied: number[]; damaged: DamagedRow[] } {
  const applied: number[] = [];
  const unreadable: DamagedRow[] = [];
  const becamePending: number[] = [];
  doc.transact(() => {
    rows.values.forEach((value, i) => {
      const key = rows.keys[i] as number;
      const wasPending = hasPendingUpdates(doc);
      try {
        Y.applyUpdate(doc, asBytes(value), origin);
      } catch (error) {
        unreadable.push({ key, reason: 'unreadable', error: String(error) });
        return;
      }
      applied.push(key);
      if (!wasPending && hasPendingUpdates(doc)) becamePending.push(key);
    });
  }, origin);
  // A row that waited for a later one (written out of order) is whole once that one came in.
  const incomplete: DamagedRow[] = hasPendingUpdates(doc)
    ? becamePending.map((key) => ({ key, reason: 'incomplete' }))
    : [];
  return { applied, damaged: [...unreadable, ...incomplete] };
}

/**
 * Moves unreadable rows from `updates` to `custom` in one transaction: kept for diagnosis, never applied
 * again, and out of the way of any other reader of the layout (stock y-indexeddb would stop on them).
 */
export async function setAside(
  db: IDBDatabase,
  name: string,
  rows: StoredRows,
  damaged: readonly DamagedRow[],
): Promise<void> {
  const unreadable = damaged.filter((d) => d.reason === 'unreadable');
  // A database made without `custom` (not by y-indexeddb nor us) keeps them in place: they are skipped again.
  if (unreadable.length === 0 || !db.objectStoreNames.contains(CUSTOM)) return;
  const tx = db.transaction([UPDATES, CUSTOM], 'readwrite');
  const setAsideAt = new Date().toISOString();
  for (const row of unreadable) {
    const value = rows.values[rows.keys.indexOf(row.key)];
    tx.objectStore(CUSTOM).put({ key: row.key, value, error: row.error, setAsideAt }, damagedKey(row.key));
    tx.objectStore(UPDATES).delete(row.key);
  }
  await done(tx, { database: name, step: 'set aside', ms: TRANSACTION_TIME_LIMIT_MS });
}

/** A row's bytes; a view from another realm (a test's fake IndexedDB) is bytes too, anything else is not. */
function asBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new Error('not an encoded update');
}

/** Where an unreadable row of `updates` is kept in `custom`. */
export function damagedKey(key: number): string {
  return `damaged-update-${key}`;
}
