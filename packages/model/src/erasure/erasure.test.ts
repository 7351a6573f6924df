import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPerson, alice, bob, newClub, TODAY, value } from '../../test/fixtures';
import { deliver } from '../../test/peers';
import { createCare, recordVisit, startPairing } from '../care/care-commands';
import { readCare } from '../care/read-care';
import { createHealth, recordHealthCheck } from '../health/health-commands';
import { readHealth } from '../health/read-health';
import type { MeetingId } from '../ids/ids';
import { recordEntry } from '../money/money-commands';
import { clockAt, newBook } from '../money/money-fixtures';
import type { FundId } from '../money/money-types';
import { readEntries } from '../money/read-money';
import { createAuthorUndoManager } from '../origin/origin';
import { erasePersonalData, updateMember } from '../roster/member-commands';
import { membersMap } from '../schema/layout';
import {
  erasedMemberIds,
  eraseMembersCare,
  eraseMembersHealth,
  eraseMembersMoney,
  erasureOrigin,
} from './erase-records';
import { eraseMembersInClub, keepErased } from './keep-erased';

const NAME = 'Phạm Thị Xuyến';
const PHONE = '0912 777 345';
const MEETING = 'meeting-2026-03-10' as MeetingId;
const eraser = erasureOrigin({ id: 'alice', name: 'Lan' });

/** Every string a doc holds, live or deleted-but-kept: what its stored bytes could give back. */
const { TextDecoder } = globalThis as unknown as { TextDecoder: new () => { decode(b: Uint8Array): string } };
const bytesOf = (doc: Y.Doc) => new TextDecoder().decode(Y.encodeStateAsUpdate(doc));

function clubWithXuyen() {
  const { doc, clubId } = newClub();
  const xuyen = addPerson(doc, { fullName: NAME, phone: PHONE });
  const other = addPerson(doc, { fullName: 'Trần Văn Bình', phone: '0987 000 111' });
  return { club: doc, clubId, xuyen, other };
}

describe('erasure beyond the club doc', () => {
  it('blanks a member in the health, money and care docs, keeps the books adding up and others untouched', () => {
    const { club, clubId, xuyen, other } = clubWithXuyen();
    const health = new Y.Doc();
    value(createHealth(health, { clubId }, alice));
    value(
      recordHealthCheck(
        health,
        { meetingId: MEETING, memberId: xuyen, systolic: 150, diastolic: 95, takenAt: TODAY },
        alice,
      ),
    );
    value(
      recordHealthCheck(health, { meetingId: MEETING, memberId: other, weightKg: 60, takenAt: TODAY }, alice),
    );
    const money = newBook();
    let tick = 0;
    const entry = (memberId: typeof xuyen, note: string) =>
      value(
        recordEntry(
          money,
          {
            fundId: 'activity' as FundId,
            kind: 'donation',
            amount: 50_000,
            date: '2026-03-10',
            memberId,
            note,
          },
          alice,
          clockAt('2026-03-10', tick++),
        ),
      );
    entry(xuyen, `${NAME} nộp thay con gái`);
    entry(other, 'đóng đủ');
    const care = new Y.Doc();
    value(createCare(care, { clubId }, alice));
    const pairing = value(
      startPairing(
        care,
        { volunteerId: other, memberId: xuyen, start: '2026-03-01', note: 'gọi số 0912 777 345' },
        alice,
      ),
    );
    value(
      recordVisit(
        care,
        {
          pairingId: pairing,
          date: '2026-03-05',
          visitorId: other,
          activities: ['talk'],
          note: 'Bà Xuyến đau lưng',
        },
        TODAY,
        alice,
      ),
    );

    value(erasePersonalData(club, xuyen, eraser, TODAY));
    const members = erasedMemberIds(club);
    expect([...members]).toEqual([xuyen]);
    expect(value(eraseMembersHealth(health, members, eraser))).toBeGreaterThan(0);
    expect(value(eraseMembersMoney(money, members, eraser))).toBe(1);
    expect(value(eraseMembersCare(care, members, eraser))).toBe(2);

    expect(readHealth(health).checks.map((c) => c.memberId)).toEqual([other]);
    const entries = readEntries(money);
    expect(entries.map((e) => [e.memberId, e.amount, e.note])).toEqual([
      [xuyen, 50_000, ''],
      [other, 50_000, 'đóng đủ'],
    ]);
    expect(JSON.stringify(readCare(care))).not.toContain('Xuyến');
    // These docs run with gc on (as the tablets open them): the blanked text is gone from their bytes too.
    expect(bytesOf(care)).not.toContain('0912 777 345');
    expect(bytesOf(care)).not.toContain('Xuyến');
    expect(bytesOf(money)).not.toContain(NAME);
    // Idempotent: a second run writes nothing.
    const before = Y.encodeStateVector(money);
    expect(value(eraseMembersMoney(money, members, eraser))).toBe(0);
    expect(Y.encodeStateVector(money)).toEqual(before);
  });

  it('puts no erasure on the author’s undo stack: Undo right after erasing brings nothing back', () => {
    const { club, xuyen } = clubWithXuyen();
    const undo = createAuthorUndoManager(club, alice);
    value(updateMember(club, xuyen, { phone: '0912 000 999' }, alice, TODAY, '2026-03-20T10:00:00.000Z'));
    value(erasePersonalData(club, xuyen, eraser, TODAY));
    const stop = keepErased(club, club, eraseMembersInClub, eraser);
    undo.undo();
    undo.undo();
    const record = membersMap(club).get(xuyen);
    expect(record?.get('phone')).toBe('');
    expect(record?.get('fullName')).not.toBe(NAME);
    stop();
  });

  it('blanks a late write from a tablet that was offline at the erasure, whichever way the updates travel', () => {
    // Yjs picks the concurrent winner by client id, random per doc: twenty trials see both outcomes.
    const trials = Array.from({ length: 10 }, () => ['erasure first', 'late write first'] as const).flat();
    for (const order of trials) {
      const { club: a, xuyen } = clubWithXuyen();
      const b = new Y.Doc();
      deliver(a, b);
      const stopA = keepErased(a, a, eraseMembersInClub, eraser);
      const stopB = keepErased(b, b, eraseMembersInClub, erasureOrigin({ id: 'bob', name: 'Hùng' }));
      // b is offline: it writes a new phone while a erases.
      value(
        updateMember(
          b,
          xuyen,
          { phone: '0900 123 456', notes: 'số mới' },
          bob,
          TODAY,
          '2026-03-20T10:00:00.000Z',
        ),
      );
      value(erasePersonalData(a, xuyen, eraser, TODAY));
      if (order === 'erasure first') {
        deliver(a, b);
        deliver(b, a);
      } else {
        deliver(b, a);
        deliver(a, b);
      }
      deliver(a, b);
      for (const doc of [a, b]) {
        const record = membersMap(doc).get(xuyen);
        expect(record?.get('phone'), order).toBe('');
        expect(String(record?.get('notes') ?? ''), order).toBe('');
      }
      stopA();
      stopB();
    }
  });

  it('erases in the health doc a measurement that arrives after the erasure, and when the erasure arrives later', () => {
    const { club, clubId, xuyen } = clubWithXuyen();
    const health = new Y.Doc();
    value(createHealth(health, { clubId }, alice));
    const stop = keepErased(club, health, eraseMembersHealth, eraser);
    // The erasure comes from another tablet, by the club doc.
    const elsewhere = new Y.Doc();
    deliver(club, elsewhere);
    value(erasePersonalData(elsewhere, xuyen, eraser, TODAY));
    deliver(elsewhere, club);
    // Then a stale tablet's measurement lands.
    const stale = new Y.Doc();
    deliver(health, stale);
    value(
      recordHealthCheck(stale, { meetingId: MEETING, memberId: xuyen, weightKg: 48.5, takenAt: TODAY }, bob),
    );
    deliver(stale, health);
    expect(readHealth(health).checks).toEqual([]);
    stop();
  });
});
