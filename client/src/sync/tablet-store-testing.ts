// Helpers for the TabletStore tests (imported by *.test.ts only): raw IndexedDB access and an idle queue.
import { afterEach, beforeEach } from 'vitest';
import * as Y from 'yjs';
import { TabletStore } from './tablet-store';

const names: string[] = [];

export function uniqueName(prefix = 'club'): string {
  const name = `${prefix}-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
}

export function storeFor(doc: Y.Doc, name: string): TabletStore {
  if (!names.includes(name)) names.push(name);
  return new TabletStore(name, doc);
}

function rawOpen(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

function rawRequest<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** The `updates` rows as [key, bytes] pairs, read with plain IndexedDB. */
export async function storedRows(name: string): Promise<Array<[number, Uint8Array]>> {
  const db = await rawOpen(name);
  const store = db.transaction('updates').objectStore('updates');
  const keys = rawRequest(store.getAllKeys());
  const values = rawRequest(store.getAll());
  const [k, v] = [await keys, await values];
  db.close();
  return k.map((key, i) => [key as number, v[i] as Uint8Array]);
}

/** Adds raw rows to `updates` (creating the database in y-indexeddb's layout if needed); returns their keys. */
export async function addRows(name: string, rows: Uint8Array[]): Promise<number[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('updates', { autoIncrement: true });
      open.result.createObjectStore('custom');
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const tx = db.transaction('updates', 'readwrite');
  const keys = rows.map((row) => rawRequest(tx.objectStore('updates').add(row)));
  const added = (await Promise.all(keys)) as number[];
  db.close();
  return added;
}

/** Every [key, value] of the `custom` store. */
export async function customEntries(name: string): Promise<Array<[IDBValidKey, unknown]>> {
  const db = await rawOpen(name);
  const store = db.transaction('custom').objectStore('custom');
  const keys = await rawRequest(store.getAllKeys());
  const values = await rawRequest(store.getAll());
  db.close();
  return keys.map((k, i) => [k, values[i]]);
}

/** One update per edit: `count` members set one transaction at a time. */
export function editedDoc(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getMap('roster').set(`m${i}`, `Thành viên ${i}`);
  return { doc, updates };
}

/**
 * Stands in for requestIdleCallback: callbacks wait in a queue until the test runs them, so a test can
 * see that nothing happened before idle time, then let it come.
 */
export const idle = {
  queue: new Map<number, IdleRequestCallback>(),
  next: 1,
  /** Runs what is queued now; returns how many callbacks ran. */
  run(): number {
    const callbacks = [...this.queue.values()];
    this.queue.clear();
    for (const callback of callbacks) callback({ didTimeout: false, timeRemaining: () => 50 });
    return callbacks.length;
  },
};

export function useIdleQueue(): void {
  beforeEach(() => {
    globalThis.requestIdleCallback = (callback) => {
      const id = idle.next++;
      idle.queue.set(id, callback);
      return id;
    };
    globalThis.cancelIdleCallback = (id) => {
      idle.queue.delete(id);
    };
  });
  afterEach(async () => {
    idle.queue.clear();
    Reflect.deleteProperty(globalThis, 'requestIdleCallback');
    Reflect.deleteProperty(globalThis, 'cancelIdleCallback');
    for (const name of names.splice(0)) {
      await new Promise<void>((resolve) => {
        const req = indexedDB.deleteDatabase(name);
        req.onsuccess = req.onerror = () => resolve();
      });
    }
  });
}
