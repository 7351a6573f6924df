import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readEntries } from './read-money';

const good = [
  'entry-00000000001',
  'activity',
  'donation',
  5_000,
  '2026-03-10',
  'member-000001',
  null,
  'meeting-0000001',
  null,
  null,
  '',
  'treasurer',
  '2026-03-10T02:00:00.000Z',
];

describe('reading stored entries', () => {
  it('leaves out tuples that do not parse, even when their strings were seen in another field', () => {
    const doc = new Y.Doc();
    const swapped = [...good];
    swapped[0] = 'entry-00000000002';
    // A member id where the date belongs: checked as a date, not remembered from the member field.
    swapped[4] = 'member-000001';
    const shortAmount = [...good];
    shortAmount[0] = 'entry-00000000003';
    shortAmount[3] = 0.5;
    doc.getArray('entries').push([good, swapped, shortAmount, { not: 'a tuple' }, [...good]]);
    expect(readEntries(doc).map((e) => e.id)).toEqual(['entry-00000000001']);
  });
});
