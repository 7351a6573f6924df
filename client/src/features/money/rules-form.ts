import type { IsoDate, MoneyRules } from '@chungtay/model';
import { formatDate, parseDisplayDate } from '../../i18n/format';
import { amountText, rateText, readAmount, readMonths, readRatePercent } from './amount-input';
import type { MoneyKey } from './money-i18n';

/** The fund rules form's typed fields, as text so a refused value stays in its box. */
export interface RulesDraft {
  readonly defaultRate: string;
  readonly maxRate: string;
  readonly maxLoan: string;
  readonly defaultTerm: string;
  readonly maxTerm: string;
  readonly duesAmount: string;
  /** dd/mm/yyyy, or empty: dues owed from each member's joining. */
  readonly duesFrom: string;
  readonly lateGraceDays: string;
  readonly latePenalty: string;
  readonly borrowedShareTarget: string;
  readonly duesPaidShareTarget: string;
}

export type RulesField = keyof RulesDraft;
export type RulesMessage = { readonly key: MoneyKey; readonly args?: Record<string, string | number> };

export interface RulesReading {
  /** What the form would send to updateMoneyRules; only the fields that read. */
  readonly patch: Partial<MoneyRules>;
  /** The message shown beside each field that does not read. */
  readonly errors: Partial<Record<RulesField, RulesMessage>>;
}

/** The rules as the form first shows them: "0,5" for 50 bp, "1.500.000" for đồng. */
export function rulesDraftOf(rules: MoneyRules): RulesDraft {
  return {
    defaultRate: rateText(rules.defaultMonthlyRateBp),
    maxRate: rateText(rules.maxMonthlyRateBp),
    maxLoan: amountText(rules.maxLoanAmount),
    defaultTerm: String(rules.defaultTermMonths),
    maxTerm: String(rules.maxTermMonths),
    duesAmount: amountText(rules.duesAmount),
    duesFrom: formatDate(rules.duesFrom),
    lateGraceDays: String(rules.lateGraceDays),
    latePenalty: rateText(rules.latePenaltyBp),
    borrowedShareTarget: String(rules.borrowedShareTarget),
    duesPaidShareTarget: String(rules.duesPaidShareTarget),
  };
}

function wholeIn(text: string, min: number, max: number): number | null {
  const m = /^\s*(\d{1,4})\s*%?\s*$/.exec(text);
  if (m === null) return null;
  const n = Number(m[1]);
  return n >= min && n <= max ? n : null;
}

/**
 * Reads the typed rules into a patch for the model. The model still checks the whole set (it owns the
 * rules); this only turns text into numbers and catches what the model cannot see, such as "0,5,1".
 * The default rate and term are compared with the maxima typed beside them, so the message lands on
 * the field the committee just changed rather than coming back as one refusal for the form.
 */
export function readRulesDraft(draft: RulesDraft): RulesReading {
  const patch: { -readonly [K in keyof MoneyRules]?: MoneyRules[K] } = {};
  const errors: Partial<Record<RulesField, RulesMessage>> = {};
  const maxRate = readRatePercent(draft.maxRate);
  if (maxRate === null) errors.maxRate = { key: 'field.rate' };
  else patch.maxMonthlyRateBp = maxRate;
  const defaultRate = readRatePercent(draft.defaultRate);
  if (defaultRate === null) errors.defaultRate = { key: 'field.rate' };
  else if (maxRate !== null && defaultRate > maxRate)
    errors.defaultRate = { key: 'field.rateTooHigh', args: { max: rateText(maxRate) } };
  else patch.defaultMonthlyRateBp = defaultRate;
  const maxLoan = readAmount(draft.maxLoan);
  if (maxLoan.ok) patch.maxLoanAmount = maxLoan.value;
  else errors.maxLoan = { key: maxLoan.message, args: maxLoan.args };
  const maxTerm = readMonths(draft.maxTerm);
  if (maxTerm === null) errors.maxTerm = { key: 'field.term' };
  else patch.maxTermMonths = maxTerm;
  const defaultTerm = readMonths(draft.defaultTerm);
  if (defaultTerm === null) errors.defaultTerm = { key: 'field.term' };
  else if (maxTerm !== null && defaultTerm > maxTerm)
    errors.defaultTerm = { key: 'rules.termAboveMax', args: { max: maxTerm } };
  else patch.defaultTermMonths = defaultTerm;
  // Dues of 0 (or an empty box) mean the club collects none.
  const dues = readAmount(draft.duesAmount, { zero: true });
  if (dues.ok) patch.duesAmount = dues.value;
  else errors.duesAmount = { key: dues.message, args: dues.args };
  // Empty: each member owes dues from their joining.
  const duesText = draft.duesFrom.trim();
  const duesFrom = duesText === '' ? null : parseDisplayDate(duesText);
  if (duesText !== '' && duesFrom === null) errors.duesFrom = { key: 'field.date' };
  else patch.duesFrom = duesFrom as IsoDate | null;
  const grace = wholeIn(draft.lateGraceDays, 0, 365);
  if (grace === null) errors.lateGraceDays = { key: 'rules.days' };
  else patch.lateGraceDays = grace;
  const penalty = draft.latePenalty.trim() === '' ? 0 : readRatePercent(draft.latePenalty);
  if (penalty === null) errors.latePenalty = { key: 'field.rate' };
  else patch.latePenaltyBp = penalty;
  const borrowed = wholeIn(draft.borrowedShareTarget, 0, 100);
  if (borrowed === null) errors.borrowedShareTarget = { key: 'rules.percent' };
  else patch.borrowedShareTarget = borrowed;
  const paid = wholeIn(draft.duesPaidShareTarget, 0, 100);
  if (paid === null) errors.duesPaidShareTarget = { key: 'rules.percent' };
  else patch.duesPaidShareTarget = paid;
  return { patch, errors };
}

/** Which box a model refusal of a rule belongs beside (the model names the rule, the form its field). */
export const RULE_FIELD: Partial<Record<keyof MoneyRules, RulesField>> = {
  defaultMonthlyRateBp: 'defaultRate',
  maxMonthlyRateBp: 'maxRate',
  maxLoanAmount: 'maxLoan',
  defaultTermMonths: 'defaultTerm',
  maxTermMonths: 'maxTerm',
  duesAmount: 'duesAmount',
  duesFrom: 'duesFrom',
  lateGraceDays: 'lateGraceDays',
  latePenaltyBp: 'latePenalty',
  borrowedShareTarget: 'borrowedShareTarget',
  duesPaidShareTarget: 'duesPaidShareTarget',
};
