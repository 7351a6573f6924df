import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { encodeStateAsUpdate } from 'yjs';

export type SaveState = 'saved' | 'saving' | 'failed';

/**
 * Keeps one Y.Doc in IndexedDB through y-indexeddb, with two changes to the
 * stock behaviour:
 * - every local write is its own IndexedDB transaction whose completion we
 *   observe, so the UI says "saved" only once the tablet really holds the edit;
 * - after loading, the stored updates are folded into one snapshot, so
 *   reloading without edits never grows what is stored (stock y-indexeddb
 *   appends a copy of the in-memory state on every load).
 */
export class TabletStore {
  readonly persistence: IndexeddbPersistence;
  private pending = 0;
  private failed = false;
  private entries = 0;
  private readonly listeners = new Set<(state: SaveState) => void>();
  private readonly settledWaiters: Array<() => void> = [];
  private background: Promise<void> = Promise.resolve();
  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this.persistence) return;
    this.write(update);
  };

  constructor(
    readonly name: string,
    private readonly doc: Y.Doc,
  ) {
    this.persistence = new IndexeddbPersistence(name, doc);
    // We take over the write path; y-indexeddb keeps the loading side.
    doc.off('update', this.persistence._storeUpdate);
    doc.on('update', this.onUpdate);
  }

  /**
   * Resolves once the stored state is in the doc. Folding storage into one
   * snapshot runs just after, off the path to the first screen; it is not a
   * user's edit, so the save indicator does not show it.
   */
  async load(): Promise<void> {
    await this.persistence.whenSynced;
    this.background = new Promise<void>((resolve) => setTimeout(resolve, 50))
      .then(() => this.compact())
      .catch(() => undefined);
  }

  get state(): SaveState {
    if (this.failed) return 'failed';
    return this.pending > 0 ? 'saving' : 'saved';
  }

  onStateChange(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when every write issued so far, compaction included, has settled (written or failed). */
  async whenSettled(): Promise<void> {
    await this.background;
    if (this.pending === 0) return;
    await new Promise<void>((resolve) => this.settledWaiters.push(resolve));
  }

  async destroy(): Promise<void> {
    await this.whenSettled();
    this.doc.off('update', this.onUpdate);
    await this.persistence.destroy();
  }

  private database(): IDBDatabase {
    const db = this.persistence.db;
    if (!db) throw new Error(`IndexedDB for ${this.name} is not open yet`);
    return db;
  }

  private write(update: Uint8Array): void {
    if (!this.persistence.db) {
      // Edits made before the database opened reach IndexedDB through the
      // snapshot that load() writes; nothing to do here.
      return;
    }
    this.track(
      this.run((store) => {
        store.add(update);
      }),
    );
    this.entries += 1;
    // Fold long runs of small updates so loading stays fast.
    if (this.entries >= 200) void this.compact();
  }

  private compact(): Promise<void> {
    const snapshot = encodeStateAsUpdate(this.doc);
    const work = this.run((store) => {
      const added = store.add(snapshot);
      added.onsuccess = () => {
        store.delete(IDBKeyRange.upperBound(added.result, true));
      };
    });
    this.entries = 1;
    // Folding is housekeeping, not a user's edit: whenSettled waits for it, the save indicator does not.
    this.background = this.background.then(() => work).catch(() => undefined);
    return work.catch(() => undefined);
  }

  private run(body: (store: IDBObjectStore) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      let tx: IDBTransaction;
      try {
        tx = this.database().transaction('updates', 'readwrite');
      } catch (error) {
        reject(error);
        return;
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
      body(tx.objectStore('updates'));
    });
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
