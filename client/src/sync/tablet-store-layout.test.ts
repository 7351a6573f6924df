// @vitest-environment node
// Pins the on-disk contract: TabletStore keeps y-indexeddb 9's layout, so tablets that stored clubs
// with y-indexeddb open them in place, and the bench's bare page (stock y-indexeddb) reads ours.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { idle, storedRows, storeFor, uniqueName, useIdleQueue } from './tablet-store-testing';

useIdleQueue();

type Layout = { version: number; stores: Record<string, { keyPath: unknown; autoIncrement: boolean }> };

function layoutOf(name: string): Promise<Layout> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => {
      const db = open.result;
      const stores: Layout['stores'] = {};
      const names = [...db.objectStoreNames];
      const tx = db.transaction(names);
      for (const n of names) {
        const s = tx.objectStore(n);
        stores[n] = { keyPath: s.keyPath, autoIncrement: s.autoIncrement };
      }
      db.close();
      resolve({ version: db.version, stores });
    };
    open.onerror = () => reject(open.error);
  });
}

async function writeWithYIndexeddb(name: string, edit: (doc: Y.Doc) => void): Promise<void> {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(name, doc);
  await persistence.whenSynced;
  edit(doc);
  await persistence.set('device-note', 'kept');
  // y-indexeddb writes each update in its own transaction without telling when it lands: a read in a
  // later transaction on the same connection is ordered after it.
  await persistence.get('device-note');
  await persistence.destroy();
}

describe('TabletStore keeps y-indexeddb 9.0.12’s layout', () => {
  it('creates the same database: version, object stores, keys', async () => {
    const ours = uniqueName();
    const theirs = uniqueName();
    const store = storeFor(new Y.Doc(), ours);
    await store.load();
    await store.destroy();
    await writeWithYIndexeddb(theirs, () => undefined);
    const expected = await layoutOf(theirs);
    expect(expected).toEqual({
      version: 1,
      stores: {
        custom: { keyPath: null, autoIncrement: false },
        updates: { keyPath: null, autoIncrement: true },
      },
    });
    expect(await layoutOf(ours)).toEqual(expected);
  });

  it('opens a club that y-indexeddb stored, leaving its custom entries alone', async () => {
    const name = uniqueName();
    await writeWithYIndexeddb(name, (doc) => {
      for (let i = 0; i < 5; i++) doc.getMap('roster').set(`m${i}`, `Thành viên ${i}`);
      doc.getText('notes').insert(0, 'Họp chi hội');
    });
    const doc = new Y.Doc();
    const store = storeFor(doc, name);
    await store.load();
    expect(doc.getMap('roster').size).toBe(5);
    expect(doc.getText('notes').toString()).toBe('Họp chi hội');
    idle.run();
    await store.destroy();
    expect(await storedRows(name)).toHaveLength(1);

    const check = new IndexeddbPersistence(name, new Y.Doc());
    expect(await check.get('device-note')).toBe('kept');
    await check.destroy();
  });

  it('writes a club that y-indexeddb opens, before and after folding', async () => {
    const name = uniqueName();
    const doc = new Y.Doc();
    const store = storeFor(doc, name);
    await store.load();
    doc.getMap('roster').set('a', 'Đỗ Văn Em');
    doc.getMap('roster').set('b', 'Ngô Thị Giang');
    await store.destroy();

    const readBack = async () => {
      const read = new Y.Doc();
      const persistence = new IndexeddbPersistence(name, read);
      await persistence.whenSynced;
      await persistence.destroy();
      return read.getMap('roster').toJSON();
    };
    expect(await readBack()).toEqual({ a: 'Đỗ Văn Em', b: 'Ngô Thị Giang' });

    // y-indexeddb adds a row of its own on every load; TabletStore folds the three rows in idle time.
    const again = storeFor(new Y.Doc(), name);
    await again.load();
    idle.run();
    await again.destroy();
    expect(await storedRows(name)).toHaveLength(1);
    expect(await readBack()).toEqual({ a: 'Đỗ Văn Em', b: 'Ngô Thị Giang' });
  });
});
