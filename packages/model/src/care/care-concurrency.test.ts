import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deliver, permutations } from '../../test/peers';
import type { ClubId, MemberId } from '../ids/ids';
import { localOrigin } from '../origin/origin';
import { createCare, endPairing, recordVisit, startPairing, updatePairing } from './care-commands';
import { listPairingVisits } from './care-due';
import type { PairingId } from './care-ids';
import { type CareView, readCare } from './read-care';

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
    endPairing(a, { pairingId, end: '2026-12-01' }, lan);
    updatePairing(b, { pairingId, volunteerId: cuc, note: 'cô Cúc thay cô Hoa' }, minh);
    for (const view of viewsInEveryOrder(tablets)) {
      expect(view.pairings).toEqual([
        {
          id: pairingId,
          volunteerId: cuc,
          memberId: binh,
          start: '2026-10-01',
          end: '2026-12-01',
          note: 'cô Cúc thay cô Hoa',
        },
      ]);
    }
  });

  it('ends with one value on every tablet when the same field is changed on two tablets', () => {
    const { tablets, pairingId } = tabletsWithPairing(2);
    const [a, b] = tablets as [Y.Doc, Y.Doc];
    updatePairing(a, { pairingId, note: 'từ tablet A' }, lan);
    updatePairing(b, { pairingId, note: 'từ tablet B' }, minh);
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
