import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { permutations } from '../../test/peers';
import { payOutLoan, recordRepayment } from './loan-commands';
import { listLoanStates } from './loan-state';
import { confirmDuplicate, recordEntry, reverseEntry } from './money-commands';
import { chair, clockAt, fork, LAN, MEETING, newBook, ok, treasurer } from './money-fixtures';
import { listDuplicateEntries, listIdleCorrections, listNegativeBalances } from './money-flags';
import { getFundBalances } from './money-indicators';
import type { FundId, MoneyView } from './money-types';
import { readMoney } from './read-money';

const income = 'income' as FundId;
const activity = 'activity' as FundId;
const TODAY = '2026-04-10';

/** Every order in which the tablets' updates can reach a fresh tablet, and each tablet from the others. */
function mergedInEveryOrder(docs: readonly Y.Doc[]): MoneyView[] {
  const states = docs.map((d) => Y.encodeStateAsUpdate(d));
  const views: MoneyView[] = [];
  for (const order of permutations(states)) {
    const observer = new Y.Doc();
    for (const state of order) Y.applyUpdate(observer, state, { type: 'remote', source: 'test' });
    views.push(readMoney(observer));
  }
  docs.forEach((doc, i) => {
    for (const order of permutations(docs.filter((_, j) => j !== i))) {
      const replica = fork(doc);
      for (const other of order)
        Y.applyUpdate(replica, Y.encodeStateAsUpdate(other, Y.encodeStateVector(replica)));
      views.push(readMoney(replica));
    }
  });
  return views;
}

function converged(docs: readonly Y.Doc[]): MoneyView {
  const [first, ...rest] = mergedInEveryOrder(docs);
  if (first === undefined) throw new Error('no tablets');
  for (const view of rest) expect(view).toEqual(first);
  return first;
}

function lentBook() {
  const doc = newBook();
  ok(
    recordEntry(
      doc,
      { fundId: income, kind: 'founding', amount: 20_000_000, date: '2026-01-01' },
      treasurer,
      clockAt('2026-01-01'),
    ),
  );
  const { loanId } = ok(
    payOutLoan(
      doc,
      {
        memberId: LAN,
        amount: 2_000_000,
        monthlyRateBp: 100,
        method: 'flat',
        plan: 'instalments',
        termMonths: 4,
        startOn: '2026-01-10',
        purpose: 'nuôi gà',
        meetingId: null,
      },
      treasurer,
      clockAt('2026-01-10'),
    ),
  );
  return { doc, loanId };
}

describe('money concurrency', () => {
  it('keeps both repayments of one loan recorded on two tablets offline, in every order', () => {
    const { doc, loanId } = lentBook();
    const [a, b] = [fork(doc), fork(doc)] as [Y.Doc, Y.Doc];
    ok(
      recordRepayment(
        a,
        { loanId, principal: 500_000, interest: 20_000, date: '2026-02-10', meetingId: MEETING },
        treasurer,
        clockAt('2026-02-10'),
      ),
    );
    ok(
      recordRepayment(
        b,
        { loanId, principal: 500_000, interest: 20_000, date: '2026-03-10' },
        chair,
        clockAt('2026-03-10'),
      ),
    );
    const view = converged([doc, a, b]);
    const [state] = listLoanStates(view, TODAY);
    expect(state).toMatchObject({
      principalPaid: 1_000_000,
      interestPaid: 40_000,
      outstanding: 1_000_000,
      status: 'current',
    });
    // 20.000.000 − 2.000.000 + 1.000.000 + 40.000.
    expect(getFundBalances(view, TODAY).find((f) => f.fund.id === income)).toMatchObject({
      cash: 19_040_000,
      lent: 1_000_000,
      size: 20_040_000,
    });
    expect(listDuplicateEntries(view)).toEqual([]);
  });

  it('keeps the same repayment entered on two tablets twice, flags it, and the treasurer reverses one', () => {
    const { doc, loanId } = lentBook();
    const [a, b] = [fork(doc), fork(doc)] as [Y.Doc, Y.Doc];
    const same = { loanId, principal: 500_000, interest: 20_000, date: '2026-02-10', meetingId: MEETING };
    ok(recordRepayment(a, same, treasurer, clockAt('2026-02-10')));
    ok(recordRepayment(b, same, chair, clockAt('2026-02-10', 5)));
    const view = converged([doc, a, b]);
    expect(view.entries.filter((e) => e.kind === 'principalRepaid')).toHaveLength(2);
    const flagged = listDuplicateEntries(view);
    expect(flagged.map((d) => d.entries.map((e) => e.kind).join()).sort()).toEqual([
      'interestPaid,interestPaid',
      'principalRepaid,principalRepaid',
    ]);
    expect(listLoanStates(view, TODAY)[0]?.principalPaid).toBe(1_000_000);

    // On tablet a, once merged: reverse the principal copy, confirm nothing else.
    for (const other of [doc, b]) Y.applyUpdate(a, Y.encodeStateAsUpdate(other));
    const principalPair = listDuplicateEntries(readMoney(a)).find(
      (d) => d.entries[0]?.kind === 'principalRepaid',
    );
    const interestPair = listDuplicateEntries(readMoney(a)).find(
      (d) => d.entries[0]?.kind === 'interestPaid',
    );
    if (principalPair === undefined || interestPair === undefined) throw new Error('flags missing');
    const second = principalPair.entries[1];
    if (second === undefined) throw new Error('pair of one');
    ok(
      reverseEntry(
        a,
        { entryId: second.id, date: '2026-02-11', note: 'nhập trùng' },
        treasurer,
        clockAt('2026-02-11'),
      ),
    );
    expect(
      reverseEntry(a, { entryId: second.id, date: '2026-02-11', note: '' }, treasurer, clockAt('2026-02-11')),
    ).toEqual({
      ok: false,
      error: { type: 'alreadyReversed', id: second.id },
    });
    ok(confirmDuplicate(a, interestPair.key, treasurer));
    const after = converged([a, b]);
    expect(listDuplicateEntries(after)).toEqual([]);
    expect(listLoanStates(after, TODAY)[0]).toMatchObject({ principalPaid: 500_000, interestPaid: 40_000 });
  });

  it('allows a payment that takes a fund below zero, and flags it', () => {
    const doc = newBook();
    ok(
      recordEntry(
        doc,
        { fundId: activity, kind: 'contribution', amount: 300_000, date: '2026-03-01', memberId: LAN },
        treasurer,
        clockAt('2026-03-01'),
      ),
    );
    const [a, b] = [fork(doc), fork(doc)] as [Y.Doc, Y.Doc];
    const giftA = ok(
      recordEntry(
        a,
        { fundId: activity, kind: 'expense', amount: 200_000, date: '2026-03-05', note: 'thăm ốm' },
        treasurer,
        clockAt('2026-03-05'),
      ),
    );
    const giftB = ok(
      recordEntry(
        b,
        { fundId: activity, kind: 'expense', amount: 200_000, date: '2026-03-06', note: 'quà Tết' },
        chair,
        clockAt('2026-03-06'),
      ),
    );
    expect(listNegativeBalances(readMoney(a))).toEqual([]);
    const view = converged([doc, a, b]);
    expect(view.entries.map((e) => e.id)).toEqual(expect.arrayContaining([giftA, giftB]));
    expect(listNegativeBalances(view)).toEqual([
      { fundId: activity, entryId: giftB, balanceAfter: -100_000 },
    ]);
    expect(getFundBalances(view, TODAY).find((f) => f.fund.id === activity)?.cash).toBe(-100_000);
  });

  it('counts one reversal when two tablets reverse the same entry offline, and lists the other as idle', () => {
    const doc = newBook();
    const gift = ok(
      recordEntry(
        doc,
        { fundId: activity, kind: 'donation', amount: 1_000_000, date: '2026-03-01' },
        treasurer,
        clockAt('2026-03-01'),
      ),
    );
    const [a, b] = [fork(doc), fork(doc)] as [Y.Doc, Y.Doc];
    ok(
      reverseEntry(
        a,
        { entryId: gift, date: '2026-03-02', note: 'sai quỹ' },
        treasurer,
        clockAt('2026-03-02'),
      ),
    );
    ok(
      reverseEntry(
        b,
        { entryId: gift, date: '2026-03-02', note: 'sai quỹ' },
        chair,
        clockAt('2026-03-02', 9),
      ),
    );
    const view = converged([doc, a, b]);
    expect(getFundBalances(view, TODAY).find((f) => f.fund.id === activity)?.cash).toBe(0);
    expect(listIdleCorrections(view)).toHaveLength(1);
  });
});
