import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ClubId, MemberId } from '../ids/ids';
import { localOrigin } from '../origin/origin';
import {
  createCare,
  endPairing,
  recordVisit,
  setVisitInterval,
  startPairing,
  updatePairing,
  withdrawVisit,
} from './care-commands';
import { daysBetween, listMonthVisits, listPairingStatus, listPairingVisits } from './care-due';
import type { PairingId } from './care-ids';
import { careMeta } from './care-layout';
import { getCareSchemaStatus, migrateCare } from './care-migrations';
import { DEFAULT_VISIT_INTERVAL_DAYS, readCare } from './read-care';

const AT = '2026-11-01T09:00:00.000Z';

const origin = localOrigin({ id: 'author-lan', name: 'Lan' });
const club = 'club-0000000001' as ClubId;
const hoa = 'member-hoa-0001' as MemberId;
const binh = 'member-binh-001' as MemberId;
const cuc = 'member-cuc-0001' as MemberId;
const dung = 'member-dung-001' as MemberId;

function careDoc(): Y.Doc {
  const doc = new Y.Doc();
  createCare(doc, { clubId: club }, origin);
  return doc;
}

function pair(doc: Y.Doc, volunteerId: MemberId, memberId: MemberId, start = '2026-10-01'): PairingId {
  const result = startPairing(doc, { volunteerId, memberId, start }, origin);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('care doc', () => {
  it('starts at the current schema with the default two-week interval, and keeps a changed one', () => {
    const doc = careDoc();
    expect(getCareSchemaStatus(doc)).toEqual({ type: 'current' });
    expect(readCare(doc).visitIntervalDays).toBe(DEFAULT_VISIT_INTERVAL_DAYS);
    expect(setVisitInterval(doc, 7, origin).ok).toBe(true);
    expect(readCare(doc).visitIntervalDays).toBe(7);
    expect(setVisitInterval(doc, 0, origin)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { visitIntervalDays: 'numberRange' } },
    });
    expect(migrateCare(doc)).toEqual({ ok: true, value: { applied: [] } });
  });

  it('refuses every write to a doc from a newer schema', () => {
    const doc = careDoc();
    careMeta(doc).set('schemaVersion', 99);
    expect(readCare(doc).readOnly).toBe(true);
    const result = startPairing(doc, { volunteerId: hoa, memberId: binh, start: '2026-10-01' }, origin);
    expect(result).toEqual({ ok: false, error: { type: 'readOnly' } });
  });

  it('pairs a volunteer with a member, changes the note, ends and reopens the pairing', () => {
    const doc = careDoc();
    const id = pair(doc, hoa, binh);
    expect(updatePairing(doc, { pairingId: id, note: '  sống một mình ' }, origin, AT).ok).toBe(true);
    expect(endPairing(doc, { pairingId: id, end: '2026-11-30' }, origin, AT).ok).toBe(true);
    expect(readCare(doc).pairings).toEqual([
      {
        id,
        volunteerId: hoa,
        memberId: binh,
        start: '2026-10-01',
        end: '2026-11-30',
        intervalDays: null,
        note: 'sống một mình',
      },
    ]);
    expect(endPairing(doc, { pairingId: id, end: '2026-09-01' }, origin, AT).ok).toBe(false);
    expect(endPairing(doc, { pairingId: id, end: null }, origin, AT).ok).toBe(true);
    expect(readCare(doc).pairings[0]?.end).toBeNull();
  });

  it('refuses a pairing of a member with themself, a bad date, or an unknown pairing', () => {
    const doc = careDoc();
    const same = startPairing(doc, { volunteerId: hoa, memberId: hoa, start: '2026-02-30' }, origin);
    expect(same).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { memberId: 'numberOrder', start: 'dateFormat' } },
    });
    const visit = {
      pairingId: 'no-such-pairing' as PairingId,
      date: '2026-10-02',
      visitorId: hoa,
      activities: [],
    };
    expect(recordVisit(doc, { ...visit, activities: ['talk'] }, '2026-10-02', origin)).toEqual({
      ok: false,
      error: { type: 'notFound', id: 'no-such-pairing' },
    });
    expect(readCare(doc).pairings).toEqual([]);
  });

  it('records visits with what was done, refuses future or empty ones, and withdraws a mistaken one', () => {
    const doc = careDoc();
    const id = pair(doc, hoa, binh);
    const base = { pairingId: id, visitorId: hoa, note: '' };
    const first = recordVisit(
      doc,
      { ...base, date: '2026-10-05', activities: ['cooking', 'talk'] },
      '2026-10-20',
      origin,
    );
    const second = recordVisit(
      doc,
      { ...base, date: '2026-10-19', activities: ['clinic'] },
      '2026-10-20',
      origin,
    );
    expect(first.ok && second.ok).toBe(true);
    const future = recordVisit(
      doc,
      { ...base, date: '2026-10-21', activities: ['talk'] },
      '2026-10-20',
      origin,
    );
    expect(future).toEqual({ ok: false, error: { type: 'invalid', fields: { date: 'dateInFuture' } } });
    const empty = recordVisit(doc, { ...base, date: '2026-10-19', activities: [] }, '2026-10-20', origin);
    expect(empty).toEqual({ ok: false, error: { type: 'invalid', fields: { activities: 'required' } } });
    const visits = listPairingVisits(readCare(doc), id);
    expect(visits.map((v) => [v.date, v.activities])).toEqual([
      ['2026-10-19', ['clinic']],
      ['2026-10-05', ['talk', 'cooking']],
    ]);
    expect(visits[0]?.recordedBy).toBe('author-lan');
    if (second.ok)
      expect(withdrawVisit(doc, { visitId: second.value, on: '2026-10-20' }, origin).ok).toBe(true);
    expect(listPairingVisits(readCare(doc), id).map((v) => v.date)).toEqual(['2026-10-05']);
  });

  it('lists members not visited for longer than the interval first, the longest wait first', () => {
    const doc = careDoc();
    const recent = pair(doc, hoa, binh, '2026-09-01');
    const never = pair(doc, hoa, cuc, '2026-11-01');
    const long = pair(doc, dung, hoa, '2026-09-01');
    const ended = pair(doc, dung, cuc, '2026-09-01');
    endPairing(doc, { pairingId: ended, end: '2026-10-01' }, origin, AT);
    const visit = (pairingId: PairingId, date: string) =>
      recordVisit(doc, { pairingId, date, visitorId: hoa, activities: ['talk'] }, '2026-12-01', origin);
    visit(recent, '2026-11-25');
    visit(long, '2026-10-10');
    visit(long, '2026-09-10');
    const status = listPairingStatus(readCare(doc), '2026-12-01');
    expect(status.map((s) => [s.pairing.id, s.daysSince, s.overdue])).toEqual([
      [long, 52, true],
      [never, 30, true],
      [recent, 6, false],
    ]);
    expect(status[0]?.lastVisit?.date).toBe('2026-10-10');
  });

  it('lists a month of visits oldest first, and counts days across months and years', () => {
    const doc = careDoc();
    const id = pair(doc, hoa, binh);
    for (const date of ['2026-11-20', '2026-10-31', '2026-11-02'])
      recordVisit(doc, { pairingId: id, date, visitorId: hoa, activities: ['talk'] }, '2026-12-01', origin);
    expect(listMonthVisits(readCare(doc), '2026-11').map((v) => v.date)).toEqual([
      '2026-11-02',
      '2026-11-20',
    ]);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('leaves out rows a peer wrote in a shape this build does not read', () => {
    const doc = careDoc();
    const id = pair(doc, hoa, binh);
    doc.getMap('visits').set('garbage-visit-01', { pairingId: id, date: 'hôm qua' });
    doc.getMap('pairings').set('broken-pair-01/memberId', 42);
    const view = readCare(doc);
    expect(view.visits).toEqual([]);
    expect(view.pairings.map((p) => p.id)).toEqual([id]);
  });
});
