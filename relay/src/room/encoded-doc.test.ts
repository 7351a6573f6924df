import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clientsOf, EncodedDoc } from './encoded-doc';

/** Three peers' edits as separate updates: inserts, map overwrites and deletions. */
function peerUpdates(): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const peers = [1, 2, 3].map((client) => {
    const doc = new Y.Doc();
    doc.clientID = client;
    doc.on('update', (update: Uint8Array) => updates.push(update));
    return doc;
  });
  for (let round = 0; round < 4; round++) {
    for (const [i, peer] of peers.entries()) {
      peer.getText('t').insert(0, `p${i}r${round} `);
      peer.getMap('m').set(`k${i}`, round);
      if (round > 1) peer.getText('t').delete(0, 2);
    }
  }
  return updates;
}

function addAll(doc: EncodedDoc, updates: readonly Uint8Array[]): void {
  for (const update of updates) {
    const decoded = Y.decodeUpdate(update);
    if (doc.isNovel(decoded)) doc.add(update, decoded);
  }
}

function rebuild(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

function reference(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

const orders = (updates: Uint8Array[]) => ({
  'in order': updates,
  reversed: [...updates].reverse(),
  interleaved: [...updates.filter((_, i) => i % 2 === 1), ...updates.filter((_, i) => i % 2 === 0)],
});

describe('EncodedDoc', () => {
  for (const [name, order] of Object.entries(orders(peerUpdates()))) {
    it(`holds what a Y.Doc would, with updates arriving ${name}`, () => {
      const doc = new EncodedDoc([]);
      addAll(doc, order);
      const expected = reference(order);
      expect(Y.decodeStateVector(doc.stateVector())).toEqual(
        Y.decodeStateVector(Y.encodeStateVector(expected)),
      );
      expect(rebuild(doc.diff(Y.encodeStateVector(new Y.Doc()))).toJSON()).toEqual(expected.toJSON());
    });
  }

  it('sends a lagging peer exactly what it lacks', () => {
    const updates = peerUpdates();
    const doc = new EncodedDoc(updates.slice(0, 10));
    addAll(doc, updates.slice(10));
    const lagging = reference(updates.slice(0, 15));
    const diff = doc.diff(Y.encodeStateVector(lagging));
    expect(diff.length).toBeLessThan(doc.diff(Y.encodeStateVector(new Y.Doc())).length);
    Y.applyUpdate(lagging, diff);
    expect(lagging.toJSON()).toEqual(reference(updates).toJSON());
  });

  it('recognises duplicates, a re-sent delete set included, but not a new deletion', () => {
    const source = new Y.Doc();
    source.getText('t').insert(0, 'hello world');
    source.getText('t').delete(0, 6);
    const whole = Y.encodeStateAsUpdate(source);
    const doc = new EncodedDoc([whole]);
    expect(doc.isNovel(Y.decodeUpdate(whole))).toBe(false);
    // What a reconnecting tablet sends in its sync step 2: nothing new, but its whole delete set.
    expect(doc.isNovel(Y.decodeUpdate(Y.encodeStateAsUpdate(source, doc.stateVector())))).toBe(false);
    source.getText('t').delete(0, 1);
    expect(doc.isNovel(Y.decodeUpdate(Y.encodeStateAsUpdate(source, doc.stateVector())))).toBe(true);
  });

  it('holds every deletion, in whatever order the deleting updates arrive', () => {
    // One writer inserts 20 characters, then deletes every other one, each deletion its own update: single
    // ranges that do not touch until the ones between them arrive.
    const source = new Y.Doc();
    source.clientID = 9;
    source.getText('t').insert(0, 'abcdefghijklmnopqrst');
    const inserted = Y.encodeStateAsUpdate(source);
    const deletions: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => deletions.push(update));
    for (let i = 19; i >= 0; i -= 2) source.getText('t').delete(i, 1);
    for (let i = 9; i >= 0; i--) source.getText('t').delete(i, 1);
    for (const [name, order] of Object.entries(orders(deletions))) {
      const doc = new EncodedDoc([inserted]);
      for (const [index, update] of order.entries()) {
        const decoded = Y.decodeUpdate(update);
        expect(doc.isNovel(decoded), `${name}: deletion ${index} is new`).toBe(true);
        doc.add(update, decoded);
        expect(doc.isNovel(decoded), `${name}: deletion ${index} is held`).toBe(false);
      }
      for (const update of deletions) expect(doc.isNovel(Y.decodeUpdate(update)), name).toBe(false);
      // The whole delete set at once, as a reconnecting tablet re-sends it, is held too.
      expect(doc.isNovel(Y.decodeUpdate(Y.encodeStateAsUpdate(source))), name).toBe(false);
      expect(
        rebuild(doc.diff(new Uint8Array([0])))
          .getText('t')
          .toString(),
        name,
      ).toBe('');
    }
  });

  it('counts an update that arrived before the one it follows only once the gap is filled', () => {
    const source = new Y.Doc();
    source.clientID = 7;
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    for (const word of ['one ', 'two ', 'three ']) source.getText('t').insert(0, word);
    const [first, second, third] = updates as [Uint8Array, Uint8Array, Uint8Array];
    const doc = new EncodedDoc([]);
    addAll(doc, [third]);
    expect(Y.decodeStateVector(doc.stateVector()).get(7) ?? 0).toBe(0);
    addAll(doc, [first]);
    expect(Y.decodeStateVector(doc.stateVector()).get(7)).toBe(4);
    addAll(doc, [second]);
    expect(doc.stateVector()).toEqual(Y.encodeStateVector(source));
    expect(
      rebuild(doc.diff(new Uint8Array([0])))
        .getText('t')
        .toString(),
    ).toBe('three two one ');
  });

  it('reports the durable clocks of the clients an update touched', () => {
    const updates = peerUpdates();
    const doc = new EncodedDoc([]);
    addAll(doc, updates);
    // The last update is a pure deletion; the one before sets a map entry.
    const last = updates.at(-2) ?? new Uint8Array();
    const reported = Y.decodeStateVector(doc.clocksOf(clientsOf(Y.decodeUpdate(last))));
    expect([...reported.keys()]).toEqual([3]);
    expect(reported.get(3)).toBe(Y.decodeStateVector(doc.stateVector()).get(3));
  });

  it('changes its version only when content is added', () => {
    const updates = peerUpdates();
    const doc = new EncodedDoc(updates.slice(0, 3));
    const version = doc.version;
    doc.fold();
    const merged = doc.merged();
    doc.adoptSnapshot(merged, rebuildEncoded(merged));
    expect(doc.version).toBe(version);
    addAll(doc, updates.slice(3, 4));
    expect(doc.version).toBe(version + 1);
  });
});

/** What compaction's worker does to a merged update (snapshot-worker.ts), here in the test's thread. */
function rebuildEncoded(update: Uint8Array): Uint8Array {
  return Y.encodeStateAsUpdate(rebuild(update));
}
