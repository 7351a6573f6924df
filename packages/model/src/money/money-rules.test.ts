import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFund, createMoney, updateFund, updateMoneyRules } from './book-commands';
import { recordEntry } from './money-commands';
import { CLUB, chair, clockAt, fork, newBook, ok, treasurer } from './money-fixtures';
import { moneyDocName } from './money-layout';
import { getMoneySchemaStatus, migrateMoney } from './money-migrations';
import { DEFAULT_MONEY_RULES } from './money-rules';
import type { FundId } from './money-types';
import { readMoney } from './read-money';

describe('money book and fund rules', () => {
  it('starts a self-help club with the income and activity funds and the national defaults', () => {
    const view = readMoney(newBook());
    expect(moneyDocName(CLUB)).toBe('club-money-0001/money');
    expect(view).toMatchObject({
      clubId: CLUB,
      schemaVersion: 2,
      readOnly: false,
      rules: DEFAULT_MONEY_RULES,
    });
    expect(view.funds.map((f) => [f.id, f.kind, f.target])).toEqual([
      ['income', 'income', 20_000_000],
      ['activity', 'activity', 0],
    ]);
  });

  it('gives a Red Cross chapter a humanitarian fund of 5 million as target, collecting dues into it', () => {
    const view = readMoney(newBook('redCross'));
    expect(view.funds.map((f) => [f.id, f.target])).toEqual([
      ['activity', 0],
      ['humanitarian', 5_000_000],
    ]);
    expect(view.rules.duesFundId).toBe('humanitarian');
  });

  it('is started the same by two tablets offline: one set of funds, not two', () => {
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    ok(createMoney(a, { clubId: CLUB, clubKind: 'selfHelp' }, treasurer));
    ok(createMoney(b, { clubId: CLUB, clubKind: 'selfHelp' }, chair));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readMoney(a)).toEqual(readMoney(b));
    expect(readMoney(a).funds).toHaveLength(2);
  });

  it('changes rules within their bounds and refuses a default above its maximum', () => {
    const doc = newBook();
    ok(
      updateMoneyRules(
        doc,
        { interestMethod: 'flat', rounding: 1, duesAmount: 10_000, duesPeriod: 'month' },
        treasurer,
      ),
    );
    expect(readMoney(doc).rules).toMatchObject({ interestMethod: 'flat', rounding: 1, duesAmount: 10_000 });
    expect(updateMoneyRules(doc, { defaultMonthlyRateBp: 150 }, treasurer)).toEqual({
      ok: false,
      error: {
        type: 'invalid',
        fields: { defaultMonthlyRateBp: 'numberOrder', maxMonthlyRateBp: 'numberOrder' },
      },
    });
    expect(
      updateMoneyRules(
        doc,
        { maxLoanAmount: 0, duesFundId: 'nope' as FundId, duesFrom: '2026-02-30' },
        treasurer,
      ),
    ).toEqual({
      ok: false,
      error: {
        type: 'invalid',
        fields: { maxLoanAmount: 'numberRange', duesFundId: 'required', duesFrom: 'dateFormat' },
      },
    });
  });

  it('keeps both rule changes made on two tablets at once when they touch different rules', () => {
    const doc = newBook();
    const [a, b] = [fork(doc), fork(doc)];
    ok(updateMoneyRules(a, { maxLoanAmount: 5_000_000 }, treasurer));
    ok(updateMoneyRules(b, { latePenaltyBp: 100 }, chair));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(readMoney(a).rules).toMatchObject({ maxLoanAmount: 5_000_000, latePenaltyBp: 100 });
  });

  it('adds, renames, targets and retires a fund of the club’s own', () => {
    const doc = newBook();
    const id = ok(addFund(doc, { name: ' Quỹ khuyến học ', target: 2_000_000 }, treasurer));
    ok(updateFund(doc, id, { name: 'Quỹ khuyến học thôn Đông', retired: true }, treasurer));
    expect(readMoney(doc).funds.at(-1)).toEqual({
      id,
      kind: 'custom',
      name: 'Quỹ khuyến học thôn Đông',
      target: 2_000_000,
      retired: true,
      order: 2,
    });
    expect(addFund(doc, { name: '', target: -1 }, treasurer)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { name: 'required', target: 'numberRange' } },
    });
  });

  it('refuses every write on a book from a newer app, and migrates an unversioned one', () => {
    const doc = newBook();
    doc.transact(() => doc.getMap('meta').set('schemaVersion', 99));
    expect(getMoneySchemaStatus(doc)).toEqual({ type: 'newer', version: 99 });
    const before = Y.encodeStateAsUpdate(doc);
    expect(
      recordEntry(
        doc,
        { fundId: 'activity' as FundId, kind: 'donation', amount: 1000, date: '2026-01-01' },
        treasurer,
        clockAt('2026-01-01'),
      ),
    ).toEqual({
      ok: false,
      error: { type: 'readOnly' },
    });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    const old = newBook();
    old.transact(() => old.getMap('meta').delete('schemaVersion'));
    expect(migrateMoney(old)).toEqual({
      ok: true,
      value: { applied: ['money-0001-schema-version', 'money-0002-cash-count-kinds'] },
    });
    expect(readMoney(old).schemaVersion).toBe(2);
  });
});
