import type { IsoDate } from '../ids/ids';
import { monthlyInterest, plusMonths } from './money-math';
import type { InterestMethod, RepaymentPlan, Rounding } from './money-types';

/** What fixes a loan's schedule: the approved terms, nothing that happened after. */
export interface LoanTerms {
  readonly amount: number;
  readonly monthlyRateBp: number;
  readonly method: InterestMethod;
  readonly plan: RepaymentPlan;
  readonly rounding: Rounding;
  readonly termMonths: number;
  readonly startOn: IsoDate;
}

export interface Instalment {
  /** 1-based month number. */
  readonly number: number;
  readonly dueOn: IsoDate;
  readonly principal: number;
  readonly interest: number;
  readonly total: number;
  /** Principal still owed after this instalment is paid. */
  readonly balanceAfter: number;
}

/**
 * The planned principal of each month: all of it at the end (bullet), or equal parts rounded to the
 * club's unit with the last month taking what rounding left over (instalments). Sums to the amount.
 */
export function principalParts(
  terms: Pick<LoanTerms, 'amount' | 'plan' | 'rounding' | 'termMonths'>,
): number[] {
  const { amount, termMonths: n } = terms;
  if (terms.plan === 'bullet') return Array.from({ length: n }, (_, i) => (i === n - 1 ? amount : 0));
  const unit = terms.rounding;
  const part = Number(BigInt(amount) / BigInt(n * unit)) * unit;
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? amount - part * (n - 1) : part));
}

/**
 * The schedule shown before a loan is saved and printed in the ledger: instalment k falls due k months
 * after the payout (the day clamped to the month's end). Flat interest is charged on the original
 * amount every month; declining interest on the principal owed at the start of the month.
 */
export function scheduleLoan(terms: LoanTerms): Instalment[] {
  const parts = principalParts(terms);
  let balance = terms.amount;
  return parts.map((principal, i) => {
    const base = terms.method === 'flat' ? terms.amount : balance;
    const interest = monthlyInterest(base, terms.monthlyRateBp, terms.rounding);
    balance -= principal;
    return {
      number: i + 1,
      dueOn: plusMonths(terms.startOn, i + 1),
      principal,
      interest,
      total: principal + interest,
      balanceAfter: balance,
    };
  });
}
