import type { IsoDate, MemberId } from '../ids/ids';
import { cashBalances, standingEntries } from './ledger';
import { type LoanState, listLoanStates } from './loan-state';
import { plusMonths, sum } from './money-math';
import { periodStart } from './money-rules';
import type { Entry, Fund, MoneyRules, MoneyView } from './money-types';

/**
 * Balances, members' positions and the club's indicators, all whole đồng from the standing entries.
 * Members come from the club doc (the money doc knows ids only): pass the ones that count, e.g. the
 * active members of `readClub`, with when they joined and left for the dues they owe.
 */

export interface MoneyMember {
  readonly id: MemberId;
  readonly joinedOn: IsoDate | null;
  readonly left?: { readonly on: IsoDate } | null;
}

export interface FundBalance {
  readonly fund: Fund;
  /** Cash in the fund's box and account. */
  readonly cash: number;
  /** Principal lent out of it and still owed (not written off). */
  readonly lent: number;
  /** cash + lent: the fund's size, compared with its target. */
  readonly size: number;
  /** 0 = no target. */
  readonly target: number;
  readonly meetsTarget: boolean;
}

export function getFundBalances(
  view: MoneyView,
  today: IsoDate,
  states: readonly LoanState[] = listLoanStates(view, today),
): FundBalance[] {
  const cash = cashBalances(
    view,
    view.funds.map((f) => f.id),
  );
  return view.funds.map((fund) => {
    const lent = sum(
      states
        .filter((s) => s.loan.fundId === fund.id && (s.status === 'current' || s.status === 'overdue'))
        .map((s) => Math.max(0, s.outstanding)),
    );
    const inCash = cash.get(fund.id) ?? 0;
    const size = inCash + lent;
    return {
      fund,
      cash: inCash,
      lent,
      size,
      target: fund.target,
      meetsTarget: fund.target === 0 || size >= fund.target,
    };
  });
}

/** Periods begun from `from` to `to`, and of those the ones already over on `today`. */
function countPeriods(
  from: IsoDate,
  to: IsoDate,
  today: IsoDate,
  period: MoneyRules['duesPeriod'],
): { begun: number; over: number } {
  const step = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
  let begun = 0;
  let over = 0;
  for (let start = periodStart(from, period); start <= to; start = plusMonths(start, step)) {
    begun += 1;
    if (plusMonths(start, step) <= today) over += 1;
  }
  return { begun, over };
}

export interface DuesPosition {
  /** Periods begun from joining (or the rules' start) to today, or to leaving: the current one counts. */
  readonly periods: number;
  /** Dues of those periods: what the member should have paid by the end of this period. */
  readonly owed: number;
  readonly paid: number;
  /** owed − paid, never below 0: what to collect now (paying ahead is `paid` > `owed`). */
  readonly behind: number;
  /** Paid for every period already over ("fully and on time"); the current one may still be paid. */
  readonly upToDate: boolean;
}

/** Dues paid per member over the standing entries, in one pass. */
export function duesPaidByMember(standing: readonly Entry[]): Map<MemberId, number> {
  const paid = new Map<MemberId, number>();
  for (const e of standing)
    if (e.kind === 'dues' && e.memberId !== null)
      paid.set(e.memberId, (paid.get(e.memberId) ?? 0) + e.amount);
  return paid;
}

/**
 * A member's dues on `today`. Pass the standing entries (or, over many members, `duesPaidByMember` of
 * them once) when you already have them; otherwise they are worked out from the view.
 */
export function getDuesPosition(
  view: MoneyView,
  member: MoneyMember,
  today: IsoDate,
  standing: readonly Entry[] | ReadonlyMap<MemberId, number> = standingEntries(view),
): DuesPosition {
  const { duesAmount, duesPeriod, duesFrom } = view.rules;
  const paidByMember = Array.isArray(standing)
    ? duesPaidByMember(standing)
    : (standing as ReadonlyMap<MemberId, number>);
  const paid = paidByMember.get(member.id) ?? 0;
  const starts = [duesFrom, member.joinedOn].filter((d): d is IsoDate => d !== null).sort();
  const from = starts.at(-1) ?? null;
  const until = member.left?.on !== undefined && member.left.on < today ? member.left.on : today;
  const { begun, over } =
    duesAmount === 0 || from === null || from > until
      ? { begun: 0, over: 0 }
      : countPeriods(from, until, today, duesPeriod);
  const owed = begun * duesAmount;
  return {
    periods: begun,
    owed,
    paid,
    behind: Math.max(0, owed - paid),
    upToDate: paid >= over * duesAmount,
  };
}

export interface MemberPosition {
  readonly memberId: MemberId;
  readonly loans: readonly LoanState[];
  /** Principal owed over all running loans. */
  readonly outstanding: number;
  /** To collect now over all loans (principal, interest, penalty). */
  readonly dueNow: number;
  readonly dues: DuesPosition;
  /** Contributions, donations and founding money the member brought, net of corrections. */
  readonly contributed: number;
}

export function getMemberPosition(
  view: MoneyView,
  member: MoneyMember,
  today: IsoDate,
  states: readonly LoanState[] = listLoanStates(view, today),
): MemberPosition {
  const standing = standingEntries(view);
  const loans = states.filter((s) => s.loan.memberId === member.id);
  const running = loans.filter((s) => s.status === 'current' || s.status === 'overdue');
  const contributed = sum(
    standing
      .filter(
        (e) =>
          e.memberId === member.id &&
          (e.kind === 'contribution' || e.kind === 'donation' || e.kind === 'founding'),
      )
      .map((e) => e.amount),
  );
  return {
    memberId: member.id,
    loans,
    outstanding: sum(running.map((s) => s.outstanding)),
    dueNow: sum(running.map((s) => s.due.total)),
    dues: getDuesPosition(view, member, today, standing),
    contributed,
  };
}

/** A share as an exact fraction; `percent` is for display only, rounded to one decimal. */
export interface MoneyShare {
  readonly count: number;
  readonly of: number;
  /** In percent (0–100) rounded to 0,1; 0 when `of` is 0. */
  readonly percent: number;
  /** Target in percent. */
  readonly target: number;
  /** count × 100 ≥ target × of, in integers. */
  readonly meetsTarget: boolean;
}

function shareOf(count: number, of: number, target: number): MoneyShare {
  return {
    count,
    of,
    percent: of === 0 ? 0 : Math.round((count * 1000) / of) / 10,
    target,
    meetsTarget: of > 0 && count * 100 >= target * of,
  };
}

export const OVERDUE_AGES = ['1-30', '31-90', '90+'] as const;
export type OverdueAge = (typeof OVERDUE_AGES)[number];

export interface OverdueBucket {
  readonly age: OverdueAge;
  readonly loans: number;
  /** Unpaid and due (principal + interest + penalty). */
  readonly overdue: number;
  /** Principal still owed on those loans (portfolio at risk). */
  readonly outstanding: number;
}

export interface MoneyIndicators {
  readonly everBorrowed: MoneyShare;
  readonly borrowingNow: MoneyShare;
  readonly funds: readonly FundBalance[];
  readonly overdue: readonly OverdueBucket[];
  /** null when the club collects no dues. */
  readonly duesPaid: MoneyShare | null;
}

function ageOf(days: number): OverdueAge {
  return days <= 30 ? '1-30' : days <= 90 ? '31-90' : '90+';
}

/** The indicators the club is judged on, over `members` (e.g. its active members). */
export function getMoneyIndicators(
  view: MoneyView,
  members: readonly MoneyMember[],
  today: IsoDate,
  states: readonly LoanState[] = listLoanStates(view, today),
): MoneyIndicators {
  const ids = new Set(members.map((m) => m.id));
  const lent = states.filter((s) => s.status !== 'cancelled' && ids.has(s.loan.memberId));
  const ever = new Set(lent.map((s) => s.loan.memberId));
  const now = new Set(
    lent.filter((s) => s.status === 'current' || s.status === 'overdue').map((s) => s.loan.memberId),
  );
  const overdue = OVERDUE_AGES.map((age) => {
    const inAge = states.filter((s) => s.status === 'overdue' && ageOf(s.daysOverdue) === age);
    return {
      age,
      loans: inAge.length,
      overdue: sum(inAge.map((s) => s.due.total)),
      outstanding: sum(inAge.map((s) => s.outstanding)),
    };
  });
  const paidByMember = duesPaidByMember(standingEntries(view));
  const duesPaid =
    view.rules.duesAmount === 0
      ? null
      : shareOf(
          members.filter((m) => getDuesPosition(view, m, today, paidByMember).upToDate).length,
          members.length,
          view.rules.duesPaidShareTarget,
        );
  return {
    everBorrowed: shareOf(ever.size, members.length, view.rules.borrowedShareTarget),
    borrowingNow: shareOf(now.size, members.length, view.rules.borrowedShareTarget),
    funds: getFundBalances(view, today, states),
    overdue,
    duesPaid,
  };
}
