import { type IsoDate, isIsoDate } from '../ids/ids';
import type { FieldError } from '../schema/command';

/** Sơ kết (half-year), tổng kết (year), or a period the committee sets itself. */
export const REPORT_KINDS = ['halfYear', 'year', 'custom'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportPeriod {
  readonly kind: ReportKind;
  /** Inclusive bounds, 'yyyy-mm-dd'. */
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** The first or second half of `year`, or the whole year. */
export function standardPeriod(kind: 'halfYear' | 'year', year: number, half: 1 | 2 = 1): ReportPeriod {
  if (kind === 'year') return { kind, from: `${year}-01-01`, to: `${year}-12-31` };
  return half === 1
    ? { kind, from: `${year}-01-01`, to: `${year}-06-30` }
    : { kind, from: `${year}-07-01`, to: `${year}-12-31` };
}

/** Field errors of a period typed by the committee: real dates, `from` not after `to`. */
export function checkPeriod(period: { kind: string; from: string; to: string }): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  if (!(REPORT_KINDS as readonly string[]).includes(period.kind)) errors.kind = 'required';
  if (!isIsoDate(period.from)) errors.from = 'dateFormat';
  if (!isIsoDate(period.to)) errors.to = 'dateFormat';
  else if (isIsoDate(period.from) && period.from > period.to) errors.to = 'numberOrder';
  return errors;
}

/**
 * The report's id from its period: two tablets starting the report for the same period open the same
 * document instead of two rival drafts, and the id alone says which period it is.
 */
export function reportIdFor(period: ReportPeriod): string {
  const compact = (d: string) => d.replaceAll('-', '');
  return `report-${period.kind}-${compact(period.from)}-${compact(period.to)}`;
}
