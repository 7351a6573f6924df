import type { MoneyRules } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { RULE_FIELD, type RulesDraft, readRulesDraft, rulesDraftOf } from './rules-form';

const good: RulesDraft = {
  defaultRate: '0,5',
  maxRate: '1',
  maxLoan: '10.000.000',
  defaultTerm: '12',
  maxTerm: '24',
  duesAmount: '',
  duesFrom: '',
  lateGraceDays: '10',
  latePenalty: '',
  borrowedShareTarget: '50',
  duesPaidShareTarget: '70',
};

describe('readRulesDraft', () => {
  it('reads Vietnamese-typed rules into the model patch', () => {
    const { patch, errors } = readRulesDraft(good);
    expect(errors).toEqual({});
    expect(patch).toEqual({
      defaultMonthlyRateBp: 50,
      maxMonthlyRateBp: 100,
      maxLoanAmount: 10_000_000,
      defaultTermMonths: 12,
      maxTermMonths: 24,
      duesAmount: 0,
      duesFrom: null,
      lateGraceDays: 10,
      latePenaltyBp: 0,
      borrowedShareTarget: 50,
      duesPaidShareTarget: 70,
    });
  });

  it('puts each refusal beside its field and leaves it out of the patch', () => {
    const { patch, errors } = readRulesDraft({
      ...good,
      defaultRate: '1,5',
      maxLoan: 'mười triệu',
      defaultTerm: '36',
      borrowedShareTarget: '150',
      lateGraceDays: '-1',
      duesFrom: '31/02/2026',
    });
    expect(errors.defaultRate).toEqual({ key: 'field.rateTooHigh', args: { max: '1' } });
    expect(errors.maxLoan?.key).toBe('amount.notANumber');
    expect(errors.defaultTerm).toEqual({ key: 'rules.termAboveMax', args: { max: 24 } });
    expect(errors.borrowedShareTarget?.key).toBe('rules.percent');
    expect(errors.lateGraceDays?.key).toBe('rules.days');
    expect(errors.duesFrom?.key).toBe('field.date');
    expect(patch.defaultMonthlyRateBp).toBeUndefined();
    expect(patch.maxMonthlyRateBp).toBe(100);
    expect(Object.keys(errors).sort()).toEqual(
      ['borrowedShareTarget', 'defaultRate', 'defaultTerm', 'duesFrom', 'lateGraceDays', 'maxLoan'].sort(),
    );
  });

  it('shows the rules back the way they are typed', () => {
    const draft = rulesDraftOf({
      defaultMonthlyRateBp: 50,
      maxMonthlyRateBp: 75,
      maxLoanAmount: 1_500_000,
      defaultTermMonths: 12,
      maxTermMonths: 24,
      duesAmount: 0,
      lateGraceDays: 10,
      latePenaltyBp: 0,
      borrowedShareTarget: 50,
      duesPaidShareTarget: 70,
    } as MoneyRules);
    expect(draft.defaultRate).toBe('0,5');
    expect(draft.maxRate).toBe('0,75');
    expect(draft.maxLoan).toBe('1.500.000');
    expect(readRulesDraft(draft).errors).toEqual({});
  });

  it('reads the day dues start from as dd/mm/yyyy, and an empty box as from each member’s joining', () => {
    expect(readRulesDraft({ ...good, duesFrom: '1/7/2024' }).patch.duesFrom).toBe('2024-07-01');
    expect(readRulesDraft(good).patch.duesFrom).toBeNull();
    expect(rulesDraftOf({ duesFrom: '2024-07-01' } as MoneyRules).duesFrom).toBe('01/07/2024');
  });
});

describe('RULE_FIELD', () => {
  it('places a model refusal of every typed rule beside its own box', () => {
    const fields = Object.values(RULE_FIELD).sort();
    expect(fields).toEqual(Object.keys(rulesDraftOf({} as MoneyRules)).sort());
    expect(new Set(fields).size).toBe(fields.length);
  });
});
