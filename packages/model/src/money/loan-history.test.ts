import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { IsoDate } from '../ids/ids';
import { payOutLoan, recordRepayment } from './loan-commands';
import { listLoanHistory } from './loan-history';
import { getMeetingMoney } from './minutes-money';
import { recordEntry, reverseEntry } from './money-commands';
import { chair, clockAt, fork, LAN, MEETING, newBook, ok, treasurer } from './money-fixtures';
import type { FundId } from './money-types';
import { readMoney } from './read-money';

const DAY = '2026-03-10' as IsoDate;

describe('listLoanHistory', () => {
  it('says who recorded what on a loan, newest first, with the names the book keeps from every tablet', () => {
    const doc = newBook();
    const { loanId } = ok(
      payOutLoan(
        doc,
        {
          memberId: LAN,
          amount: 3_000_000,
          termMonths: 6,
          startOn: '2026-01-10',
          purpose: 'Nuôi heo',
          meetingId: null,
        },
        treasurer,
        clockAt('2026-01-10'),
      ),
    );
    // The chair records a repayment on another tablet, offline; both tablets then exchange updates.
    const other = fork(doc);
    const [principal] = ok(
      recordRepayment(other, { loanId, principal: 500_000, interest: 0, date: DAY }, chair, clockAt(DAY, 1)),
    );
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    ok(
      reverseEntry(
        doc,
        { entryId: principal as never, date: DAY, note: 'Ghi nhầm' },
        treasurer,
        clockAt(DAY, 2),
      ),
    );
    const history = listLoanHistory(readMoney(doc), loanId);
    expect(history.map((e) => (e.type === 'entry' ? [e.name, e.entry.kind, e.entry.amount] : []))).toEqual([
      ['Hoa', 'correction', 500_000],
      ['Bình', 'principalRepaid', 500_000],
      ['Hoa', 'loanPayout', 3_000_000],
    ]);
    const [correction] = history;
    expect(correction?.type === 'entry' && correction.cancels?.id).toBe(principal);
    expect(readMoney(doc).authors).toEqual({ treasurer: 'Hoa', chair: 'Bình' });
  });
});

describe('getMeetingMoney as approved', () => {
  it('leaves out what was recorded after the approval, a later correction included', () => {
    const doc = newBook();
    const dues = ok(
      recordEntry(
        doc,
        {
          fundId: 'activity' as FundId,
          kind: 'dues',
          amount: 20_000,
          date: DAY,
          memberId: LAN,
          meetingId: MEETING,
        },
        treasurer,
        clockAt(DAY),
      ),
    );
    const approvedAt = new Date(Date.parse(`${DAY}T12:00:00.000Z`) + 500).toISOString();
    ok(reverseEntry(doc, { entryId: dues, date: DAY, note: 'Trả lại' }, treasurer, clockAt(DAY, 1_000)));
    const view = readMoney(doc);
    expect(getMeetingMoney(view, MEETING)).toMatchObject({ received: 0 });
    const asApproved = getMeetingMoney(view, MEETING, approvedAt);
    expect(asApproved).toMatchObject({ received: 20_000, paid: 0 });
    expect(asApproved.reversed.size).toBe(0);
  });
});
