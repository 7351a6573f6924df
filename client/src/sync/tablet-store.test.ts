// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TabletStore } from './tablet-store';

const names: string[] = [];
function storeFor(doc: Y.Doc, name = `club-${Math.random().toString(36).slice(2)}`) {
  names.push(name);
  return new TabletStore(name, doc);
}

async function storedUpdates(name: string): Promise<Uint8Array[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('updates').objectStore('updates').getAll();
      request.onsuccess = () => {
        db.close();
        resolve(request.result as Uint8Array[]);
      };
      request.onerror = () => reject(request.error);
    };
    open.onerror = () => reject(open.error);
  });
}

afterEach(async () => {
  for (const name of names.splice(0)) {
    await new Promise<void>((resolve) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = req.onerror = () => resolve();
    });
  }
});

describe('TabletStore', () => {
  it('says "saving" until IndexedDB has written the edit, then "saved"', async () => {
    const doc = new Y.Doc();
    const store = storeFor(doc);
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

  it('loads what an earlier session wrote', async () => {
    const first = new Y.Doc();
    const store = storeFor(first, 'club-reload');
    await store.load();
    first.getMap('roster').set('a', 'Trần Văn An');
    await store.destroy();

    const second = new Y.Doc();
    const again = storeFor(second, 'club-reload');
    await again.load();
    expect(second.getMap('roster').get('a')).toBe('Trần Văn An');
    await again.destroy();
  });

  it('keeps storage compact: reloading without edits does not grow it', async () => {
    const name = 'club-compact';
    const doc = new Y.Doc();
    const store = storeFor(doc, name);
    await store.load();
    for (let i = 0; i < 30; i++) doc.getMap('roster').set(`m${i}`, `Thành viên ${i}`);
    await store.destroy();

    const sizes: number[] = [];
    for (let reload = 0; reload < 5; reload++) {
      const d = new Y.Doc();
      const s = storeFor(d, name);
      await s.load();
      await s.whenSettled();
      await s.destroy();
      const updates = await storedUpdates(name);
      sizes.push(updates.reduce((n, u) => n + u.byteLength, 0));
      expect(updates).toHaveLength(1);
      expect(d.getMap('roster').size).toBe(30);
    }
    expect(new Set(sizes).size).toBe(1);
  });

  it('does not write back what it loaded', async () => {
    const name = 'club-echo';
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
    // Loading writes nothing but the background compaction, which is not a user's edit.
    expect(states).toEqual([]);
    expect(await storedUpdates(name)).toHaveLength(1);
    await s.destroy();
  });
});
