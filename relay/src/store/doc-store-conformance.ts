/** The one conformance suite every Storage implementation (DocStore + ClubRegistry) must pass. */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Storage } from './doc-store';

export interface StorageFixture {
  /** Opens the storage; calling it again after close() reopens the same data (for persistence checks). */
  open(): Storage | Promise<Storage>;
  /**
   * Opens a second handle on the same data, as another relay process would (PostgreSQL). Absent where one
   * process owns the data (SQLite in exclusive mode, memory): the concurrency cases then run on one handle.
   */
  openPeer?(): Promise<Storage>;
  cleanup(): void | Promise<void>;
}

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

function rebuild(updates: readonly Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

export function runDocStoreTests(name: string, setup: () => StorageFixture): void {
  describe(`${name} conformance`, () => {
    let fixture: StorageFixture;
    /** What afterEach closes; undefined when open() failed (the test then failed with the reason). */
    let storage: Storage | undefined;
    let peer: Storage | undefined;
    const open = async () => {
      fixture = setup();
      const opened = await fixture.open();
      storage = opened;
      return opened;
    };
    /** The handle "another process" uses: its own where the store allows one, else the same. */
    const openPeer = async (own: Storage) => {
      peer = await fixture.openPeer?.();
      return peer ?? own;
    };
    afterEach(async () => {
      await peer?.close();
      peer = undefined;
      await storage?.close();
      storage = undefined;
      await fixture.cleanup();
    });

    it('loads an unknown document as empty', async () => {
      expect(await (await open()).docs.load('nobody')).toEqual({ updates: [], lastSeq: 0 });
    });

    it('returns appended updates in order with increasing sequence numbers, per document', async () => {
      const { docs } = await open();
      const doc = new Y.Doc();
      const seqs = await Promise.all(['a', 'b', 'c'].map((text) => docs.append('d1', textUpdate(doc, text))));
      await docs.append('d2', textUpdate(new Y.Doc(), 'other'));
      expect(seqs[0]! < seqs[1]! && seqs[1]! < seqs[2]!).toBe(true);
      const loaded = await docs.load('d1');
      expect(loaded.updates).toHaveLength(3);
      expect(loaded.lastSeq).toBe(seqs[2]);
      expect(rebuild(loaded.updates)).toBe('abc');
    });

    it('resolves appends in call order', async () => {
      const { docs } = await open();
      const order: number[] = [];
      await Promise.all(
        [0, 1, 2, 3].map((i) => docs.append('d', Uint8Array.of(0, 0)).then(() => order.push(i))),
      );
      expect(order).toEqual([0, 1, 2, 3]);
    });

    it('copies appended bytes, so reusing the caller buffer changes nothing', async () => {
      const { docs } = await open();
      const buffer = textUpdate(new Y.Doc(), 'x');
      const copy = buffer.slice();
      const pending = docs.append('d', buffer);
      buffer.fill(0);
      await pending;
      expect((await docs.load('d')).updates[0]).toEqual(copy);
    });

    it('compacts rows up to a seq into one snapshot and keeps later rows', async () => {
      const { docs } = await open();
      const doc = new Y.Doc();
      const first = await docs.append('d', textUpdate(doc, 'a'));
      const second = await docs.append('d', textUpdate(doc, 'b'));
      const snapshot = Y.encodeStateAsUpdate(doc);
      await docs.append('d', textUpdate(doc, 'c'));
      await docs.compact('d', snapshot, second);
      const loaded = await docs.load('d');
      expect(first < second).toBe(true);
      expect(loaded.updates).toHaveLength(2);
      expect(rebuild(loaded.updates)).toBe('abc');
      const next = await docs.append('d', textUpdate(doc, 'd'));
      expect(next > loaded.lastSeq).toBe(true);
      expect(rebuild((await docs.load('d')).updates)).toBe('abcd');
    });

    it('keeps every update when two processes compact one document at once, through the same row too, or one compacts late', async () => {
      const own = await open();
      const { docs } = own;
      const other = (await openPeer(own)).docs;
      const doc = new Y.Doc();
      await docs.append('d', textUpdate(doc, 'a'));
      const second = await docs.append('d', textUpdate(doc, 'b'));
      const early = Y.encodeStateAsUpdate(doc);
      await other.append('d', textUpdate(doc, 'c'));
      const fourth = await other.append('d', textUpdate(doc, 'd'));
      const late = Y.encodeStateAsUpdate(doc);
      await Promise.all([docs.compact('d', early, second), other.compact('d', late, fourth)]);
      expect(rebuild((await docs.load('d')).updates)).toBe('abcd');
      // A slow process's compaction arriving after a later one has been stored.
      await docs.compact('d', early, second);
      const loaded = await other.load('d');
      expect(rebuild(loaded.updates)).toBe('abcd');
      expect(await docs.append('d', textUpdate(doc, 'e'))).toBeGreaterThan(loaded.lastSeq);
      // Both processes fold the same rows at the same moment.
      const all = await docs.load('d');
      const snapshot = Y.mergeUpdates([...all.updates]);
      await Promise.all([
        other.compact('d', snapshot, all.lastSeq),
        docs.compact('d', snapshot, all.lastSeq),
      ]);
      const folded = await docs.load('d');
      expect(folded.updates).toHaveLength(1);
      expect(rebuild(folded.updates)).toBe('abcde');
    });

    it('loses no update appended by either process while the other compacts the document', async () => {
      const own = await open();
      const { docs } = own;
      const other = (await openPeer(own)).docs;
      const doc = new Y.Doc();
      let expected = 'start';
      await docs.append('d', textUpdate(doc, expected));
      for (let round = 0; round < 12; round++) {
        // Each compaction folds exactly what its process loaded, as a room does.
        const stored = await (round % 2 === 0 ? docs : other).load('d');
        const snapshot = Y.mergeUpdates([...stored.updates]);
        const appends = [0, 1, 2, 3].map((i) => {
          const text = ` ${round}.${i}`;
          expected += text;
          return (i % 2 === 0 ? docs : other).append('d', textUpdate(doc, text));
        });
        const compaction = (round % 2 === 0 ? other : docs).compact('d', snapshot, stored.lastSeq);
        const [seqs] = await Promise.all([Promise.all(appends), compaction]);
        for (const seq of seqs) expect(seq).toBeGreaterThan(stored.lastSeq);
      }
      expect(rebuild((await other.load('d')).updates)).toBe(expected);
    });

    it('keeps documents and clubs across close and reopen', async () => {
      const doc = new Y.Doc();
      await (await open()).docs.append('d', textUpdate(doc, 'kept'));
      await storage?.clubs.create('club-0001', { editorKeyHash: 'e', viewerKeyHash: 'v' });
      await storage?.close();
      storage = undefined;
      const reopened = await fixture.open();
      storage = reopened;
      expect(rebuild((await reopened.docs.load('d')).updates)).toBe('kept');
      expect((await reopened.clubs.get('club-0001'))?.editorKeyHash).toBe('e');
    });

    it("deletes all of one club's documents and only them, and the club's record", async () => {
      const { docs, clubs } = await open();
      // One writer per document: each log rebuilds on its own.
      for (const name of ['club-a', 'club-a/health', 'club-a/meeting/m1', 'club-ab', 'club-b/health'])
        await docs.append(name, textUpdate(new Y.Doc(), `${name}; `));
      const health = await docs.load('club-a/health');
      await docs.compact('club-a/health', health.updates[0] ?? new Uint8Array(), health.lastSeq);
      await clubs.create('club-a', { editorKeyHash: 'e1', viewerKeyHash: 'v1' });
      await clubs.rotate('club-a', 'e1', { editorKeyHash: 'e2', viewerKeyHash: 'v2' });
      await clubs.create('club-ab', { editorKeyHash: 'e3', viewerKeyHash: 'v3' });

      expect(await docs.deleteClubDocs('club-a')).toBe(3);
      expect(await clubs.delete('club-a')).toBe(true);

      for (const name of ['club-a', 'club-a/health', 'club-a/meeting/m1'])
        expect(await docs.load(name), name).toEqual({ updates: [], lastSeq: 0 });
      for (const name of ['club-ab', 'club-b/health'])
        expect(rebuild((await docs.load(name)).updates), name).toContain(`${name}; `);
      expect(await clubs.get('club-a')).toBeUndefined();
      expect((await clubs.get('club-ab'))?.editorKeyHash).toBe('e3');
      expect(await docs.deleteClubDocs('club-a')).toBe(0);
      expect(await clubs.delete('club-a')).toBe(false);
      // The id may be used again from scratch: no retired keys, an empty log that takes new rows.
      expect(await clubs.create('club-a', { editorKeyHash: 'e4', viewerKeyHash: 'v4' })).toBe(true);
      expect((await clubs.get('club-a'))?.retiredKeyHashes).toEqual([]);
      await docs.append('club-a', textUpdate(new Y.Doc(), 'mới'));
      expect(rebuild((await docs.load('club-a')).updates)).toBe('mới');
    });

    it('lists documents by name prefix and retires them for good: rows gone, appends refused', async () => {
      const { docs } = await open();
      const names = ['club-a/meeting/m1', 'club-a/meeting/m1_1_x', 'club-a/meeting/m10', 'club-a/health'];
      for (const name of names) await docs.append(name, textUpdate(new Y.Doc(), `${name}; `));
      expect(await docs.listDocs('club-a/meeting/m1_')).toEqual(['club-a/meeting/m1_1_x']);
      expect(await docs.listDocs('club-a/meeting/m1')).toEqual([
        'club-a/meeting/m1',
        'club-a/meeting/m10',
        'club-a/meeting/m1_1_x',
      ]);

      expect(await docs.retireDocs(['club-a/meeting/m1', 'club-a/meeting/never-written'])).toBe(1);
      expect(await docs.load('club-a/meeting/m1')).toEqual({ updates: [], lastSeq: 0 });
      await expect(docs.append('club-a/meeting/m1', textUpdate(new Y.Doc(), 'lại'))).rejects.toThrow(
        /retired/,
      );
      await expect(docs.append('club-a/meeting/never-written', textUpdate(new Y.Doc(), 'x'))).rejects.toThrow(
        /retired/,
      );
      // A room unloading a retired document writes its final snapshot: nothing is stored.
      await docs.compact('club-a/meeting/m1', textUpdate(new Y.Doc(), 'snapshot'), 1);
      expect(await docs.load('club-a/meeting/m1')).toEqual({ updates: [], lastSeq: 0 });
      expect(await docs.listDocs('club-a/meeting/m1')).toEqual([
        'club-a/meeting/m10',
        'club-a/meeting/m1_1_x',
      ]);
      for (const name of ['club-a/meeting/m10', 'club-a/meeting/m1_1_x', 'club-a/health'])
        expect(rebuild((await docs.load(name)).updates), name).toBe(`${name}; `);

      // Another process, or this one reopened, refuses it as well.
      peer = await fixture.openPeer?.();
      if (peer !== undefined)
        await expect(peer.docs.append('club-a/meeting/m1', textUpdate(new Y.Doc(), 'lại'))).rejects.toThrow(
          /retired/,
        );
      await storage?.close();
      const reopened = await fixture.open();
      storage = reopened;
      await expect(reopened.docs.append('club-a/meeting/m1', textUpdate(new Y.Doc(), 'lại'))).rejects.toThrow(
        /retired/,
      );
      // Deleting the club forgets its retired names too: the id starts from scratch.
      await reopened.docs.deleteClubDocs('club-a');
      await reopened.docs.append('club-a/meeting/m1', textUpdate(new Y.Doc(), 'mới'));
      expect(rebuild((await reopened.docs.load('club-a/meeting/m1')).updates)).toBe('mới');
    });

    it('creates a club once and reports an existing one without changing it', async () => {
      const { clubs } = await open();
      expect(await clubs.get('club-0001')).toBeUndefined();
      expect(await clubs.create('club-0001', { editorKeyHash: 'e1', viewerKeyHash: 'v1' })).toBe(true);
      expect(await clubs.create('club-0001', { editorKeyHash: 'e2', viewerKeyHash: 'v2' })).toBe(false);
      expect(await clubs.get('club-0001')).toEqual({
        clubId: 'club-0001',
        editorKeyHash: 'e1',
        viewerKeyHash: 'v1',
        retiredKeyHashes: [],
      });
    });

    it('rotates keys only for the current editor hash and retires the old pair', async () => {
      const { clubs } = await open();
      await clubs.create('club-0001', { editorKeyHash: 'e1', viewerKeyHash: 'v1' });
      expect(await clubs.rotate('club-0001', 'v1', { editorKeyHash: 'x', viewerKeyHash: 'y' })).toBe(false);
      expect(await clubs.rotate('missing-club', 'e1', { editorKeyHash: 'x', viewerKeyHash: 'y' })).toBe(
        false,
      );
      expect(await clubs.rotate('club-0001', 'e1', { editorKeyHash: 'e2', viewerKeyHash: 'v2' })).toBe(true);
      const record = await clubs.get('club-0001');
      expect(record?.editorKeyHash).toBe('e2');
      expect([...(record?.retiredKeyHashes ?? [])].sort()).toEqual(['e1', 'v1']);
    });
  });
}
