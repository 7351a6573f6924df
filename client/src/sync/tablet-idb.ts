/**
 * The IndexedDB side of TabletStore: y-indexeddb 9's on-disk layout and promises over requests and
 * transactions, each with a time limit, so a hung database is reported instead of leaving a club
 * on "Đang mở…" forever.
 *
 * The layout is y-indexeddb's, kept exactly so tablets upgrade in place and the bench's bare page (stock
 * y-indexeddb) reads what the app wrote: one database per document, named by the store name, opened
 * without a version (so it is created at version 1), holding `updates` (auto-increment keys, one encoded
 * Yjs update per row) and `custom` (explicit keys; y-indexeddb's key-value store, where we also keep
 * the rows set aside as unreadable). tablet-store-layout.test.ts pins it against the library.
 */

export const UPDATES = 'updates';
export const CUSTOM = 'custom';

/**
 * Opening normally takes well under a second, even on a cheap tablet with many databases. It hangs
 * only when something holds it (a pending deletion or version change another tab never releases).
 */
export const OPEN_TIME_LIMIT_MS = 10_000;
/** Reading or folding a long history (thousands of rows, megabytes) on a slow tablet, with room to spare. */
export const TRANSACTION_TIME_LIMIT_MS = 30_000;

export class TabletTimeoutError extends Error {
  constructor(
    readonly database: string,
    readonly step: 'open' | 'read' | 'fold' | 'set aside' | 'erase',
    readonly limitMs: number,
  ) {
    super(`IndexedDB "${database}" did not ${step} within ${limitMs} ms`);
    this.name = 'TabletTimeoutError';
  }
}

/** Opens (creating if needed) a document's database; rejects with TabletTimeoutError past the limit. */
export function openDatabase(name: string, limitMs = OPEN_TIME_LIMIT_MS): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(new TabletTimeoutError(name, 'open', limitMs));
    }, limitMs);
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(UPDATES)) db.createObjectStore(UPDATES, { autoIncrement: true });
      if (!db.objectStoreNames.contains(CUSTOM)) db.createObjectStore(CUSTOM);
    };
    request.onsuccess = () => {
      clearTimeout(timer);
      const db = request.result;
      // A connection that opened after we gave up would keep the database from being deleted or upgraded.
      if (late) {
        db.close();
        return;
      }
      // Let another tab (or erase) delete or upgrade it: our later writes then fail and say so.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(request.error ?? new Error(`IndexedDB "${name}" did not open`));
    };
  });
}

/** Resolves with the request's result; the transaction's own completion is observed by `done`. */
export function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Resolves once the transaction committed (the data is on the tablet), rejects when it failed or was
 * aborted. With a limit, a transaction still running past it is aborted, which undoes all of it.
 */
export function done(
  tx: IDBTransaction,
  limit?: { database: string; step: TabletTimeoutError['step']; ms: number },
): Promise<void> {
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer =
      limit &&
      setTimeout(() => {
        timedOut = true;
        try {
          tx.abort();
        } catch {
          // It finished meanwhile: its own event settles the promise.
        }
      }, limit.ms);
    const settle = (error?: unknown) => {
      if (timer) clearTimeout(timer);
      if (error === undefined) resolve();
      else reject(error);
    };
    tx.oncomplete = () => settle();
    tx.onerror = () => settle(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () =>
      settle(
        timedOut && limit
          ? new TabletTimeoutError(limit.database, limit.step, limit.ms)
          : (tx.error ?? new Error('IndexedDB transaction aborted')),
      );
  });
}

/** Deletes a whole document database; waits while open connections close (ours close on request). */
export function deleteDatabase(name: string, limitMs = OPEN_TIME_LIMIT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new TabletTimeoutError(name, 'erase', limitMs)), limitMs);
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => {
      clearTimeout(timer);
      resolve();
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(request.error ?? new Error(`IndexedDB "${name}" could not be deleted`));
    };
  });
}
