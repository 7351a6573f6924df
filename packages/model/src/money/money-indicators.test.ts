import { describe, expect, it } from 'vitest';
import { updateMoneyRules } from './book-commands';
import { getCashBook } from './ledger';
import { payOutLoan, recordRepayment } from './loan-commands';
import { recordEntry, reverseEntry } from './money-commands';
import { clockAt, HUNG, LAN, MAI, MEETING, newBook, ok, treasurer } from './money-fixtures';
import { getDuesPosition, getMemberPosition, getMoneyIndicators } from './money-indicators';
import type { FundId } from './money-types';
import { readMoney } from './read-money';

const income = 'income' as FundId;
const activity = 'activity' as FundId;
const members = [
  { id: LAN, joinedOn: '2024-01-10' },
  { id: HUNG, joinedOn: '2026-02-15' },
  { id: MAI, joinedOn: '2024-05-01', left: { on: '2026-01-20' } },
];

describe('cash book, positions and indicators', () => {
  it('writes the cash book of a fund with its running balance, corrections kept as lines', () => {
    const doc = newBook();
    ok(
      recordEntry(
        doc,
        { fundId: activity, kind: 'contribution', amount: 200_000, date: '2026-01-05', memberId: LAN },
        treasurer,
        clockAt('2026-01-05'),
      ),
    );
    const wrong = ok(
      recordEntry(
        doc,
        { fundId: activity, kind: 'expense', amount: 150_000, date: '2026-02-01', note: 'quà' },
        treasurer,
        clockAt('2026-02-01'),
      ),
    );
    ok(
      recordEntry(
        doc,
        { fundId: activity, kind: 'transfer', toFundId: income, amount: 30_000, date: '2026-02-10' },
        treasurer,
        clockAt('2026-02-10'),
      ),
    );
    ok(
      reverseEntry(
        doc,
        { entryId: wrong, date: '2026-02-20', note: 'nhầm số' },
        treasurer,
        clockAt('2026-02-20'),
      ),
    );
    const book = getCashBook(readMoney(doc), activity);
    expect(book.lines.map((l) => [l.entry.kind, l.change, l.balance, l.reversed])).toEqual([
      ['contribution', 200_000, 200_000, false],
      ['expense', -150_000, 50_000, true],
      ['transfer', -30_000, 20_000, false],
      ['correction', 150_000, 170_000, false],
    ]);
    expect(
      getCashBook(readMoney(doc), activity, { from: '2026-02-05', kinds: ['correction'] }),
    ).toMatchObject({ opening: 50_000, closing: 170_000 });
    expect(getCashBook(readMoney(doc), income).closing).toBe(30_000);
  });

  it('counts dues owed per period from joining (or the rules’ start) to today or leaving', () => {
    const doc = newBook();
    ok(updateMoneyRules(doc, { duesAmount: 10_000, duesPeriod: 'month', duesFrom: '2026-01-01' }, treasurer));
    ok(
      recordEntry(
        doc,
        { fundId: activity, kind: 'dues', amount: 30_000, date: '2026-03-01', memberId: LAN },
        treasurer,
        clockAt('2026-03-01'),
      ),
    );
    ok(
      recordEntry(
        doc,
        { fundId: activity, kind: 'dues', amount: 10_000, date: '2026-03-01', memberId: HUNG },
        treasurer,
        clockAt('2026-03-01'),
      ),
    );
    const view = readMoney(doc);
    const [lan, hung, mai] = members.map((m) => getDuesPosition(view, m, '2026-03-20'));
    expect(lan).toEqual({ periods: 3, owed: 30_000, paid: 30_000, behind: 0, upToDate: true });
    // February is over and paid; March's 10.000 is still to collect but not late.
    expect(hung).toEqual({ periods: 2, owed: 20_000, paid: 10_000, behind: 10_000, upToDate: true });
    expect(mai).toMatchObject({ periods: 1, owed: 10_000, behind: 10_000 });
    ok(updateMoneyRules(doc, { duesPeriod: 'quarter' }, treasurer));
    expect(getDuesPosition(readMoney(doc), members[0] as (typeof members)[0], '2026-04-01')).toMatchObject({
      periods: 2,
      owed: 20_000,
    });
  });

  it('gives each member’s position and the club’s indicators against its targets, overdue by age', () => {
    const doc = newBook();
    ok(updateMoneyRules(doc, { duesAmount: 60_000, duesPeriod: 'year', duesFrom: '2025-01-01' }, treasurer));
    ok(
      recordEntry(
        doc,
        { fundId: income, kind: 'founding', amount: 25_000_000, date: '2025-06-01' },
        treasurer,
        clockAt('2025-06-01'),
      ),
    );
    ok(
      recordEntry(
        doc,
        {
          fundId: activity,
          kind: 'dues',
          amount: 60_000,
          date: '2026-01-15',
          memberId: LAN,
          meetingId: MEETING,
        },
        treasurer,
        clockAt('2026-01-15'),
      ),
    );
    // Lan: repaid in full. Hùng: nothing paid of 3 instalments due 15/02, 15/03, 15/04 (64 days on 20/04). Mai: current.
    const lan = ok(
      payOutLoan(
        doc,
        {
          memberId: LAN,
          amount: 1_000_000,
          termMonths: 1,
          monthlyRateBp: 100,
          startOn: '2025-07-01',
          purpose: '',
          meetingId: null,
        },
        treasurer,
        clockAt('2025-07-01'),
      ),
    ).loanId;
    ok(
      recordRepayment(
        doc,
        { loanId: lan, principal: 1_000_000, interest: 10_000, date: '2025-08-01' },
        treasurer,
        clockAt('2025-08-01'),
      ),
    );
    ok(
      payOutLoan(
        doc,
        {
          memberId: HUNG,
          amount: 3_000_000,
          plan: 'instalments',
          method: 'flat',
          termMonths: 3,
          monthlyRateBp: 100,
          startOn: '2026-01-15',
          purpose: '',
          meetingId: null,
        },
        treasurer,
        clockAt('2026-01-15'),
      ),
    );
    ok(
      payOutLoan(
        doc,
        { memberId: MAI, amount: 2_000_000, startOn: '2026-04-01', purpose: '', meetingId: null },
        treasurer,
        clockAt('2026-04-01'),
      ),
    );
    const view = readMoney(doc);
    const today = '2026-04-20';
    const hung = getMemberPosition(view, members[1] as (typeof members)[1], today);
    expect(hung).toMatchObject({ outstanding: 3_000_000, dues: { owed: 60_000, paid: 0 } });
    // 3 instalments of 1.000.000 + 30.000, all due and unpaid.
    expect(hung.dueNow).toBe(3_090_000);
    const indicators = getMoneyIndicators(view, members, today);
    expect(indicators.everBorrowed).toEqual({ count: 3, of: 3, percent: 100, target: 50, meetsTarget: true });
    expect(indicators.borrowingNow).toEqual({
      count: 2,
      of: 3,
      percent: 66.7,
      target: 50,
      meetsTarget: true,
    });
    // Lan paid 2025 (over); Hùng joined in 2026 (not over yet); Mai left owing 2025.
    expect(indicators.duesPaid).toEqual({ count: 2, of: 3, percent: 66.7, target: 70, meetsTarget: false });
    expect(indicators.overdue).toEqual([
      { age: '1-30', loans: 0, overdue: 0, outstanding: 0 },
      { age: '31-90', loans: 1, overdue: 3_090_000, outstanding: 3_000_000 },
      { age: '90+', loans: 0, overdue: 0, outstanding: 0 },
    ]);
    // Cash 25.000.000 − 1.000.000 + 1.010.000 − 3.000.000 − 2.000.000; lent 5.000.000.
    expect(indicators.funds.map((f) => [f.fund.id, f.cash, f.lent, f.size, f.meetsTarget])).toEqual([
      ['income', 20_010_000, 5_000_000, 25_010_000, true],
      ['activity', 60_000, 0, 60_000, true],
    ]);
  });
});
