import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MemberId } from '../ids/ids';
import { listLoanStates } from './loan-state';
import { CLUB, treasurer } from './money-fixtures';
import { listDuplicateEntries, listNegativeBalances } from './money-flags';
import { getMoneyIndicators } from './money-indicators';
import { readMoney } from './read-money';
import { seedSampleMoney } from './sample-money';

describe('seedSampleMoney', () => {
  it('writes a year of a club’s money through the commands, the same for the same seed', () => {
    const memberIds = Array.from(
      { length: 20 },
      (_, i) => `sample-member-${String(i).padStart(4, '0')}` as MemberId,
    );
    const make = () => {
      const doc = new Y.Doc();
      seedSampleMoney(doc, { clubId: CLUB, memberIds, today: '2026-12-03', months: 12 }, treasurer);
      return readMoney(doc);
    };
    const view = make();
    // Ids are random (and order the parts of one repayment); everything else is the seed's.
    const withoutIds = (v: typeof view) => [
      v.entries.map(({ id: _id, loanId: _loan, ...rest }) => JSON.stringify(rest)).sort(),
      v.loans.map(({ id: _id, ...rest }) => rest),
    ];
    expect(withoutIds(make())).toEqual(withoutIds(view));
    // Fewer than 4–5 a month: the committee lends only the cash the income fund holds.
    expect(view.loans).toHaveLength(44);
    expect(listNegativeBalances(view)).toEqual([]);
    expect(view.entries.filter((e) => e.kind === 'dues')).toHaveLength(240);
    expect(view.entries.filter((e) => e.kind === 'expense')).toHaveLength(36);
    const statuses = new Set(listLoanStates(view, '2026-12-03').map((s) => s.status));
    expect([...statuses].sort()).toEqual(['current', 'overdue', 'repaid']);
    expect(listDuplicateEntries(view)).toEqual([]);
    const indicators = getMoneyIndicators(
      view,
      memberIds.map((id) => ({ id, joinedOn: '2020-01-01' })),
      '2026-12-03',
    );
    expect(indicators.duesPaid?.meetsTarget).toBe(true);
    expect(indicators.everBorrowed.count).toBeGreaterThan(10);
  });
});
