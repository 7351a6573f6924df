import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deliver } from '../../test/peers';
import { indexedCheckRecord } from './check-index';

const PAIR = 'meeting-2026-03/member-lan-0001';
const keysOf = (doc: Y.Doc) =>
  [...indexedCheckRecord(doc.getMap('checks'), PAIR).entries()].map(([k]) => k).sort();

describe('the index of a check’s keys', () => {
  it('follows the record’s own writes at once, and other tablets’ writes and deletions as they arrive', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const record = indexedCheckRecord(a.getMap('checks'), PAIR);
    a.transact(() => {
      record.set('weightKg', 52);
      // Seen inside the same transaction, before the map's observer runs.
      expect(keysOf(a)).toEqual(['weightKg']);
      record.set('write/weightKg/w1', { value: 52 });
    });
    b.getMap('checks').set(`${PAIR}/write/weightKg/w2`, { value: 55 });
    b.getMap('checks').set('meeting-2026-03/member-hung-001/weightKg', 60);
    deliver(b, a);
    expect(keysOf(a)).toEqual(['weightKg', 'write/weightKg/w1', 'write/weightKg/w2']);
    deliver(a, b);
    b.getMap('checks').delete(`${PAIR}/write/weightKg/w1`);
    deliver(b, a);
    expect(keysOf(a)).toEqual(['weightKg', 'write/weightKg/w2']);
    record.delete('weightKg');
    expect(keysOf(a)).toEqual(['write/weightKg/w2']);
  });
});
