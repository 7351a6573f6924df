import type { IsoDate } from '../ids/ids';
import { resolveCorrections, standingEntries } from './ledger';
import type { MoneyIndex } from './money-index';
import { daysBetween, monthlyInterest, plusMonths, share, sum } from './money-math';
import type { Entry, Loan, LoanId, MoneyRules, MoneyView } from './money-types';
import { type Instalment, principalParts, scheduleLoan } from './schedule';

/**
 * What a loan stands at on a given day, derived from its terms and its standing entries (never
 * stored). Rules, each tested with worked examples in loan-state.test.ts:
 * - Interest of month k is charged when principal is still owed at the start of the month (the payout
 *   date, then each due date; a payment made on a due date counts for the next month). Flat: on the
 *   original amount; declining: on the principal actually owed then. An early repayment therefore
 *   stops interest from the next month on; a month begun is charged in full.
 * - Principal falls due as planned (all at the end, or equal monthly parts); paying ahead counts
 *   against the next parts. No interest is charged after the term: lateness costs the penalty rule.
 * - Days overdue count from the earliest due date whose principal or interest is not covered by what
 *   was paid in total; past the club's grace days the loan is `overdue`.
 * - Penalty (if the rules set one): the rate × the overdue amount × each started 30 days late beyond
 *   the grace days, less penalties paid. A suggestion the treasurer collects or not.
 */

export const LOAN_STATUSES = ['current', 'overdue', 'repaid', 'writtenOff', 'cancelled'] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

export interface LoanDue {
  readonly principal: number;
  readonly interest: number;
  readonly penalty: number;
  readonly total: number;
}

export interface LoanState {
  readonly loan: Loan;
  /** The plan shown when the loan was made. */
  readonly schedule: readonly Instalment[];
  readonly status: LoanStatus;
  readonly principalPaid: number;
  readonly interestPaid: number;
  readonly penaltyPaid: number;
  /** Principal still owed (dư nợ). */
  readonly outstanding: number;
  /** Interest charged for months already due. */
  readonly interestCharged: number;
  /** Interest of the whole loan as it stands (months to come with no further early payment). */
  readonly interestTotal: number;
  /** Unpaid and due on or before the day: what to collect now. */
  readonly due: LoanDue;
  /** The next due date after the day, with what it will ask, or null past the term. */
  readonly next: { readonly dueOn: IsoDate; readonly principal: number; readonly interest: number } | null;
  /** 0 when nothing due is unpaid. */
  readonly daysOverdue: number;
  readonly lastPaymentOn: IsoDate | null;
}

export function getLoanState(
  loan: Loan,
  loanEntries: readonly Entry[],
  rules: Pick<MoneyRules, 'lateGraceDays' | 'latePenaltyBp'>,
  today: IsoDate,
  flags: { readonly writtenOff: boolean; readonly cancelled: boolean } = {
    writtenOff: false,
    cancelled: false,
  },
): LoanState {
  // One pass over the loan's entries: repayments in date order, totals, the last payment.
  const repayments: Entry[] = [];
  let interestPaid = 0;
  let penaltyPaid = 0;
  let lastPaymentOn: IsoDate | null = null;
  for (const e of loanEntries) {
    if (e.date > today || e.kind === 'loanPayout') continue;
    if (lastPaymentOn === null || e.date > lastPaymentOn) lastPaymentOn = e.date;
    if (e.kind === 'principalRepaid') repayments.push(e);
    else if (e.kind === 'interestPaid') interestPaid += e.amount;
    else if (e.kind === 'penalty') penaltyPaid += e.amount;
  }
  repayments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const principalPaid = sum(repayments.map((e) => e.amount));
  const outstanding = loan.amount - principalPaid;
  const parts = principalParts(loan);

  let plannedCum = 0;
  let principalDue = 0;
  let interestCharged = 0;
  let interestTotal = 0;
  let cumInterest = 0;
  let firstLate: IsoDate | null = null;
  let next: LoanState['next'] = null;
  // Principal repaid on or before each month's start, walked forward with the months.
  let repaidBefore = 0;
  let walked = 0;
  let startsOn = loan.startOn;
  for (let k = 1; k <= loan.termMonths; k += 1) {
    const dueOn = plusMonths(loan.startOn, k);
    while (walked < repayments.length && (repayments[walked] as Entry).date <= startsOn) {
      repaidBefore += (repayments[walked] as Entry).amount;
      walked += 1;
    }
    const actualOwed = loan.amount - repaidBefore;
    const owed = startsOn > today ? Math.min(outstanding, loan.amount - plannedCum) : actualOwed;
    const interest =
      owed > 0
        ? monthlyInterest(loan.method === 'flat' ? loan.amount : owed, loan.monthlyRateBp, loan.rounding)
        : 0;
    plannedCum += parts[k - 1] ?? 0;
    interestTotal += interest;
    if (dueOn <= today) {
      principalDue = plannedCum;
      interestCharged += interest;
      cumInterest += interest;
      if (firstLate === null && (plannedCum > principalPaid || cumInterest > interestPaid)) firstLate = dueOn;
    } else if (next === null) {
      next = { dueOn, principal: Math.max(0, Math.min(outstanding, plannedCum - principalPaid)), interest };
    }
    startsOn = dueOn;
  }

  const duePrincipal = Math.max(0, Math.min(outstanding, principalDue - principalPaid));
  const dueInterest = Math.max(0, interestCharged - interestPaid);
  const daysOverdue = firstLate === null ? 0 : Math.max(0, daysBetween(firstLate, today));
  const lateDays = daysOverdue - rules.lateGraceDays;
  const startedMonthsLate = lateDays > 0 ? Math.ceil(lateDays / 30) : 0;
  const penaltyCharged =
    rules.latePenaltyBp > 0
      ? share(duePrincipal + dueInterest, rules.latePenaltyBp * startedMonthsLate, 10_000, loan.rounding)
      : 0;
  const duePenalty = Math.max(0, penaltyCharged - penaltyPaid);
  const status: LoanStatus = flags.cancelled
    ? 'cancelled'
    : flags.writtenOff
      ? 'writtenOff'
      : outstanding <= 0 && interestPaid >= interestTotal
        ? 'repaid'
        : lateDays > 0 && duePrincipal + dueInterest > 0
          ? 'overdue'
          : 'current';
  return {
    loan,
    schedule: scheduleLoan(loan),
    status,
    principalPaid,
    interestPaid,
    penaltyPaid,
    outstanding,
    interestCharged,
    interestTotal,
    due: {
      principal: duePrincipal,
      interest: dueInterest,
      penalty: duePenalty,
      total: duePrincipal + dueInterest + duePenalty,
    },
    next: status === 'current' || status === 'overdue' ? next : null,
    daysOverdue: status === 'overdue' || status === 'current' ? daysOverdue : 0,
    lastPaymentOn,
  };
}

/**
 * Loan states already computed, by loan, with what they were computed from: a screen that recomputes every
 * loan after each repayment (the meeting-day screen, at every tap) recomputes only the loans whose entries,
 * day or rules changed. Keyed by the loan object, which the follower keeps while the loan stands.
 */
export type LoanStateCache = WeakMap<
  Loan,
  { readonly from: string; readonly entries: readonly Entry[]; readonly state: LoanState }
>;

export function createLoanStateCache(): LoanStateCache {
  return new WeakMap();
}

/** Entries are never edited, so the same ids in the same order are the same entries. */
function sameEntries(a: readonly Entry[], b: readonly Entry[]): boolean {
  return a === b || (a.length === b.length && a.every((e, i) => e.id === b[i]?.id));
}

function groupStandingByLoan(view: MoneyView): Map<LoanId, Entry[]> {
  const byLoan = new Map<LoanId, Entry[]>();
  for (const entry of standingEntries(view, resolveCorrections(view.entries))) {
    if (entry.loanId === null) continue;
    const list = byLoan.get(entry.loanId) ?? [];
    list.push(entry);
    byLoan.set(entry.loanId, list);
  }
  return byLoan;
}

/**
 * Every loan's state on `today`, overdue first (most days first), then by start date. With a `cache`, a
 * loan whose standing entries, day, flags and rules are those of its last computation keeps that state.
 * With an `index` of the same entries (money-index.ts), the loans' entries are read from it instead of
 * a scan of the book: the result is the same.
 */
export function listLoanStates(
  view: MoneyView,
  today: IsoDate,
  cache?: LoanStateCache,
  index?: Pick<MoneyIndex, 'loanEntries'>,
): LoanState[] {
  const byLoan = index === undefined ? groupStandingByLoan(view) : null;
  const entriesOf = (loanId: LoanId): readonly Entry[] =>
    byLoan === null ? (index as MoneyIndex).loanEntries(loanId) : (byLoan.get(loanId) ?? []);
  const writtenOff = new Set(view.writeOffs.map((w) => w.loanId));
  const { lateGraceDays, latePenaltyBp } = view.rules;
  return view.loans
    .map((loan) => {
      const entries = entriesOf(loan.id);
      const flags = {
        writtenOff: writtenOff.has(loan.id),
        cancelled: !entries.some((e) => e.kind === 'loanPayout'),
      };
      if (cache === undefined) return getLoanState(loan, entries, view.rules, today, flags);
      const from = `${today}|${lateGraceDays}|${latePenaltyBp}|${flags.writtenOff}|${flags.cancelled}`;
      const held = cache.get(loan);
      if (held !== undefined && held.from === from && sameEntries(held.entries, entries)) return held.state;
      const state = getLoanState(loan, entries, view.rules, today, flags);
      cache.set(loan, { from, entries, state });
      return state;
    })
    .sort(
      (a, b) =>
        b.daysOverdue - a.daysOverdue ||
        (a.loan.startOn < b.loan.startOn ? -1 : a.loan.startOn > b.loan.startOn ? 1 : 0),
    );
}
