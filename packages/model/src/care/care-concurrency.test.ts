import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deliver, permutations } from '../../test/peers';
import type { ClubId, MemberId } from '../ids/ids';
import { localOrigin } from '../origin/origin';
import {
  createCare,
  endPairing,
  recordVisit,
  resolvePairingConflict,
  startPairing,
  updatePairing,
} from './care-commands';
import { listPairingStatus, listPairingVisits } from './care-due';
import type { PairingId } from './care-ids';
import { type CareView, readCare } from './read-care';

const AT = '2026-11-01T09:00:00.000Z';

/**
 * Two or three tablets that talk only through encoded Yjs updates, delivered in every order, the way
 * the relay and IndexedDB carry them.
 */

const club = 'club-0000000001' as ClubId;
const hoa = 'member-hoa-0001' as MemberId;
const binh = 'member-binh-001' as MemberId;
const cuc = 'member-cuc-0001' as MemberId;
const lan = localOrigin({ id: 'author-lan', name: 'Lan' });
const minh = localOrigin({ id: 'author-minh', name: 'Minh' });
const tuan = localOrigin({ id: 'author-tuan', name: 'Tuấn' });

/** Tablets sharing one care doc with one pairing, then apart. */
function tabletsWithPairing(count: number): { tablets: Y.Doc[]; pairingId: PairingId } {
  const first = new Y.Doc();
  createCare(first, { clubId: club }, lan);
  const started = startPairing(first, { volunteerId: hoa, memberId: binh, start: '2026-10-01' }, lan);
  if (!started.ok) throw new Error('pairing refused');
  const tablets = [first];
  for (let i = 1; i < count; i++) {
    const tablet = new Y.Doc();
    deliver(first, tablet);
    tablets.push(tablet);
  }
  return { tablets, pairingId: started.value };
}

/** Each tablet (a copy) receiving the others' updates in every order, and a fresh one given all states. */
function viewsInEveryOrder(tablets: readonly Y.Doc[]): CareView[] {
  const views: CareView[] = [];
  tablets.forEach((tablet, i) => {
    for (const order of permutations(tablets.filter((_, j) => j !== i))) {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(tablet));
      for (const other of order) deliver(other, copy);
      views.push(readCare(copy));
    }
  });
  for (const order of permutations([...tablets])) {
    const fresh = new Y.Doc();
    for (const tablet of order) Y.applyUpdate(fresh, Y.encodeStateAsUpdate(tablet));
    views.push(readCare(fresh));
  }
  return views;
}

describe('care doc on several tablets', () => {
  it('keeps visits recorded on two tablets while apart, in both delivery orders', () => {
    const { tablets, pairingId } = tabletsWithPairing(2);
    const [a, b] = tablets as [Y.Doc, Y.Doc];
    recordVisit(
      a,
      { pairingId, date: '2026-11-03', visitorId: hoa, activities: ['talk'], note: 'Lan ghi' },
      '2026-11-03',
      lan,
    );
    // The same day and the same volunteer on the other tablet: still a second visit, never merged into one.
    recordVisit(
      b,
      { pairingId, date: '2026-11-03', visitorId: hoa, activities: ['cooking'], note: 'Minh ghi' },
      '2026-11-03',
      minh,
    );
    const views = viewsInEveryOrder(tablets);
    expect(views).toHaveLength(4);
    for (const view of views) {
      expect(view).toEqual(views[0]);
      expect(
        listPairingVisits(view, pairingId)
          .map((v) => v.note)
          .sort(),
      ).toEqual(['Lan ghi', 'Minh ghi']);
    }
  });

  it('keeps every visit from three tablets in every order', () => {
    const { tablets, pairingId } = tabletsWithPairing(3);
    const origins = [lan, minh, tuan];
    tablets.forEach((tablet, i) => {
      for (const date of ['2026-11-01', '2026-11-02'])
        recordVisit(
          tablet,
          { pairingId, date, visitorId: hoa, activities: ['talk'] },
          '2026-11-30',
          origins[i] ?? lan,
        );
    });
    const views = viewsInEveryOrder(tablets);
    for (const view of views) {
      expect(view).toEqual(views[0]);
      expect(view.visits).toHaveLength(6);
    }
  });

  it('keeps an end date set on one tablet and a new volunteer and note set on another', () => {
    const { tablets, pairingId } = tabletsWithPairing(2);
    const [a, b] = tablets as [Y.Doc, Y.Doc];
    endPairing(a, { pairingId, end: '2026-12-01' }, lan, AT);
    updatePairing(b, { pairingId, volunteerId: cuc, note: 'cô Cúc thay cô Hoa' }, minh, AT);
    for (const view of viewsInEveryOrder(tablets)) {
      expect(view.pairings).toEqual([
        {
          id: pairingId,
          volunteerId: cuc,
          memberId: binh,
          start: '2026-10-01',
          end: '2026-12-01',
          intervalDays: null,
          note: 'cô Cúc thay cô Hoa',
        },
      ]);
    }
  });

  it('ends with one value on every tablet when the same field is changed on two tablets', () => {
    const { tablets, pairingId } = tabletsWithPairing(2);
    const [a, b] = tablets as [Y.Doc, Y.Doc];
    updatePairing(a, { pairingId, note: 'từ tablet A' }, lan, AT);
    updatePairing(b, { pairingId, note: 'từ tablet B' }, minh, AT);
    const views = viewsInEveryOrder(tablets);
    for (const view of views) expect(view).toEqual(views[0]);
    expect(['từ tablet A', 'từ tablet B']).toContain(views[0]?.pairings[0]?.note);
  });

  it('keeps two pairings started for the same member on two tablets as two pairings', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    createCare(a, { clubId: club }, lan);
    createCare(b, { clubId: club }, minh);
    startPairing(a, { volunteerId: hoa, memberId: binh, start: '2026-10-01' }, lan);
    startPairing(b, { volunteerId: cuc, memberId: binh, start: '2026-10-02' }, minh);
    const views = viewsInEveryOrder([a, b]);
    for (const view of views) {
      expect(view).toEqual(views[0]);
      expect(view.pairings.map((p) => p.volunteerId)).toEqual([hoa, cuc]);
      expect(view.clubId).toBe(club);
    }
  });
});

describe('a pairing field set differently on two tablets at once', () => {
  const conflictsIn = (view: CareView) => view.pairings[0]?.conflicts ?? [];
  const choices = (view: CareView) => conflictsIn(view).map((c) => [c.field, c.options.map((o) => o.value)]);

  it('keeps both start dates, volunteers, intervals and end dates, flagged alike in every order', () => {
    const { tablets, pairingId } = tabletsWithPairing(2);
    const [a, b] = tablets as [Y.Doc, Y.Doc];
    updatePairing(
      a,
      { pairingId, start: '2026-09-15', volunteerId: cuc, intervalDays: 7 },
      lan,
      '2026-11-01T09:00:00Z',
    );
    endPairing(a, { pairingId, end: '2026-12-01' }, lan, '2026-11-01T09:00:00Z');
    updatePairing(
      b,
      { pairingId, start: '2026-09-20', volunteerId: hoa, intervalDays: 10 },
      minh,
      '2026-11-01T09:05:00Z',
    );
    endPairing(b, { pairingId, end: '2026-12-15' }, minh, '2026-11-01T09:05:00Z');
    const views = viewsInEveryOrder(tablets);
    for (const view of views) expect(view).toEqual(views[0]);
    const first = views[0] as CareView;
    // hoa was already the volunteer on b, so b wrote no volunteer: only a's change, never flagged.
    expect(choices(first)).toEqual([
      ['start', ['2026-09-15', '2026-09-20']],
      ['end', ['2026-12-01', '2026-12-15']],
      ['intervalDays', [7, 10]],
    ]);
    expect(first.pairings[0]?.volunteerId).toBe(cuc);
    expect(conflictsIn(first)[0]?.options.map((o) => o.name)).toEqual(['Lan', 'Minh']);
  });

  it('flags three values from three tablets, never a field one tablet changed after seeing the other', () => {
    const { tablets, pairingId } = tabletsWithPairing(3);
    const [a, b, c] = tablets as [Y.Doc, Y.Doc, Y.Doc];
    updatePairing(a, { pairingId, intervalDays: 7 }, lan, '2026-11-01T09:00:00Z');
    updatePairing(b, { pairingId, intervalDays: 10 }, minh, '2026-11-01T09:01:00Z');
    updatePairing(c, { pairingId, intervalDays: 21 }, tuan, '2026-11-01T09:02:00Z');
    for (const view of viewsInEveryOrder(tablets))
      expect(choices(view)).toEqual([['intervalDays', [7, 10, 21]]]);

    const { tablets: pair, pairingId: id } = tabletsWithPairing(2);
    const [x, y] = pair as [Y.Doc, Y.Doc];
    updatePairing(x, { pairingId: id, start: '2026-09-15' }, lan, '2026-11-01T09:00:00Z');
    deliver(x, y);
    updatePairing(y, { pairingId: id, start: '2026-09-20' }, minh, '2026-11-01T09:05:00Z');
    for (const view of viewsInEveryOrder(pair)) {
      expect(view.pairings[0]?.conflicts).toBeUndefined();
      expect(view.pairings[0]?.start).toBe('2026-09-20');
    }
  });

  it('choosing one value clears the flag on every tablet, in every order; a stale choice is refused', () => {
    const { tablets, pairingId } = tabletsWithPairing(2);
    const [a, b] = tablets as [Y.Doc, Y.Doc];
    endPairing(a, { pairingId, end: '2026-12-01' }, lan, '2026-11-01T09:00:00Z');
    endPairing(b, { pairingId, end: '2026-12-15' }, minh, '2026-11-01T09:05:00Z');
    deliver(a, b);
    deliver(b, a);
    const options = conflictsIn(readCare(a))[0]?.options ?? [];
    const later = options.find((o) => o.value === '2026-12-15')?.id ?? '';
    expect(resolvePairingConflict(b, { pairingId, field: 'end', writeId: later }, minh, AT).ok).toBe(true);
    for (const view of viewsInEveryOrder(tablets)) {
      expect(view.pairings[0]?.end).toBe('2026-12-15');
      expect(view.pairings[0]?.conflicts).toBeUndefined();
    }
    deliver(b, a);
    expect(resolvePairingConflict(a, { pairingId, field: 'end', writeId: later }, lan, AT)).toMatchObject({
      ok: false,
      error: { type: 'notFound' },
    });
  });

  it('uses the pairing’s own interval for who is overdue, else the club’s', () => {
    const { tablets, pairingId } = tabletsWithPairing(1);
    const doc = tablets[0] as Y.Doc;
    // Paired on 1/10, never visited: 11 days on 12/10, within the club's 14.
    expect(listPairingStatus(readCare(doc), '2026-10-12')[0]?.overdue).toBe(false);
    updatePairing(doc, { pairingId, intervalDays: 7 }, lan, AT);
    expect(listPairingStatus(readCare(doc), '2026-10-12')[0]?.overdue).toBe(true);
    updatePairing(doc, { pairingId, intervalDays: null }, lan, AT);
    expect(listPairingStatus(readCare(doc), '2026-10-12')[0]?.overdue).toBe(false);
  });

  it('refuses an interval outside 1–90 days and a start after the end', () => {
    const { tablets, pairingId } = tabletsWithPairing(1);
    const doc = tablets[0] as Y.Doc;
    expect(updatePairing(doc, { pairingId, intervalDays: 91 }, lan, AT)).toMatchObject({
      ok: false,
      error: { fields: { intervalDays: 'numberRange' } },
    });
    endPairing(doc, { pairingId, end: '2027-02-01' }, lan, AT);
    expect(updatePairing(doc, { pairingId, start: '2027-03-01' }, lan, AT)).toMatchObject({
      ok: false,
      error: { fields: { start: 'numberOrder' } },
    });
  });
});
