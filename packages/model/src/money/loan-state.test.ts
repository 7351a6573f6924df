import { describe, expect, it } from 'vitest';
import { updateMoneyRules } from './book-commands';
import { payOutLoan, recordRepayment, validateLoan, writeOffLoan } from './loan-commands';
import { listLoanStates } from './loan-state';
import { recordEntry, reverseEntry } from './money-commands';
import { clockAt, LAN, MEETING, newBook, ok, treasurer } from './money-fixtures';
import type { FundId, LoanId } from './money-types';
import { readMoney } from './read-money';

const income = 'income' as FundId;

function bookWithCapital() {
  const doc = newBook();
  ok(
    recordEntry(
      doc,
      { fundId: income, kind: 'founding', amount: 35_000_000, date: '2025-12-01' },
      treasurer,
      clockAt('2025-12-01'),
    ),
  );
  return doc;
}

function stateOn(doc: ReturnType<typeof newBook>, loanId: LoanId, today: string) {
  const state = listLoanStates(readMoney(doc), today).find((s) => s.loan.id === loanId);
  if (state === undefined) throw new Error('no loan');
  return state;
}

describe('loan state (worked examples)', () => {
  it('early repayment on the declining balance: interest stops after the month in which it was repaid', () => {
    const doc = bookWithCapital();
    // 3.000.000 đ at 1 %/month, principal at the end of 12 months.
    const { loanId } = ok(
      payOutLoan(
        doc,
        {
          memberId: LAN,
          amount: 3_000_000,
          monthlyRateBp: 100,
          method: 'declining',
          plan: 'bullet',
          termMonths: 12,
          startOn: '2026-01-10',
          purpose: 'nuôi heo',
          meetingId: MEETING,
        },
        treasurer,
        clockAt('2026-01-10'),
      ),
    );
    ok(
      recordRepayment(
        doc,
        { loanId, principal: 0, interest: 30_000, date: '2026-02-10' },
        treasurer,
        clockAt('2026-02-10'),
      ),
    );
    ok(
      recordRepayment(
        doc,
        { loanId, principal: 0, interest: 30_000, date: '2026-03-10' },
        treasurer,
        clockAt('2026-03-10'),
      ),
    );
    const before = stateOn(doc, loanId, '2026-03-25');
    expect(before).toMatchObject({
      status: 'current',
      outstanding: 3_000_000,
      interestCharged: 60_000,
      daysOverdue: 0,
    });
    expect(before.next).toEqual({ dueOn: '2026-04-10', principal: 0, interest: 30_000 });
    // Month 3 began on 10/03 with 3.000.000 owed: its 30.000 is due in full with the early principal.
    ok(
      recordRepayment(
        doc,
        { loanId, principal: 3_000_000, interest: 30_000, date: '2026-03-25' },
        treasurer,
        clockAt('2026-03-25'),
      ),
    );
    const after = stateOn(doc, loanId, '2026-05-01');
    expect(after).toMatchObject({
      status: 'repaid',
      outstanding: 0,
      interestTotal: 90_000,
      interestPaid: 90_000,
      next: null,
    });
    expect(after.due.total).toBe(0);
  });

  it('a partial repayment on a due date lowers the next month’s declining interest', () => {
    const doc = bookWithCapital();
    const { loanId } = ok(
      payOutLoan(
        doc,
        {
          memberId: LAN,
          amount: 3_000_000,
          monthlyRateBp: 100,
          method: 'declining',
          plan: 'bullet',
          termMonths: 6,
          startOn: '2026-01-10',
          purpose: '',
          meetingId: null,
        },
        treasurer,
        clockAt('2026-01-10'),
      ),
    );
    ok(
      recordRepayment(
        doc,
        { loanId, principal: 0, interest: 30_000, date: '2026-02-10' },
        treasurer,
        clockAt('2026-02-10'),
      ),
    );
    ok(
      recordRepayment(
        doc,
        { loanId, principal: 1_000_000, interest: 30_000, date: '2026-03-10' },
        treasurer,
        clockAt('2026-03-10'),
      ),
    );
    const state = stateOn(doc, loanId, '2026-04-10');
    // 30.000 + 30.000 + 1 % of 2.000.000.
    expect(state).toMatchObject({
      outstanding: 2_000_000,
      interestCharged: 80_000,
      status: 'current',
      daysOverdue: 0,
    });
    expect(state.due).toEqual({ principal: 0, interest: 20_000, penalty: 0, total: 20_000 });
    // On the flat method the same payment changes nothing: 1 % of the original 3.000.000.
    const flat = ok(
      payOutLoan(
        doc,
        {
          memberId: LAN,
          amount: 3_000_000,
          monthlyRateBp: 100,
          method: 'flat',
          plan: 'bullet',
          termMonths: 6,
          startOn: '2026-01-10',
          purpose: '',
          meetingId: null,
        },
        treasurer,
        clockAt('2026-01-10'),
      ),
    ).loanId;
    ok(
      recordRepayment(
        doc,
        { loanId: flat, principal: 1_000_000, interest: 60_000, date: '2026-03-10' },
        treasurer,
        clockAt('2026-03-10'),
      ),
    );
    expect(stateOn(doc, flat, '2026-04-10')).toMatchObject({
      interestCharged: 90_000,
      due: { interest: 30_000 },
    });
  });

  it('a late payment: overdue from the first unpaid due date, aged, penalised by the club’s rule, then current again', () => {
    const doc = bookWithCapital();
    ok(updateMoneyRules(doc, { latePenaltyBp: 200 }, treasurer));
    // 1.200.000 đ flat 1 % in 12 instalments of 100.000 + 12.000 interest.
    const { loanId } = ok(
      payOutLoan(
        doc,
        {
          memberId: LAN,
          amount: 1_200_000,
          monthlyRateBp: 100,
          method: 'flat',
          plan: 'instalments',
          termMonths: 12,
          startOn: '2026-01-05',
          purpose: 'buôn bán nhỏ',
          meetingId: null,
        },
        treasurer,
        clockAt('2026-01-05'),
      ),
    );
    ok(
      recordRepayment(
        doc,
        { loanId, principal: 100_000, interest: 12_000, date: '2026-02-05' },
        treasurer,
        clockAt('2026-02-05'),
      ),
    );
    expect(stateOn(doc, loanId, '2026-03-05')).toMatchObject({
      status: 'current',
      daysOverdue: 0,
      due: { total: 112_000 },
    });
    const late = stateOn(doc, loanId, '2026-04-20');
    // Months 2 and 3 unpaid; 46 days since 05/03; 2 started months × 2 % × 224.000 = 8.960 → 9.000.
    expect(late).toMatchObject({ status: 'overdue', daysOverdue: 46 });
    expect(late.due).toEqual({ principal: 200_000, interest: 24_000, penalty: 9_000, total: 233_000 });
    ok(
      recordRepayment(
        doc,
        { loanId, principal: 200_000, interest: 24_000, penalty: 9_000, date: '2026-04-21' },
        treasurer,
        clockAt('2026-04-21'),
      ),
    );
    expect(stateOn(doc, loanId, '2026-04-21')).toMatchObject({
      status: 'current',
      daysOverdue: 0,
      outstanding: 900_000,
      due: { total: 0 },
    });
  });

  it('counts a loan overdue only past the club’s grace days', () => {
    const doc = bookWithCapital();
    ok(updateMoneyRules(doc, { lateGraceDays: 10 }, treasurer));
    const { loanId } = ok(
      payOutLoan(
        doc,
        { memberId: LAN, amount: 2_000_000, startOn: '2026-01-05', purpose: '', meetingId: null },
        treasurer,
        clockAt('2026-01-05'),
      ),
    );
    expect(stateOn(doc, loanId, '2026-02-15')).toMatchObject({ status: 'current', daysOverdue: 10 });
    expect(stateOn(doc, loanId, '2026-02-16')).toMatchObject({ status: 'overdue', daysOverdue: 11 });
  });

  it('writes off by decision and cancels a loan whose payout was reversed', () => {
    const doc = bookWithCapital();
    const a = ok(
      payOutLoan(
        doc,
        { memberId: LAN, amount: 1_000_000, startOn: '2026-01-05', purpose: '', meetingId: null },
        treasurer,
        clockAt('2026-01-05'),
      ),
    );
    const b = ok(
      payOutLoan(
        doc,
        { memberId: LAN, amount: 1_000_000, startOn: '2026-01-05', purpose: '', meetingId: null },
        treasurer,
        clockAt('2026-01-05', 1),
      ),
    );
    ok(
      writeOffLoan(
        doc,
        { loanId: a.loanId, on: '2026-06-01', meetingId: MEETING, note: 'gia đình gặp nạn' },
        treasurer,
        clockAt('2026-06-01'),
      ),
    );
    ok(
      reverseEntry(
        doc,
        { entryId: b.entryId, date: '2026-01-06', note: 'ghi nhầm' },
        treasurer,
        clockAt('2026-01-06'),
      ),
    );
    expect(stateOn(doc, a.loanId, '2026-07-01').status).toBe('writtenOff');
    expect(stateOn(doc, b.loanId, '2026-07-01').status).toBe('cancelled');
  });

  it('refuses a loan over the fund rules and warns when the fund has not the cash', () => {
    const doc = newBook();
    const view = readMoney(doc);
    const input = {
      memberId: LAN,
      amount: 12_000_000,
      monthlyRateBp: 150,
      termMonths: 24,
      startOn: '2026-05-01',
      purpose: '',
      meetingId: null,
    };
    const checked = validateLoan(view, input, '2026-04-01');
    expect(checked.error?.fields).toEqual({
      amount: 'numberRange',
      monthlyRateBp: 'numberRange',
      termMonths: 'numberRange',
      startOn: 'dateInFuture',
    });
    expect(
      validateLoan(
        view,
        { ...input, amount: 1_000_000, monthlyRateBp: 50, termMonths: 6, startOn: '2026-04-01' },
        '2026-04-01',
      ),
    ).toEqual({
      error: null,
      warnings: [{ type: 'overBalance', balance: 0 }],
    });
    expect(payOutLoan(doc, input, treasurer, clockAt('2026-04-01')).ok).toBe(false);
    expect(readMoney(doc).loans).toEqual([]);
  });

  it('refuses a repayment of more principal than is owed', () => {
    const doc = bookWithCapital();
    const { loanId } = ok(
      payOutLoan(
        doc,
        { memberId: LAN, amount: 1_000_000, startOn: '2026-01-05', purpose: '', meetingId: null },
        treasurer,
        clockAt('2026-01-05'),
      ),
    );
    expect(
      recordRepayment(
        doc,
        { loanId, principal: 1_000_001, interest: 0, date: '2026-02-05' },
        treasurer,
        clockAt('2026-02-05'),
      ),
    ).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { principal: 'numberRange' } },
    });
    ok(
      recordRepayment(
        doc,
        { loanId, principal: 600_000, interest: 0, date: '2026-02-05' },
        treasurer,
        clockAt('2026-02-05'),
      ),
    );
    const entry = { fundId: income, kind: 'principalRepaid' as const, loanId, date: '2026-02-06' };
    expect(recordEntry(doc, { ...entry, amount: 400_001 }, treasurer, clockAt('2026-02-06'))).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { amount: 'numberRange' } },
    });
    expect(recordEntry(doc, { ...entry, amount: 400_000 }, treasurer, clockAt('2026-02-06')).ok).toBe(true);
  });
});
