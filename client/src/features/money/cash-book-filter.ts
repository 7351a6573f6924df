import {
  type CashBookFilter,
  ENTRY_KINDS,
  type EntryKind,
  INCOME_KINDS,
  type IsoDate,
  OUTGOING_KINDS,
} from '@chungtay/model';

export const PERIODS = ['all', 'month', 'lastMonth', 'year', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

export type KindChoice = 'all' | 'receipts' | 'payments' | EntryKind;
export const KIND_CHOICES: readonly KindChoice[] = ['all', 'receipts', 'payments', ...ENTRY_KINDS];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The dates a period covers around `today`; custom uses the typed bounds (ISO, or null when open). */
export function periodBounds(
  period: Period,
  today: IsoDate,
  custom: { readonly from: IsoDate | null; readonly to: IsoDate | null } = { from: null, to: null },
): { from?: IsoDate; to?: IsoDate } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (period) {
    case 'all':
      return {};
    case 'month':
      return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDay(year, month))}` };
    case 'lastMonth': {
      const y = month === 1 ? year - 1 : year;
      const m = month === 1 ? 12 : month - 1;
      return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}` };
    }
    case 'year':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'custom':
      return {
        ...(custom.from === null ? {} : { from: custom.from }),
        ...(custom.to === null ? {} : { to: custom.to }),
      };
  }
}

/**
 * The kinds a choice keeps. Receipts and payments keep the corrections too, so a cancelled line is
 * never shown without the line that cancels it.
 */
export function kindsOf(choice: KindChoice): readonly EntryKind[] | undefined {
  if (choice === 'all') return undefined;
  if (choice === 'receipts') return [...INCOME_KINDS, 'transfer', 'correction'];
  if (choice === 'payments') return [...OUTGOING_KINDS, 'transfer', 'correction'];
  return [choice];
}

export function cashBookFilter(
  period: Period,
  kind: KindChoice,
  today: IsoDate,
  custom?: { readonly from: IsoDate | null; readonly to: IsoDate | null },
): CashBookFilter {
  const kinds = kindsOf(kind);
  return { ...periodBounds(period, today, custom), ...(kinds === undefined ? {} : { kinds }) };
}
