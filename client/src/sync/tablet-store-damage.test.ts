// @vitest-environment node
// One bad row never blocks the rest (issue 12): the doc opens with every good row's content, and the
// bad row is set aside, kept for diagnosis, never applied again.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { damagedKey } from './tablet-rows';
import {
  addRows,
  customEntries,
  editedDoc,
  idle,
  storedRows,
  storeFor,
  uniqueName,
  useIdleQueue,
} from './tablet-store-testing';

useIdleQueue();

const GARBAGE = new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x02]);

/** A valid update cut in half, as a write torn by a crash would leave it. */
function truncatedUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('roster').set('z', 'Bùi Thị Hạnh, tổ 3, điện thoại 0912 345 678');
  doc.getText('minutes').insert(0, 'Biên bản họp chi hội tháng 11');
  const update = Y.encodeStateAsUpdate(doc);
  return update.slice(0, Math.floor(update.byteLength / 2));
}

async function open(name: string) {
  const doc = new Y.Doc();
  const store = storeFor(doc, name);
  await store.load();
  return { doc, store };
}

describe('TabletStore with damaged rows', () => {
  it.each([
    ['garbage (ff ff ff 01 02)', GARBAGE],
    ['a truncated update', truncatedUpdate()],
  ])('opens with every good row when one row is %s, and sets that row aside', async (_, bad) => {
    const name = uniqueName();
    const { updates } = editedDoc(6);
    const keys = await addRows(name, [...updates.slice(0, 3), bad, ...updates.slice(3)]);
    const badKey = keys[3] as number;

    const { doc, store } = await open(name);
    expect(doc.getMap('roster').size).toBe(6);
    expect(store.damaged).toEqual([{ key: badKey, reason: 'unreadable', error: expect.any(String) }]);
    await store.whenSettled();
    // Kept, byte for byte, out of the rows that are applied.
    const kept = new Map(await customEntries(name));
    expect(kept.get(damagedKey(badKey))).toMatchObject({ key: badKey, value: bad });
    expect((await storedRows(name)).map(([key]) => key)).not.toContain(badKey);
    // The good rows still fold into one, in idle time.
    idle.run();
    await store.destroy();
    expect(await storedRows(name)).toHaveLength(1);

    // Never applied again: the next opening finds nothing wrong, and the copy is still there.
    const again = await open(name);
    expect(again.store.damaged).toEqual([]);
    expect(again.doc.getMap('roster').size).toBe(6);
    await again.store.destroy();
    expect(new Map(await customEntries(name)).has(damagedKey(badKey))).toBe(true);
  });

  it('opens when every row is unreadable, and edits made then are saved', async () => {
    const name = uniqueName();
    await addRows(name, [GARBAGE, truncatedUpdate()]);
    const { doc, store } = await open(name);
    expect(store.damaged.map((d) => d.reason)).toEqual(['unreadable', 'unreadable']);
    doc.getMap('roster').set('a', 'Lan');
    await store.whenSettled();
    expect(store.state).toBe('saved');
    await store.destroy();
    const again = await open(name);
    expect(again.doc.getMap('roster').toJSON()).toEqual({ a: 'Lan' });
    await again.store.destroy();
  });

  it('reports a row that refers to content no row holds, keeps it, and does not fold it away', async () => {
    const name = uniqueName();
    const source = new Y.Doc();
    source.getMap('roster').set('a', 'Lan');
    const missing = Y.encodeStateAsUpdate(source);
    const before = Y.encodeStateVector(source);
    source.getMap('roster').set('b', 'Hoa');
    const dependent = Y.encodeStateAsUpdate(source, before);
    const { updates } = editedDoc(2);
    // `missing` never reached this tablet: `dependent` builds on it.
    const keys = await addRows(name, [...updates, dependent]);

    const { doc, store } = await open(name);
    expect(doc.getMap('roster').get('m0')).toBe('Thành viên 0');
    expect(store.damaged).toEqual([{ key: keys[2], reason: 'incomplete' }]);
    expect(idle.run()).toBe(1);
    await store.whenSettled();
    // Folding now would store Yjs's pending part as if it were whole: nothing is rewritten.
    expect((await storedRows(name)).map(([key]) => key)).toEqual(keys);

    // The relay fills the gap: the pending part integrates and is saved like any change.
    Y.applyUpdate(doc, missing);
    expect(doc.getMap('roster').get('b')).toBe('Hoa');
    await store.destroy();
    const again = await open(name);
    expect(again.store.damaged).toEqual([]);
    expect(again.doc.getMap('roster').get('b')).toBe('Hoa');
    await again.store.destroy();
  });
});
