import type { LoanState } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { overdueLoans } from './overdue-print-page';

function state(id: string, status: LoanState['status'], daysOverdue: number, outstanding: number): LoanState {
  return { loan: { id }, status, daysOverdue, outstanding } as unknown as LoanState;
}

describe('overdueLoans', () => {
  it('keeps only overdue loans, the most days late first, then the most owed', () => {
    const rows = overdueLoans([
      state('a', 'current', 0, 1_000_000),
      state('b', 'overdue', 12, 500_000),
      state('c', 'overdue', 95, 2_000_000),
      state('d', 'repaid', 0, 0),
      state('e', 'overdue', 12, 900_000),
      state('f', 'writtenOff', 200, 300_000),
    ]);
    expect(rows.map((s) => s.loan.id)).toEqual(['c', 'e', 'b']);
  });
});
