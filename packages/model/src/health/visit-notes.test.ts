import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deliver } from '../../test/peers';
import type { ClubId, MemberId } from '../ids/ids';
import { localOrigin } from '../origin/origin';
import { createHealth, eraseMemberHealthData } from './health-commands';
import { readHealth } from './read-health';
import { listVisitHealthNotes, recordVisitHealthNote } from './visit-notes';

const lan = localOrigin({ id: 'author-lan', name: 'Lan' });
const minh = localOrigin({ id: 'author-minh', name: 'Minh' });
const binh = 'member-binh-001' as MemberId;
const cuc = 'member-cuc-0001' as MemberId;

function healthDoc(): Y.Doc {
  const doc = new Y.Doc();
  createHealth(doc, { clubId: 'club-0000000001' as ClubId }, lan);
  return doc;
}

describe('visit health notes', () => {
  it('keeps notes from visits recorded on two tablets, newest first, and one member’s alone', () => {
    const a = healthDoc();
    const b = new Y.Doc();
    deliver(a, b);
    recordVisitHealthNote(
      a,
      { visitId: 'visit-aaaa-0001', memberId: binh, date: '2026-11-02', note: ' ho nhiều ' },
      lan,
    );
    recordVisitHealthNote(
      b,
      { visitId: 'visit-bbbb-0001', memberId: binh, date: '2026-11-09', note: 'đỡ ho' },
      minh,
    );
    recordVisitHealthNote(
      b,
      { visitId: 'visit-bbbb-0002', memberId: cuc, date: '2026-11-09', note: 'đau lưng' },
      minh,
    );
    deliver(b, a);
    deliver(a, b);
    for (const doc of [a, b]) {
      expect(listVisitHealthNotes(doc, binh).map((n) => [n.date, n.note, n.by])).toEqual([
        ['2026-11-09', 'đỡ ho', 'author-minh'],
        ['2026-11-02', 'ho nhiều', 'author-lan'],
      ]);
      expect(listVisitHealthNotes(doc)).toHaveLength(3);
      expect(readHealth(doc).visitNotes).toEqual(listVisitHealthNotes(doc));
    }
  });

  it('refuses an empty note, and erasure of a member removes their notes only', () => {
    const doc = healthDoc();
    const empty = recordVisitHealthNote(
      doc,
      { visitId: 'visit-aaaa-0001', memberId: binh, date: '2026-11-02', note: ' ' },
      lan,
    );
    expect(empty).toEqual({ ok: false, error: { type: 'invalid', fields: { healthNote: 'required' } } });
    recordVisitHealthNote(
      doc,
      { visitId: 'visit-aaaa-0001', memberId: binh, date: '2026-11-02', note: 'ho' },
      lan,
    );
    recordVisitHealthNote(
      doc,
      { visitId: 'visit-aaaa-0002', memberId: cuc, date: '2026-11-02', note: 'mệt' },
      lan,
    );
    expect(eraseMemberHealthData(doc, binh, lan)).toEqual({ ok: true, value: 1 });
    expect(listVisitHealthNotes(doc).map((n) => n.memberId)).toEqual([cuc]);
  });
});
