// @vitest-environment node
import 'fake-indexeddb/auto';
import { isChangeOrigin } from '@chungtay/model';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { TabletStore, TabletTimeoutError } from './tablet-store';
import {
  addRows,
  editedDoc,
  idle,
  storedRows,
  storeFor,
  uniqueName,
  useIdleQueue,
} from './tablet-store-testing';

useIdleQueue();

/** Counts what reaches IndexedDB as a write, whoever issues it. */
function countWrites(): { readonly count: number; restore(): void } {
  const proto = IDBObjectStore.prototype;
  const originals = { add: proto.add, put: proto.put, delete: proto.delete, clear: proto.clear };
  let count = 0;
  for (const method of ['add', 'put', 'delete', 'clear'] as const) {
    const original = originals[method] as (...args: unknown[]) => IDBRequest;
    (proto as unknown as Record<string, unknown>)[method] = function (
      this: IDBObjectStore,
      ...args: unknown[]
    ) {
      count += 1;
      return original.apply(this, args);
    };
  }
  return {
    get count() {
      return count;
    },
    restore: () => Object.assign(proto, originals),
  };
}

/** A database holding one row per edit, as a long-lived tablet's log. */
async function logOf(name: string, edits: number): Promise<void> {
  await addRows(name, editedDoc(edits).updates);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('TabletStore', () => {
  it('says "saving" until IndexedDB has written the edit, then "saved"', async () => {
    const doc = new Y.Doc();
    const store = storeFor(doc, uniqueName());
    await store.load();
    await store.whenSettled();
    const states: string[] = [];
    store.onStateChange((s) => states.push(s));
    doc.getMap('roster').set('a', 'Nguyễn Thị Lan');
    expect(store.state).toBe('saving');
    await store.whenSettled();
    expect(store.state).toBe('saved');
    expect(states).toEqual(['saving', 'saved']);
    await store.destroy();
  });

  it('says "failed" when a write cannot happen, until the next one succeeds', async () => {
    const doc = new Y.Doc();
    const store = storeFor(doc, uniqueName());
    await store.load();
    const states: string[] = [];
    store.onStateChange((s) => states.push(s));
    // A function cannot be stored (DataCloneError): the write fails like a full disk would.
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore) {
      return add.call(this, () => undefined);
    };
    try {
      doc.getMap('roster').set('a', 'Lan');
      await store.whenSettled();
    } finally {
      IDBObjectStore.prototype.add = add;
    }
    expect(store.state).toBe('failed');
    doc.getMap('roster').set('b', 'Hoa');
    await store.whenSettled();
    expect(store.state).toBe('saved');
    // A failure stays on screen until a write succeeds again.
    expect(states).toEqual(['saving', 'failed', 'failed', 'saved']);
    await store.destroy();
  });

  it('loads what an earlier session wrote, as one transaction with the persistence origin', async () => {
    const name = uniqueName();
    const first = new Y.Doc();
    const store = storeFor(first, name);
    await store.load();
    first.getMap('roster').set('a', 'Trần Văn An');
    first.getMap('roster').set('b', 'Lê Thị Bích');
    await store.destroy();

    const second = new Y.Doc();
    const origins: unknown[] = [];
    second.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const again = storeFor(second, name);
    await again.load();
    expect(second.getMap('roster').toJSON()).toEqual({ a: 'Trần Văn An', b: 'Lê Thị Bích' });
    expect(origins).toEqual([again.origin]);
    expect(isChangeOrigin(again.origin) && again.origin.type).toBe('persistence');
    expect(again.damaged).toEqual([]);
    await again.destroy();
  });

  it('writes nothing when it opens a doc stored as one row', async () => {
    const name = uniqueName();
    const doc = new Y.Doc();
    doc.getMap('roster').set('a', 'Phạm Văn Cường');
    await addRows(name, [Y.encodeStateAsUpdate(doc)]);
    const before = await storedRows(name);

    const writes = countWrites();
    try {
      const loaded = new Y.Doc();
      const store = storeFor(loaded, name);
      const states: string[] = [];
      store.onStateChange((s) => states.push(s));
      await store.load();
      expect(idle.queue.size).toBe(0);
      await store.whenSettled();
      await store.destroy();
      expect(loaded.getMap('roster').get('a')).toBe('Phạm Văn Cường');
      expect(states).toEqual([]);
      expect(writes.count).toBe(0);
    } finally {
      writes.restore();
    }
    expect(await storedRows(name)).toEqual(before);
  });

  it('folds many rows into one in idle time, and reloading without edits never grows it', async () => {
    const name = uniqueName();
    await logOf(name, 30);

    const doc = new Y.Doc();
    const store = storeFor(doc, name);
    await store.load();
    expect(doc.getMap('roster').size).toBe(30);
    await store.whenSettled();
    // Nothing is rewritten on the way to the first screen: the fold waits for idle time.
    expect(await storedRows(name)).toHaveLength(30);
    expect(idle.run()).toBe(1);
    await store.whenSettled();
    await store.destroy();
    const folded = await storedRows(name);
    expect(folded).toHaveLength(1);

    for (let reload = 0; reload < 3; reload++) {
      const d = new Y.Doc();
      const s = storeFor(d, name);
      await s.load();
      expect(idle.run()).toBe(0);
      await s.destroy();
      expect(d.getMap('roster').size).toBe(30);
      expect(await storedRows(name)).toEqual(folded);
    }
  });

  it('folds a long run of small writes once it reaches 200 rows', async () => {
    const name = uniqueName();
    const doc = new Y.Doc();
    const store = storeFor(doc, name);
    await store.load();
    for (let i = 0; i < 199; i++) {
      doc.getMap('roster').set(`m${i}`, i);
      await store.whenSettled();
    }
    expect(idle.queue.size).toBe(0);
    doc.getMap('roster').set('m199', 199);
    await store.whenSettled();
    expect(await storedRows(name)).toHaveLength(200);
    expect(idle.run()).toBe(1);
    await store.whenSettled();
    expect(await storedRows(name)).toHaveLength(1);
    await store.destroy();

    const reloaded = new Y.Doc();
    const again = storeFor(reloaded, name);
    await again.load();
    expect(reloaded.getMap('roster').size).toBe(200);
    await again.destroy();
  });

  it('keeps writes made while it folds, and rows another tab wrote', async () => {
    const name = uniqueName();
    await logOf(name, 30);
    const doc = new Y.Doc();
    const store = storeFor(doc, name);
    await store.load();

    // Another tab's row, not in this doc: folding must not delete it.
    const other = new Y.Doc();
    other.getMap('notes').set('x', 'từ tab khác');
    const [otherKey] = await addRows(name, [Y.encodeStateAsUpdate(other)]);

    // An edit whose write is still under way when the fold takes its snapshot…
    doc.getMap('roster').set('before', 'trước');
    // …and one made while the fold's transaction is running (right as it adds the snapshot).
    const add = IDBObjectStore.prototype.add;
    let during = false;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      const request = add.apply(this, args);
      if (!during && (args[0] as Uint8Array).byteLength > 200) {
        during = true;
        doc.getMap('roster').set('during', 'trong lúc gộp');
      }
      return request;
    };
    try {
      idle.run();
      await store.whenSettled();
    } finally {
      IDBObjectStore.prototype.add = add;
    }
    expect(during).toBe(true);
    await store.destroy();

    const rows = await storedRows(name);
    // The other tab's row, the snapshot, and the edit written after it.
    expect(rows).toHaveLength(3);
    expect(rows.map(([key]) => key)).toContain(otherKey);
    const reloaded = new Y.Doc();
    const again = storeFor(reloaded, name);
    await again.load();
    expect(reloaded.getMap('roster').get('before')).toBe('trước');
    expect(reloaded.getMap('roster').get('during')).toBe('trong lúc gộp');
    expect(reloaded.getMap('roster').size).toBe(32);
    expect(reloaded.getMap('notes').get('x')).toBe('từ tab khác');
    await again.destroy();
  });

  it('keeps edits made before the database opened, and a doc built before it was attached', async () => {
    const name = uniqueName();
    const built = new Y.Doc();
    built.getMap('profile').set('name', 'CLB Liên thế hệ');
    const store = storeFor(built, name);
    expect(store.state).toBe('saving');
    built.getMap('roster').set('a', 'Vũ Thị Dung');
    await store.load();
    await store.whenSettled();
    expect(store.state).toBe('saved');
    await store.destroy();

    const reloaded = new Y.Doc();
    const again = storeFor(reloaded, name);
    await again.load();
    expect(reloaded.getMap('profile').get('name')).toBe('CLB Liên thế hệ');
    expect(reloaded.getMap('roster').get('a')).toBe('Vũ Thị Dung');
    await again.destroy();
  });

  it('does not write back what it loaded', async () => {
    const name = uniqueName();
    const doc = new Y.Doc();
    const store = storeFor(doc, name);
    await store.load();
    doc.getMap('m').set('x', 1);
    await store.destroy();
    const d = new Y.Doc();
    const s = storeFor(d, name);
    const states: string[] = [];
    s.onStateChange((x) => states.push(x));
    await s.load();
    await s.whenSettled();
    expect(states).toEqual([]);
    expect(await storedRows(name)).toHaveLength(1);
    await s.destroy();
  });

  it('destroy closes the database, and erase deletes it', async () => {
    const name = uniqueName();
    const doc = new Y.Doc();
    const store = storeFor(doc, name);
    await store.load();
    doc.getMap('roster').set('a', 'Lan');
    await store.destroy();
    await TabletStore.erase(name);
    const fresh = new Y.Doc();
    const again = storeFor(fresh, name);
    await again.load();
    expect(fresh.getMap('roster').size).toBe(0);
    // An open store lets erase through: its connection closes when asked.
    await TabletStore.erase(name);
    await again.destroy();
  });

  it('gives up opening a database that stays blocked, instead of leaving the club opening forever', async () => {
    const name = uniqueName();
    await addRows(name, [Y.encodeStateAsUpdate(editedDoc(1).doc)]);
    // A connection that never lets go, and a version change waiting on it: every later open queues.
    const holder = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
    });
    const upgrade = indexedDB.open(name, 2);
    upgrade.onupgradeneeded = () => undefined;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const doc = new Y.Doc();
    const store = storeFor(doc, name);
    const loading = store.load();
    const outcome = loading.then(
      () => 'opened',
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(10_000);
    const error = await outcome;
    expect(error).toBeInstanceOf(TabletTimeoutError);
    expect((error as TabletTimeoutError).step).toBe('open');
    vi.useRealTimers();
    // Writes cannot reach a database that never opened: the save indicator says so.
    doc.getMap('roster').set('a', 'Lan');
    await store.whenSettled();
    expect(store.state).toBe('failed');
    holder.close();
    await new Promise<void>((resolve) => {
      upgrade.onsuccess = () => {
        upgrade.result.close();
        resolve();
      };
    });
    await store.destroy();
  });
});
