import { deleteDatabase, done, openDatabase, UPDATES } from './tablet-idb';

/**
 * Makes the browser's IndexedDB files let go of deleted bytes (issue 12 §2: an erased name must leave the
 * tablet's files, not only its databases).
 *
 * What we found in Chromium (the tablets' browser; checked by e2e/specs/erasure.spec.ts on this machine's
 * Chromium): IndexedDB lives in one LevelDB per origin (`<profile>/Default/IndexedDB/<origin>.indexeddb.leveldb`,
 * values of 64 KB and more in `.indexeddb.blob`). Deleting rows or a whole database writes tombstones; the old
 * values stay in the `.ldb` table files until LevelDB compacts the files that hold them. Chromium's own
 * compaction after `deleteDatabase` covers only that database's key range at level 0 and, in our runs, left a
 * table file holding both a deleted database's rows and a live database's old rows untouched; closing the
 * browser only flushes the log into another table. What reliably rewrites the tables is LevelDB's own
 * compaction, which starts once level 0 holds four tables: so the tablet writes a few megabytes of small
 * throwaway rows (small, so they go into LevelDB rather than blob files), which fills and flushes the write
 * buffer several times, then deletes what must go (`remove`), then the filler. The compactions drop every
 * value a newer tombstone hides.
 *
 * A web app cannot do better (there is no compaction API); a browser storing IndexedDB in SQLite instead would
 * need `secure_delete`, which is the browser's choice. Cost: about 24 MB written once per erasure.
 */
const SCRUB_DB = 'chungtay-scrub';
const ROW_BYTES = 4096;
const ROWS_PER_TRANSACTION = 256;

/**
 * One scrub at a time in this tab: they share the filler database, and two at once (an erasure's scrub
 * while a minutes rewrite drops its old copy) deleted it under each other's filling, so the second failed
 * before its `remove` ran and the old copy stayed.
 */
let running: Promise<unknown> = Promise.resolve();

export function scrubDeletedBytes(remove: () => Promise<void>, megabytes = 24): Promise<void> {
  const next = running.then(
    () => scrubOnce(remove, megabytes),
    () => scrubOnce(remove, megabytes),
  );
  running = next.catch(() => {});
  return next;
}

async function scrubOnce(remove: () => Promise<void>, megabytes: number): Promise<void> {
  await fill(megabytes);
  // Only now, with the doomed rows flushed into tables by the filler, are they deleted: the deletion's
  // tombstones land in a newer table above them, and the range compaction Chromium runs after
  // deleteDatabase then rewrites the tables beneath (LevelDB's CompactRange stops above the deepest level
  // holding the range: deleted while still in the write buffer, rows and tombstones would share that table).
  try {
    await remove();
  } finally {
    await deleteDatabase(SCRUB_DB);
  }
}

async function fill(megabytes: number): Promise<void> {
  // A database shaped like a document's (openDatabase makes its stores), filled and then deleted whole.
  const db = await openDatabase(SCRUB_DB);
  try {
    const transactions = Math.ceil((megabytes * 1024 * 1024) / (ROW_BYTES * ROWS_PER_TRANSACTION));
    for (let t = 0; t < transactions; t++) {
      const tx = db.transaction(UPDATES, 'readwrite');
      const store = tx.objectStore(UPDATES);
      for (let row = 0; row < ROWS_PER_TRANSACTION; row++) {
        // Random bytes: LevelDB compresses its tables, and zeros would fill nothing.
        const filler = new Uint8Array(ROW_BYTES);
        crypto.getRandomValues(filler);
        store.add(filler);
      }
      await done(tx);
    }
  } finally {
    db.close();
  }
}

/**
 * The scrub for rows already deleted inside a database that stays open (a fold of an erased member's doc:
 * data/club/erasure-scrub.ts): the filler alone, written after the deletion. Measured with the e2e case
 * "no minutes rewritten" (e2e/specs/erasure.spec.ts): folding inside `scrubDeletedBytes`, with the filler in
 * place, left the erased phone in an `.ldb` file in 2 of 2 runs (Chromium runs no range compaction for rows
 * deleted in a live database, and the tombstones stayed in the write buffer); folding first and then
 * writing the filler left it in none of 4. The filler flushes the tombstones out of the write buffer in the
 * same tables as the rows it pushes down, so the compactions it sets off meet both.
 */
export function scrubAfterDeletion(megabytes = 24): Promise<void> {
  return scrubDeletedBytes(async () => {}, megabytes);
}
