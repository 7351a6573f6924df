import type { CashBook, Entry, IsoDate } from '@chungtay/model';

export interface CashBookPrintRow {
  readonly entry: Entry;
  readonly receipt: number;
  readonly payment: number;
  readonly balance: number;
  readonly reversed: boolean;
}

export interface CashBookPrint {
  readonly opening: number;
  readonly rows: readonly CashBookPrintRow[];
  readonly receipts: number;
  readonly payments: number;
  readonly closing: number;
}

/**
 * The printed cash book splits each line's change into the receipt and payment columns the paper book
 * has, and sums them, so the commune can check opening + receipts − payments = closing on the sheet.
 */
export function cashBookPrintRows(book: CashBook): CashBookPrint {
  const rows = book.lines.map((line) => ({
    entry: line.entry,
    receipt: Math.max(line.change, 0),
    payment: line.change < 0 ? -line.change : 0,
    balance: line.balance,
    reversed: line.reversed,
  }));
  return {
    opening: book.opening,
    rows,
    receipts: rows.reduce((sum, r) => sum + r.receipt, 0),
    payments: rows.reduce((sum, r) => sum + r.payment, 0),
    closing: book.closing,
  };
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A bound from the address bar: only a real ISO date counts, anything else leaves that side open. */
function isoOrUndefined(value: string | null | undefined): IsoDate | undefined {
  if (value == null || !ISO.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? undefined : value;
}

/** The period the print covers, read from ?from=&to= (the cash book page's filter, carried by its link). */
export function printPeriod(query: { from?: string | null | undefined; to?: string | null | undefined }): {
  from?: IsoDate;
  to?: IsoDate;
} {
  const from = isoOrUndefined(query.from);
  const to = isoOrUndefined(query.to);
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

/** The print's address for a fund and the period shown on the cash book page. */
export function cashBookPrintHref(
  base: string,
  fundId: string,
  period: { from?: IsoDate; to?: IsoDate },
): string {
  const query = new URLSearchParams();
  if (period.from !== undefined) query.set('from', period.from);
  if (period.to !== undefined) query.set('to', period.to);
  const tail = query.toString();
  return `${base}/funds/${encodeURIComponent(fundId)}/print${tail === '' ? '' : `?${tail}`}`;
}
