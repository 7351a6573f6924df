import type { IsoDate } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { cashBookFilter, kindsOf, periodBounds } from './cash-book-filter';

const today = '2026-03-15' as IsoDate;

describe('the cash book filters', () => {
  it('turn a period into inclusive dates around today', () => {
    expect(periodBounds('all', today)).toEqual({});
    expect(periodBounds('month', today)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(periodBounds('year', today)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('find last month across a new year and in a leap February', () => {
    expect(periodBounds('lastMonth', '2026-01-10' as IsoDate)).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
    expect(periodBounds('lastMonth', '2028-03-01' as IsoDate)).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
  });

  it('leave an open end of a custom period open', () => {
    expect(periodBounds('custom', today, { from: '2026-02-01' as IsoDate, to: null })).toEqual({
      from: '2026-02-01',
    });
  });

  it('keep corrections with receipts and payments, and one kind alone when one is chosen', () => {
    expect(kindsOf('receipts')).toContain('correction');
    expect(kindsOf('receipts')).toContain('dues');
    expect(kindsOf('receipts')).not.toContain('expense');
    expect(kindsOf('payments')).toEqual(expect.arrayContaining(['loanPayout', 'expense', 'correction']));
    expect(kindsOf('dues')).toEqual(['dues']);
    expect(cashBookFilter('all', 'all', today)).toEqual({});
  });
});
