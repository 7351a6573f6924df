import { persistenceOrigin } from '@chungtay/model';
import * as Y from 'yjs';
import { foldRows, whenIdle } from './tablet-fold';
import { deleteDatabase, done, openDatabase, UPDATES } from './tablet-idb';
import { applyRows, type DamagedRow, hasPendingUpdates, readRows, setAside } from './tablet-rows';

export { TabletTimeoutError } from './tablet-idb';
export type { DamagedRow } from './tablet-rows';
export type SaveState = 'saved' | 'saving' | 'failed';

/** Past this many rows, small writes are folded into one snapshot so the next opening stays fast. */
const FOLD_AT_ROWS = 200;

/**
 * Keeps one Y.Doc in IndexedDB, in y-indexeddb's layout (tablet-idb.ts) so tablets upgrade in place:
 * - load() applies the stored rows one by one, so an unreadable row is set aside (`damaged`) and the
 *   rest opens; opening and every background transaction have time limits (TabletTimeoutError);
 * - every local write is its own IndexedDB transaction whose completion we observe, so the UI says
 *   "saved" only once the tablet really holds the edit;
 * - rows are folded into one snapshot only when there is more than one to fold, in idle time after the
 *   first screen, never on opening a doc stored as one row: reopening without edits writes nothing.
 */
/**
 * Every store open on this page, whatever opened it (a screen's session, the background sync): a reload
 * (installing an update, leaving) waits for, or warns about, the writes of every open document.
 */
const openStores = new Set<TabletStore>();

/** Resolves when every write issued so far by every open store has settled (written or failed). */
export async function whenEveryStoreSettled(): Promise<void> {
  await Promise.all([...openStores].map((store) => store.whenSettled()));
}

/** Whether some open document still has writes on their way to IndexedDB, or lost one. */
export function anyStoreUnsaved(): boolean {
  return [...openStores].some((store) => store.state !== 'saved');
}

export class TabletStore {
  /**
   * The origin of the transaction that applies what the tablet holds (the model's `persistence` kind):
   * writes skip it, so loading never writes back what it read, and other code can tell a load apart.
   */
  readonly origin = persistenceOrigin();
  private readonly opening: Promise<IDBDatabase>;
  private db: IDBDatabase | null = null;
  private loading: Promise<void> | null = null;
  private damagedRows: readonly DamagedRow[] = [];
  /** Keys of the rows whose content is in the doc: the only rows a fold may delete. */
  private readonly inDoc = new Set<number>();
  private pending = 0;
  private failed = false;
  private destroyed = false;
  private folding = false;
  private cancelFold: (() => void) | null = null;
  private background: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(state: SaveState) => void>();
  private readonly settledWaiters: Array<() => void> = [];
  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this.origin) return;
    this.write(update);
  };

  /** Deletes a document's whole database from this tablet (open stores close when asked). */
  static erase(name: string): Promise<void> {
    return deleteDatabase(name);
  }

  constructor(
    readonly name: string,
    private readonly doc: Y.Doc,
  ) {
    this.opening = openDatabase(name);
    this.opening.then(
      (db) => {
        this.db = db;
      },
      () => undefined,
    );
    // A doc built before it was attached (a new club is named by its id) is written whole, like an edit.
    if (doc.store.clients.size > 0) this.write(Y.encodeStateAsUpdate(doc));
    doc.on('update', this.onUpdate);
    openStores.add(this);
  }

  /**
   * Resolves once the stored state is in the doc, even when some rows could not be read (see `damaged`);
   * rejects when the database does not open or read in time. Folding, if any, runs later in idle time.
   */
  load(): Promise<void> {
    this.loading ??= this.loadRows();
    return this.loading;
  }

  /** The rows the last load() could not use, for telling the user which document is damaged. */
  get damaged(): readonly DamagedRow[] {
    return this.damagedRows;
  }

  get state(): SaveState {
    if (this.failed) return 'failed';
    return this.pending > 0 ? 'saving' : 'saved';
  }

  onStateChange(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves when every write issued so far, and any fold or setting aside already started, has settled
   * (written or failed). A fold still waiting for idle time is housekeeping: nobody waits for it.
   */
  async whenSettled(): Promise<void> {
    await this.background;
    if (this.pending === 0) return;
    await new Promise<void>((resolve) => this.settledWaiters.push(resolve));
  }

  /**
   * Folds the stored rows into one snapshot now instead of in idle time, and resolves once it is written:
   * the rows it replaces are deleted (erasure's scrub, tablet-scrub.ts, needs them gone while its filler is
   * in place). Does nothing when there is one row or the doc holds updates Yjs could not integrate yet;
   * resolves false in that last case, as the old rows are still stored (an erasure's scrub stays owed).
   */
  async compactNow(): Promise<boolean> {
    await this.load();
    this.cancelFold?.();
    this.cancelFold = null;
    // Every write issued so far stored (and counted as in the doc) first, so the snapshot replaces them too.
    await this.whenSettled();
    // Queued behind any housekeeping already started, and awaited: its failure is the caller's.
    const folded = this.background.then(() => this.fold());
    this.background = folded.catch(() => undefined);
    await folded;
    return !hasPendingUpdates(this.doc);
  }

  /** Waits for pending writes, then detaches from the doc and closes the database. */
  async destroy(): Promise<void> {
    this.destroyed = true;
    this.cancelFold?.();
    this.cancelFold = null;
    await this.whenSettled();
    openStores.delete(this);
    this.doc.off('update', this.onUpdate);
    const db = await this.opening.catch(() => null);
    db?.close();
  }

  private async loadRows(): Promise<void> {
    const db = await this.opening;
    const rows = await readRows(db, this.name);
    // Yjs encodes each transaction once more as an update when the doc has an 'update' listener. While the
    // rows are applied the only one is this store's own, which skips what it applied itself: detached
    // meanwhile, a doc of 1 MB (five years of a club's money) opens without being encoded again, a third
    // of its loading time.
    this.doc.off('update', this.onUpdate);
    let result: ReturnType<typeof applyRows>;
    try {
      result = applyRows(this.doc, rows, this.origin);
    } finally {
      if (!this.destroyed) this.doc.on('update', this.onUpdate);
    }
    const { applied, damaged } = result;
    for (const key of applied) this.inDoc.add(key);
    this.damagedRows = damaged;
    if (damaged.some((d) => d.reason === 'unreadable')) {
      this.inBackground(() => setAside(db, this.name, rows, damaged));
    }
    if (applied.length > 1) this.scheduleFold();
  }

  private write(update: Uint8Array): void {
    // Before the database is open, the write waits for it: an edit made meanwhile is never dropped.
    const db = this.db;
    this.track(db ? this.addRow(db, update) : this.opening.then((opened) => this.addRow(opened, update)));
  }

  private async addRow(db: IDBDatabase, update: Uint8Array): Promise<void> {
    const tx = db.transaction(UPDATES, 'readwrite');
    const request = tx.objectStore(UPDATES).add(update);
    await done(tx);
    this.inDoc.add(request.result as number);
    if (this.inDoc.size >= FOLD_AT_ROWS) this.scheduleFold();
  }

  private scheduleFold(): void {
    if (this.destroyed || this.folding || this.cancelFold) return;
    this.cancelFold = whenIdle(() => {
      this.cancelFold = null;
      this.inBackground(() => this.fold());
    });
  }

  private async fold(): Promise<void> {
    const db = this.db;
    // Updates Yjs could not integrate would be stored inside the snapshot as if whole, and the next
    // opening would find the snapshot itself incomplete: fold only a doc that holds nothing pending.
    if (!db || this.inDoc.size < 2 || hasPendingUpdates(this.doc)) return;
    this.folding = true;
    try {
      // Writes issued before this line get lower keys than the snapshot and are in it; `inDoc` is read
      // inside the transaction, once they have all completed.
      const snapshotKey = await foldRows(db, this.name, Y.encodeStateAsUpdate(this.doc), this.inDoc);
      for (const key of this.inDoc) if (key < snapshotKey) this.inDoc.delete(key);
      this.inDoc.add(snapshotKey);
    } finally {
      this.folding = false;
    }
    if (this.inDoc.size >= FOLD_AT_ROWS) this.scheduleFold();
  }

  /** Housekeeping one task after another; whenSettled waits for it, the save indicator does not show it. */
  private inBackground(work: () => Promise<void>): void {
    this.background = this.background.then(work).catch(() => undefined);
  }

  private track(work: Promise<void>): void {
    this.pending += 1;
    this.emit();
    work.then(
      () => {
        this.pending -= 1;
        this.failed = false;
        this.emit();
      },
      () => {
        this.pending -= 1;
        this.failed = true;
        this.emit();
      },
    );
  }

  private emit(): void {
    const state = this.state;
    for (const listener of this.listeners) listener(state);
    if (this.pending === 0) {
      for (const resolve of this.settledWaiters.splice(0)) resolve();
    }
  }
}

/**
 * Folds a document's stored rows now (see `compactNow`): through every store this page has open on it, or,
 * when none is, through one opened for the purpose and closed again. Resolves false when a doc still held
 * updates Yjs could not integrate, so its old rows were kept.
 */
export async function compactStoredDoc(storageName: string, keepHistory: boolean): Promise<boolean> {
  const open = [...openStores].filter((store) => store.name === storageName);
  if (open.length > 0) {
    let folded = true;
    for (const store of open) if (!(await store.compactNow())) folded = false;
    return folded;
  }
  const { doc, tablet } = await openStoredDoc(storageName, keepHistory);
  try {
    return await tablet.compactNow();
  } finally {
    await tablet.destroy();
    doc.destroy();
  }
}

/**
 * A new doc loaded from the tablet, for every place that opens one (sessions, background sync). A load that
 * times out or fails lets go of its database connection and doc, so nothing is left behind and a retry
 * starts clean.
 */
export async function openStoredDoc(
  storageName: string,
  keepHistory: boolean,
): Promise<{ readonly doc: Y.Doc; readonly tablet: TabletStore }> {
  const doc = new Y.Doc({ gc: !keepHistory });
  const tablet = new TabletStore(storageName, doc);
  try {
    await tablet.load();
  } catch (error) {
    await tablet.destroy().catch(() => undefined);
    doc.destroy();
    throw error;
  }
  return { doc, tablet };
}
