import type { CashBook, Entry, FundId } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { cashBookPrintHref, cashBookPrintRows, printPeriod } from './cash-book-print';

const entry = (id: string) => ({ id }) as unknown as Entry;

describe('cashBookPrintRows', () => {
  it('splits changes into receipt and payment columns and sums them', () => {
    const book: CashBook = {
      fundId: 'activity' as FundId,
      opening: 1_000_000,
      lines: [
        { entry: entry('a'), change: 500_000, balance: 1_500_000, reversed: false },
        { entry: entry('b'), change: -200_000, balance: 1_300_000, reversed: true },
        { entry: entry('c'), change: 0, balance: 1_300_000, reversed: false },
      ],
      closing: 1_300_000,
    };
    const sheet = cashBookPrintRows(book);
    expect(sheet.rows.map((r) => [r.receipt, r.payment, r.balance, r.reversed])).toEqual([
      [500_000, 0, 1_500_000, false],
      [0, 200_000, 1_300_000, true],
      [0, 0, 1_300_000, false],
    ]);
    expect(sheet.receipts).toBe(500_000);
    expect(sheet.payments).toBe(200_000);
    expect(sheet.opening + sheet.receipts - sheet.payments).toBe(sheet.closing);
  });
});

describe('the print period from the address', () => {
  it('keeps real ISO dates and drops anything else', () => {
    expect(printPeriod({ from: '2026-01-01', to: '2026-03-31' })).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(printPeriod({ from: '2026-02-30', to: '31/03/2026' })).toEqual({});
    expect(printPeriod({ from: null, to: '2026-12-31' })).toEqual({ to: '2026-12-31' });
  });

  it('builds the link the cash book page prints with', () => {
    expect(cashBookPrintHref('/club/C1/money', 'activity', {})).toBe('/club/C1/money/funds/activity/print');
    expect(cashBookPrintHref('/club/C1/money', 'my fund', { from: '2026-01-01', to: '2026-01-31' })).toBe(
      '/club/C1/money/funds/my%20fund/print?from=2026-01-01&to=2026-01-31',
    );
  });
});
