import { type IsoDate, isIsoDate } from '../ids/ids';
import { FieldErrors, type ValidationError } from '../schema/command';
import type { ClubKind } from '../schema/enums';
import {
  DUES_PERIODS,
  type FundId,
  type FundKind,
  INTEREST_METHODS,
  type MoneyRules,
  REPAYMENT_PLANS,
  ROUNDINGS,
  type StandardFund,
} from './money-types';

/** The largest single amount the books accept: 1,000 billion đ, a typing slip long before overflow. */
export const MAX_AMOUNT = 1_000_000_000_000;

/**
 * Defaults from the national guidance (../shared/domain.md): loans up to 10 million đ at 0–1 %/month
 * for 6–12 months, at least half the members borrowing, Red Cross dues paid by 70 %. Interest on the
 * declining balance and principal at the end is the common village practice; rounding to 1,000 đ
 * because treasurers count banknotes.
 */
export const DEFAULT_MONEY_RULES: MoneyRules = {
  interestMethod: 'declining',
  repaymentPlan: 'bullet',
  defaultMonthlyRateBp: 50,
  maxMonthlyRateBp: 100,
  maxLoanAmount: 10_000_000,
  defaultTermMonths: 12,
  maxTermMonths: 12,
  rounding: 1000,
  duesAmount: 0,
  duesPeriod: 'year',
  duesFrom: null,
  duesFundId: 'activity' as FundId,
  lateGraceDays: 0,
  latePenaltyBp: 0,
  borrowedShareTarget: 50,
  duesPaidShareTarget: 70,
};

/** Fund targets (whole đồng): an income fund of 20 million, a humanitarian fund of 5 million. */
export const STANDARD_FUND_TARGETS: Readonly<Record<StandardFund, number>> = {
  income: 20_000_000,
  activity: 0,
  humanitarian: 5_000_000,
};

/** The funds a new book starts with: a Red Cross chapter keeps a humanitarian fund instead of lending. */
export function standardFundsFor(kind: ClubKind): readonly StandardFund[] {
  return kind === 'redCross' ? ['activity', 'humanitarian'] : ['income', 'activity'];
}

export function defaultRulesFor(kind: ClubKind | null): MoneyRules {
  return kind === 'redCross'
    ? { ...DEFAULT_MONEY_RULES, duesFundId: 'humanitarian' as FundId }
    : DEFAULT_MONEY_RULES;
}

export const STANDARD_FUND_KIND: Readonly<Record<StandardFund, FundKind>> = {
  income: 'income',
  activity: 'activity',
  humanitarian: 'humanitarian',
};

/** Plausible bounds of each numeric rule: [min, max], integers. */
export const MONEY_RULE_RANGES = {
  defaultMonthlyRateBp: [0, 500],
  maxMonthlyRateBp: [0, 500],
  maxLoanAmount: [1, 10_000_000_000],
  defaultTermMonths: [1, 60],
  maxTermMonths: [1, 60],
  duesAmount: [0, 100_000_000],
  lateGraceDays: [0, 365],
  latePenaltyBp: [0, 1000],
  borrowedShareTarget: [0, 100],
  duesPaidShareTarget: [0, 100],
} as const satisfies Partial<Record<keyof MoneyRules, readonly [number, number]>>;

export const RULE_KEYS = Object.keys(DEFAULT_MONEY_RULES) as readonly (keyof MoneyRules)[];

function inList(list: readonly unknown[], value: unknown): boolean {
  return list.includes(value);
}

/** One rule value read from the doc (a peer may have written garbage or a newer shape): valid or null. */
export function checkRuleValue(key: keyof MoneyRules, value: unknown): boolean {
  switch (key) {
    case 'interestMethod':
      return inList(INTEREST_METHODS, value);
    case 'repaymentPlan':
      return inList(REPAYMENT_PLANS, value);
    case 'rounding':
      return inList(ROUNDINGS, value);
    case 'duesPeriod':
      return inList(DUES_PERIODS, value);
    case 'duesFrom':
      return value === null || isIsoDate(value);
    case 'duesFundId':
      return typeof value === 'string' && value !== '';
    default: {
      const [min, max] = MONEY_RULE_RANGES[key];
      return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
    }
  }
}

/**
 * Checks a change of the rules against the current ones: each value valid (`numberRange`, `required`
 * for an unknown choice, `dateFormat`), each default within its maximum (`numberOrder` on both), and
 * the dues fund one of `fundIds`.
 */
export function validateMoneyRules(
  current: MoneyRules,
  patch: Partial<MoneyRules>,
  fundIds: readonly FundId[],
): ValidationError | null {
  const errors = new FieldErrors();
  for (const key of RULE_KEYS) {
    const value = patch[key];
    if (value === undefined || checkRuleValue(key, value)) continue;
    const code = key === 'duesFrom' ? 'dateFormat' : key in MONEY_RULE_RANGES ? 'numberRange' : 'required';
    errors.add(key, code);
  }
  if (patch.duesFundId !== undefined && !fundIds.includes(patch.duesFundId))
    errors.add('duesFundId', 'required');
  const next = { ...current, ...patch };
  for (const [low, high] of [
    ['defaultMonthlyRateBp', 'maxMonthlyRateBp'],
    ['defaultTermMonths', 'maxTermMonths'],
  ] as const) {
    if (next[low] > next[high]) {
      errors.add(low, 'numberOrder');
      errors.add(high, 'numberOrder');
    }
  }
  return errors.done();
}

/** The first day of the dues period holding `date`. */
export function periodStart(date: IsoDate, period: MoneyRules['duesPeriod']): IsoDate {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (period === 'year') return `${year}-01-01`;
  const first = period === 'quarter' ? month - ((month - 1) % 3) : month;
  return `${year}-${String(first).padStart(2, '0')}-01`;
}
