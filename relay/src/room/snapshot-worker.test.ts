import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EncodedDoc } from './encoded-doc';
import { SnapshotWorker } from './snapshot-worker';

/** A document with deleted content to collect: records set, then half of them deleted. */
function withDeletions(records: number, tag: string): Uint8Array {
  // gc off, as on a tablet that keeps history: the deleted values are still in the update.
  const doc = new Y.Doc({ gc: false });
  const map = doc.getMap('records');
  doc.transact(() => {
    for (let i = 0; i < records; i++) map.set(`${tag}${i}`, { i, note: 'Ghi chú '.repeat(10) });
  });
  doc.transact(() => {
    for (let i = 0; i < records; i += 2) map.delete(`${tag}${i}`);
  });
  return Y.encodeStateAsUpdate(doc);
}

const workers: SnapshotWorker[] = [];
afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.close();
});

describe('SnapshotWorker', () => {
  it('collects deleted content on its thread exactly as it would be collected in the relay’s', async () => {
    const worker = new SnapshotWorker();
    workers.push(worker);
    const update = withDeletions(2000, 'r');
    const collected = await worker.collect(update);
    const inThisThread = new Y.Doc();
    Y.applyUpdate(inThisThread, update);
    expect(collected).toEqual(Y.encodeStateAsUpdate(inThisThread));
    expect(collected.length).toBeLessThan(update.length);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, collected);
    expect(copy.getMap('records').size).toBe(1000);
  });

  it('answers each of several jobs with its own document, and a bad one with an error', async () => {
    const worker = new SnapshotWorker();
    workers.push(worker);
    const updates = ['a', 'b', 'c'].map((tag) => withDeletions(200, tag));
    const bad = expect(worker.collect(Uint8Array.of(9, 200, 1))).rejects.toThrow();
    const results = await Promise.all(updates.map((update) => worker.collect(update)));
    await bad;
    results.forEach((result, index) => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, result);
      expect([...copy.getMap('records').keys()].every((key) => key.startsWith(['a', 'b', 'c'][index] ?? '')));
      expect(copy.getMap('records').size).toBe(100);
    });
  });

  it('stops its thread when idle and starts another for the next job', async () => {
    const worker = new SnapshotWorker(10);
    workers.push(worker);
    await worker.collect(withDeletions(10, 'x'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = await worker.collect(withDeletions(10, 'y'));
    expect(again.length).toBeGreaterThan(0);
  });

  it('collects what a room merged, while a document that keeps its history is stored as merged', async () => {
    const worker = new SnapshotWorker();
    workers.push(worker);
    const source = new Y.Doc({ gc: false });
    const text = source.getText('t');
    text.insert(0, 'x'.repeat(2000));
    const before = Y.snapshot(source);
    text.delete(0, 1990);
    const kept = new EncodedDoc([Y.encodeStateAsUpdate(source)]).merged();
    const collected = await worker.collect(kept);
    expect(collected.length).toBeLessThan(kept.length / 10);
    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, collected);
    expect(rebuilt.getText('t').toString()).toBe('x'.repeat(10));
    // With history kept (minutes), the earlier version can still be restored from what the relay holds.
    const restored = new Y.Doc({ gc: false });
    Y.applyUpdate(restored, kept);
    expect(Y.createDocFromSnapshot(restored, before).getText('t').toString()).toBe('x'.repeat(2000));
  });
});
