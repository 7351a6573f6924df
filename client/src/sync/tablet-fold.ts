import { done, TRANSACTION_TIME_LIMIT_MS, UPDATES } from './tablet-idb';

/**
 * Replaces the rows whose content is in `snapshot` by the snapshot, in one transaction: the snapshot is
 * added and they are deleted together, or nothing changes. Only keys in `folded` go: a row another tab
 * wrote meanwhile is not in our doc, and rows written after the snapshot get higher keys (IndexedDB runs
 * overlapping read-write transactions in the order they were created). Returns the snapshot's key.
 */
export async function foldRows(
  db: IDBDatabase,
  name: string,
  snapshot: Uint8Array,
  folded: ReadonlySet<number>,
): Promise<number> {
  const tx = db.transaction(UPDATES, 'readwrite');
  const store = tx.objectStore(UPDATES);
  let snapshotKey = -1;
  const added = store.add(snapshot);
  added.onsuccess = () => {
    snapshotKey = added.result as number;
    const older = store.getAllKeys(IDBKeyRange.upperBound(snapshotKey, true));
    older.onsuccess = () => {
      // Range deletions, one per run of folded keys: a long history costs a few requests, not thousands.
      for (const [from, to] of runsOf(older.result as number[], folded)) {
        store.delete(IDBKeyRange.bound(from, to));
      }
    };
  };
  await done(tx, { database: name, step: 'fold', ms: TRANSACTION_TIME_LIMIT_MS });
  return snapshotKey;
}

/** The runs of consecutive `keys` (ascending) that are all in `members`, as [first, last] pairs. */
export function runsOf(keys: readonly number[], members: ReadonlySet<number>): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start: number | null = null;
  let last = 0;
  for (const key of keys) {
    if (members.has(key)) {
      if (start === null) start = key;
      last = key;
    } else if (start !== null) {
      runs.push([start, last]);
      start = null;
    }
  }
  if (start !== null) runs.push([start, last]);
  return runs;
}

/** The longest a fold waits for the browser to be idle (a page that is never idle still gets one). */
const IDLE_WAIT_MS = 10_000;
/** Without requestIdleCallback (older Safari): late enough to be well past the first screen. */
const FALLBACK_DELAY_MS = 2_000;

/** Runs `work` when the browser is idle; returns a function that cancels it if it has not run yet. */
export function whenIdle(work: () => void): () => void {
  if (typeof globalThis.requestIdleCallback === 'function') {
    const id = globalThis.requestIdleCallback(work, { timeout: IDLE_WAIT_MS });
    return () => globalThis.cancelIdleCallback?.(id);
  }
  const id = setTimeout(work, FALLBACK_DELAY_MS);
  return () => clearTimeout(id);
}
