import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deliver, permutations } from '../../test/peers';
import type { IsoDate, MeetingId } from '../ids/ids';
import type { MinutesApprovalInput } from '../meetings/approval-lock';
import { recordCashCount } from './cash-count';
import { payOutLoan, recordRepayment, writeOffLoan } from './loan-commands';
import { getMeetingMoney } from './minutes-money';
import { recordEntry, reverseEntry } from './money-commands';
import { chair, clockAt, fork, LAN, MEETING, newBook, ok, treasurer } from './money-fixtures';
import { followMinutesForMoney, readMoneyLocks } from './money-locks';
import type { FundId } from './money-types';
import { readMoney } from './read-money';

const activity = 'activity' as FundId;
const DAY = '2026-03-10' as IsoDate;
const LATER_MEETING = 'meeting-2026-04-10' as MeetingId;
const APPROVED_AT = '2026-03-10T10:30:00.000Z';
const approved = (reopenings = 0): MinutesApprovalInput => ({
  meetingId: MEETING,
  approvedAt: APPROVED_AT,
  reopenings,
});
const refused = { ok: false, error: { type: 'approved', meetingId: MEETING, approvedAt: APPROVED_AT } };
const dues = (meetingId: MeetingId | null = MEETING) =>
  ({ fundId: activity, kind: 'dues', amount: 200_000, date: DAY, memberId: LAN, meetingId }) as const;

/** A book with dues and a loan paid out at the meeting, then its minutes approved. */
function lockedBook() {
  const doc = newBook();
  const duesId = ok(recordEntry(doc, dues(), treasurer, clockAt(DAY)));
  ok(recordEntry(doc, { ...dues(), kind: 'founding', amount: 5_000_000 }, treasurer, clockAt(DAY, 1)));
  const loan = { memberId: LAN, amount: 1_000_000, startOn: DAY, purpose: 'Nuôi gà', meetingId: MEETING };
  const { loanId } = ok(payOutLoan(doc, { ...loan, fundId: activity }, treasurer, clockAt(DAY, 2)));
  expect(ok(followMinutesForMoney(doc, approved(), chair))).toBe(true);
  return { doc, duesId, loanId, loan };
}

describe('a meeting’s money locks with its approved minutes', () => {
  it('refuses every entry at the locked meeting and writes nothing', () => {
    const { doc, duesId, loanId, loan } = lockedBook();
    const before = Y.encodeStateAsUpdate(doc);
    const clock = clockAt(DAY, 10);
    expect(recordEntry(doc, dues(), treasurer, clock)).toEqual(refused);
    expect(payOutLoan(doc, loan, treasurer, clock)).toEqual(refused);
    const repayment = { loanId, principal: 100_000, interest: 0, date: DAY, meetingId: MEETING };
    expect(recordRepayment(doc, repayment, treasurer, clock)).toEqual(refused);
    const writeOff = { loanId, on: DAY, note: 'Hộ nghèo', meetingId: MEETING };
    expect(writeOffLoan(doc, writeOff, treasurer, clock)).toEqual(refused);
    const count = { fundId: activity, meetingId: MEETING, date: DAY, expected: 10, counted: 5, note: '' };
    expect(recordCashCount(doc, count, treasurer, clock)).toEqual(refused);
    expect(
      reverseEntry(
        doc,
        { entryId: duesId, date: DAY, note: 'Ghi nhầm', meetingId: MEETING },
        treasurer,
        clock,
      ),
    ).toEqual(refused);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(readMoneyLocks(doc)).toEqual({ [MEETING]: { approvedAt: APPROVED_AT, reopenings: 0 } });
  });

  it('still records at other meetings, and corrects the locked meeting’s money at a later one', () => {
    const { doc, duesId } = lockedBook();
    ok(recordEntry(doc, dues(null), treasurer, clockAt(DAY, 10)));
    ok(recordEntry(doc, dues(LATER_MEETING), treasurer, clockAt(DAY, 11)));
    ok(
      reverseEntry(
        doc,
        { entryId: duesId, date: DAY, note: 'Ghi nhầm', meetingId: LATER_MEETING },
        treasurer,
        clockAt(DAY, 12),
      ),
    );
    expect(readMoney(doc).entries).toHaveLength(6);
  });

  it('is lifted by a reopening the minutes record, and never by an old copy of them', () => {
    const { doc } = lockedBook();
    const old: MinutesApprovalInput = { meetingId: MEETING, approvedAt: null, reopenings: 0 };
    expect(ok(followMinutesForMoney(doc, old, treasurer))).toBe(false);
    expect(recordEntry(doc, dues(), treasurer, clockAt(DAY, 10))).toEqual(refused);
    expect(ok(followMinutesForMoney(doc, { ...old, reopenings: 1 }, chair))).toBe(true);
    ok(recordEntry(doc, dues(), treasurer, clockAt(DAY, 11)));
    expect(readMoneyLocks(doc)).toEqual({});
  });

  it('keeps an entry recorded offline before the lock arrived, out of the approved minutes, in every order', () => {
    for (const order of permutations(['toOffline', 'toApprover'] as const)) {
      const doc = newBook();
      const offline = fork(doc);
      ok(followMinutesForMoney(doc, approved(), chair));
      ok(recordEntry(offline, dues(), treasurer, clockAt(DAY)));
      for (const step of order) step === 'toOffline' ? deliver(doc, offline) : deliver(offline, doc);
      for (const tablet of [doc, offline]) {
        const view = readMoney(tablet);
        expect(view.entries.map((e) => e.amount)).toEqual([200_000]);
        // Recorded after the approval's time (clockAt noon > 10:30), so the approved minutes leave it out.
        expect(getMeetingMoney(view, MEETING, APPROVED_AT).entries).toEqual([]);
        expect(readMoneyLocks(tablet)[MEETING]?.approvedAt).toBe(APPROVED_AT);
      }
      // Once the lock has reached the offline tablet, it refuses the next one.
      if (order[0] === 'toOffline' || order[1] === 'toOffline')
        expect(recordEntry(offline, dues(), treasurer, clockAt(DAY, 1))).toEqual(refused);
    }
  });
});
