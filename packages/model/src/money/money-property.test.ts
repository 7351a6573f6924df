import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getCashBook } from './ledger';
import { listLoanStates } from './loan-state';
import { fork, newBook } from './money-fixtures';
import { listDuplicateEntries, listNegativeBalances } from './money-flags';
import { getMoneyIndicators } from './money-indicators';
import { apply, FUNDS, MEMBERS, op, TODAY, tablet } from './money-random-ops';
import type { MoneyView } from './money-types';
import { readMoney } from './read-money';

/** Everything a screen shows, computed on one tablet. */
function figures(view: MoneyView) {
  const members = MEMBERS.map((id) => ({ id, joinedOn: '2025-01-01' }));
  return {
    indicators: getMoneyIndicators(view, members, TODAY),
    books: FUNDS.map((f) => getCashBook(view, f)),
    loans: listLoanStates(view, TODAY),
    duplicates: listDuplicateEntries(view),
    negative: listNegativeBalances(view),
  };
}

/** An independent reference: each standing entry's effect summed by fund, ignoring order altogether. */
function referenceCash(view: MoneyView): Record<string, number> {
  const reversed = new Set(view.entries.filter((e) => e.kind === 'correction').map((e) => e.reverses));
  const cash: Record<string, number> = { income: 0, activity: 0 };
  for (const e of view.entries) {
    if (e.kind === 'correction' || reversed.has(e.id)) continue;
    const sign = ['loanPayout', 'expense', 'transfer'].includes(e.kind) ? -1 : 1;
    cash[e.fundId] = (cash[e.fundId] ?? 0) + sign * e.amount;
    if (e.kind === 'transfer' && e.toFundId !== null) cash[e.toFundId] = (cash[e.toFundId] ?? 0) + e.amount;
  }
  return cash;
}

describe('money balances (property)', () => {
  it('give three tablets the same exact figures whatever order the entries reached them in', () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(tablet, tablet), { maxLength: 12 }),
        (ops, finalOrder) => {
          const start = newBook();
          const docs = [fork(start), fork(start), fork(start)];
          for (const [i, o] of ops.entries()) apply(docs, o, i);
          // Random partial exchanges, then everything to everyone in a fixed and then a reversed round.
          for (const [from, to] of finalOrder) apply(docs, { type: 'sync', from, to }, 0);
          for (const order of [
            [0, 1, 2],
            [2, 1, 0],
          ])
            for (const from of order) for (const to of order) apply(docs, { type: 'sync', from, to }, 0);
          const views = docs.map(readMoney);
          const [first, ...rest] = views.map(figures);
          for (const other of rest) expect(other).toEqual(first);
          const cash = Object.fromEntries(first?.indicators.funds.map((f) => [f.fund.id, f.cash]) ?? []);
          expect(cash).toEqual(referenceCash(views[0] as MoneyView));
          for (const f of first?.indicators.funds ?? [])
            expect(Number.isSafeInteger(f.cash) && Number.isSafeInteger(f.size)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
    // 60 runs of three docs take about 1 s alone; on a machine shared with other builds, several times that.
  }, 60_000);
});
