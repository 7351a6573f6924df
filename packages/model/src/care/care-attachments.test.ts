import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deliver } from '../../test/peers';
import type { AttachmentInput } from '../attachments/attachments';
import { eraseMembersCare } from '../erasure/erase-records';
import type { ClubId, MemberId } from '../ids/ids';
import { localOrigin } from '../origin/origin';
import {
  attachToVisit,
  detachFromVisit,
  listMembersVisitPhotos,
  listVisitAttachments,
  setVisitAttachmentCaption,
} from './care-attachments';
import { createCare, recordVisit, startPairing } from './care-commands';
import type { VisitId } from './care-ids';
import { readCare } from './read-care';

const lan = localOrigin({ id: 'author-lan', name: 'Lan' });
const minh = localOrigin({ id: 'author-minh', name: 'Minh' });
const hoa = 'member-hoa-0001' as MemberId;
const binh = 'member-binh-001' as MemberId;

const photo = (hash: string): AttachmentInput => ({
  hash: hash.repeat(64).slice(0, 64),
  kind: 'photo',
  contentType: 'image/jpeg',
  size: 240_000,
  width: 1600,
  height: 1200,
  caption: '',
  scope: 'club',
});

function careWithVisit(): { doc: Y.Doc; visitId: VisitId } {
  const doc = new Y.Doc();
  createCare(doc, { clubId: 'club-0000000001' as ClubId }, lan);
  const pairing = startPairing(doc, { volunteerId: hoa, memberId: binh, start: '2026-10-01' }, lan);
  if (!pairing.ok) throw new Error('pairing refused');
  const visit = recordVisit(
    doc,
    { pairingId: pairing.value, date: '2026-10-30', visitorId: hoa, activities: ['talk'] },
    '2026-11-01',
    lan,
  );
  if (!visit.ok) throw new Error('visit refused');
  return { doc, visitId: visit.value };
}

describe('photos on a home-care visit', () => {
  it('keeps the photo as health-scoped (the care doc is private), shows it on the visit, and takes it off', () => {
    const { doc, visitId } = careWithVisit();
    expect(attachToVisit(doc, visitId, photo('a'), lan, '2026-10-30T09:00:00').ok).toBe(true);
    expect(listVisitAttachments(doc, visitId)).toEqual([
      { ...photo('a'), scope: 'health', byId: 'author-lan', byName: 'Lan', at: '2026-10-30T09:00:00' },
    ]);
    expect(readCare(doc).visits[0]?.attachments).toEqual(listVisitAttachments(doc, visitId));
    expect(detachFromVisit(doc, visitId, photo('a').hash, lan).ok).toBe(true);
    expect(listVisitAttachments(doc, visitId)).toEqual([]);
    expect(readCare(doc).visits[0]?.attachments).toBeUndefined();
  });

  it('refuses an unknown visit and a malformed hash, writing nothing', () => {
    const { doc, visitId } = careWithVisit();
    expect(attachToVisit(doc, 'visit-nope-0001' as VisitId, photo('a'), lan, 'now')).toMatchObject({
      ok: false,
      error: { type: 'notFound' },
    });
    expect(attachToVisit(doc, visitId, { ...photo('a'), hash: 'nope' }, lan, 'now')).toMatchObject({
      ok: false,
      error: { type: 'invalid', fields: { hash: 'required' } },
    });
    expect(listVisitAttachments(doc, visitId)).toEqual([]);
    expect(detachFromVisit(doc, visitId, photo('a').hash, lan).ok).toBe(false);
  });

  it('keeps both photos two tablets attach to one visit at once, in either order of exchange', () => {
    for (const reversed of [false, true]) {
      const { doc: one, visitId } = careWithVisit();
      const two = new Y.Doc();
      deliver(one, two);
      expect(attachToVisit(one, visitId, photo('c'), lan, '2026-10-30T09:00:00').ok).toBe(true);
      expect(attachToVisit(two, visitId, photo('d'), minh, '2026-10-30T09:00:00').ok).toBe(true);
      if (reversed) {
        deliver(two, one);
        deliver(one, two);
      } else {
        deliver(one, two);
        deliver(two, one);
      }
      const hashes = listVisitAttachments(one, visitId).map((a) => a.hash);
      expect(hashes).toEqual([photo('c').hash, photo('d').hash]);
      expect(listVisitAttachments(two, visitId)).toEqual(listVisitAttachments(one, visitId));
      expect(readCare(two).visits[0]?.attachments).toHaveLength(2);
    }
  });
});

describe('a visit photo’s caption, and erasure', () => {
  it('sets and trims a caption, refuses one over 200 characters or on a photo not there', () => {
    const { doc, visitId } = careWithVisit();
    attachToVisit(doc, visitId, photo('a'), lan, '2026-10-30T09:00:00');
    expect(setVisitAttachmentCaption(doc, visitId, photo('a').hash, '  Dọn nhà cùng bà Bình ', lan).ok).toBe(
      true,
    );
    expect(listVisitAttachments(doc, visitId)[0]?.caption).toBe('Dọn nhà cùng bà Bình');
    expect(setVisitAttachmentCaption(doc, visitId, photo('a').hash, 'x'.repeat(201), lan)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { caption: 'tooLong' } },
    });
    expect(setVisitAttachmentCaption(doc, visitId, photo('b').hash, 'Khác', lan)).toMatchObject({
      ok: false,
      error: { type: 'notFound' },
    });
  });

  it('erasing the member visited takes every photo off their visits, lists the hashes first, and leaves others', () => {
    const { doc, visitId } = careWithVisit();
    attachToVisit(doc, visitId, photo('a'), lan, '2026-10-30T09:00:00');
    attachToVisit(doc, visitId, photo('b'), minh, '2026-10-30T09:01:00');
    const other = startPairing(
      doc,
      { volunteerId: hoa, memberId: 'member-cuc-0001' as MemberId, start: '2026-10-01' },
      lan,
    );
    if (!other.ok) throw new Error('pairing refused');
    const otherVisit = recordVisit(
      doc,
      { pairingId: other.value, date: '2026-10-29', visitorId: hoa, activities: ['talk'] },
      '2026-11-01',
      lan,
    );
    if (!otherVisit.ok) throw new Error('visit refused');
    attachToVisit(doc, otherVisit.value, photo('c'), lan, '2026-10-29T09:00:00');

    expect(listMembersVisitPhotos(doc, new Set([binh])).sort()).toEqual([photo('a').hash, photo('b').hash]);
    expect(eraseMembersCare(doc, new Set([binh]), lan)).toEqual({ ok: true, value: 2 });
    expect(listVisitAttachments(doc, visitId)).toEqual([]);
    expect(listVisitAttachments(doc, otherVisit.value).map((a) => a.hash)).toEqual([photo('c').hash]);
    // Idempotent: nothing left to take off.
    expect(eraseMembersCare(doc, new Set([binh]), lan)).toEqual({ ok: true, value: 0 });
  });

  it('a photo another tablet attached to the visit while apart is taken off once it arrives', () => {
    const { doc, visitId } = careWithVisit();
    const late = new Y.Doc();
    deliver(doc, late);
    eraseMembersCare(doc, new Set([binh]), lan);
    attachToVisit(late, visitId, photo('d'), minh, '2026-10-31T09:00:00');
    deliver(late, doc);
    expect(listMembersVisitPhotos(doc, new Set([binh]))).toEqual([photo('d').hash]);
    eraseMembersCare(doc, new Set([binh]), lan);
    expect(listVisitAttachments(doc, visitId)).toEqual([]);
  });
});
