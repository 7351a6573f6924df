import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as Y from 'yjs';
import * as model from '../index';

/** The money surface the client (data/money, features/money) was written against: a rename fails here first. */
describe('money public API', () => {
  it('exports the commands with the signatures the money screens call', () => {
    expectTypeOf(model.recordEntry).parameters.toEqualTypeOf<
      [Y.Doc, model.EntryInput, model.LocalOrigin, model.MoneyClock]
    >();
    expectTypeOf(model.reverseEntry).parameters.toEqualTypeOf<
      [Y.Doc, model.ReverseInput, model.LocalOrigin, model.MoneyClock]
    >();
    expectTypeOf(model.payOutLoan).returns.toEqualTypeOf<
      model.Result<{ loanId: model.LoanId; entryId: model.EntryId }, model.MoneyError>
    >();
    expectTypeOf(model.recordRepayment).returns.toEqualTypeOf<
      model.Result<readonly model.EntryId[], model.MoneyError>
    >();
    expectTypeOf(model.readMoney).returns.toEqualTypeOf<model.MoneyView>();
    expectTypeOf(model.listLoanStates).returns.toEqualTypeOf<model.LoanState[]>();
    expectTypeOf(model.parseAmount).returns.toEqualTypeOf<model.Result<number, model.AmountError>>();
  });

  it('exports the vocabularies and the document name', () => {
    expect(model.moneyDocName('club-0001' as model.ClubId)).toBe('club-0001/money');
    expect(model.ENTRY_KINDS).toContain('correction');
    expect(model.LOAN_STATUSES).toEqual(['current', 'overdue', 'repaid', 'writtenOff', 'cancelled']);
    expect(model.OVERDUE_AGES).toEqual(['1-30', '31-90', '90+']);
    for (const name of [
      'createMoney',
      'followMoney',
      'getCashBook',
      'getFundBalances',
      'getMemberPosition',
      'getMoneyIndicators',
      'getMeetingMoney',
      'migrateMinutesMoney',
      'listDuplicateEntries',
      'listNegativeBalances',
      'scheduleLoan',
      'seedSampleMoney',
      'validateLoan',
      'writeOffLoan',
      'updateMoneyRules',
      'confirmDuplicate',
    ])
      expect(typeof (model as Record<string, unknown>)[name]).toBe('function');
  });
});
