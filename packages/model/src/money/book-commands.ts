import type * as Y from 'yjs';
import { type ClubId, err, isId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { FieldErrors, notFound, type ValidationError } from '../schema/command';
import type { ClubKind } from '../schema/enums';
import { checkOptionalText, MAX_TEXT } from '../schema/field-checks';
import {
  fundKey,
  fundsMap,
  MONEY_SCHEMA_VERSION,
  type MoneyError,
  moneyMeta,
  newFundId,
  rulesMap,
  runMoneyCommand,
} from './money-layout';
import {
  MAX_AMOUNT,
  RULE_KEYS,
  STANDARD_FUND_KIND,
  STANDARD_FUND_TARGETS,
  standardFundsFor,
  validateMoneyRules,
} from './money-rules';
import type { FundId, MoneyRules } from './money-types';
import { readFunds, readRules } from './read-money';

/** Commands on the book itself: starting it, its fund rules, its funds. Entries: money-commands.ts. */

/** Starts the money book: version, club id, and the standard funds of the club's kind. Safe on two tablets. */
export function createMoney(
  doc: Y.Doc,
  input: { readonly clubId: ClubId; readonly clubKind: ClubKind },
  origin: LocalOrigin,
): Result<void, MoneyError> {
  return runMoneyCommand(doc, origin, () => {
    if (!isId(input.clubId)) return notFound(input.clubId);
    const meta = moneyMeta(doc);
    const setIfChanged = (map: Y.Map<unknown>, key: string, value: unknown) => {
      if (map.get(key) !== value) map.set(key, value);
    };
    setIfChanged(meta, 'schemaVersion', MONEY_SCHEMA_VERSION);
    setIfChanged(meta, 'clubId', input.clubId);
    if (!meta.has('clubKind')) meta.set('clubKind', input.clubKind);
    const funds = fundsMap(doc);
    standardFundsFor(input.clubKind).forEach((fund, order) => {
      if (funds.has(fundKey(fund, 'kind'))) return;
      funds.set(fundKey(fund, 'kind'), STANDARD_FUND_KIND[fund]);
      funds.set(fundKey(fund, 'order'), order);
      funds.set(fundKey(fund, 'target'), STANDARD_FUND_TARGETS[fund]);
    });
    return ok(undefined);
  });
}

export function updateMoneyRules(
  doc: Y.Doc,
  patch: Partial<MoneyRules>,
  origin: LocalOrigin,
): Result<void, MoneyError> {
  return runMoneyCommand(doc, origin, () => {
    const fundIds = readFunds(doc).map((f) => f.id);
    const error = validateMoneyRules(readRules(doc), patch, fundIds);
    if (error !== null) return err(error);
    const rules = rulesMap(doc);
    for (const key of RULE_KEYS) {
      const value = patch[key];
      if (value !== undefined && rules.get(key) !== value) rules.set(key, value);
    }
    return ok(undefined);
  });
}

export interface FundInput {
  readonly name: string;
  /** Whole đồng; 0 = no target. */
  readonly target: number;
}

function checkFund(input: Partial<FundInput>): ValidationError | null {
  const errors = new FieldErrors();
  if (input.name !== undefined)
    errors.add('name', input.name.trim() === '' ? 'required' : checkOptionalText(input.name, MAX_TEXT));
  if (
    input.target !== undefined &&
    !(Number.isSafeInteger(input.target) && input.target >= 0 && input.target <= MAX_AMOUNT)
  )
    errors.add('target', 'numberRange');
  return errors.done();
}

/** A fund of the club's own (e.g. a scholarship fund), after the standard ones. */
export function addFund(doc: Y.Doc, input: FundInput, origin: LocalOrigin): Result<FundId, MoneyError> {
  return runMoneyCommand(doc, origin, () => {
    const error = checkFund(input);
    if (error !== null) return err(error);
    const id = newFundId();
    const order = readFunds(doc).length;
    const funds = fundsMap(doc);
    funds.set(fundKey(id, 'kind'), 'custom');
    funds.set(fundKey(id, 'name'), input.name.trim());
    funds.set(fundKey(id, 'target'), input.target);
    funds.set(fundKey(id, 'order'), order);
    return ok(id);
  });
}

/** Renames (custom funds), sets a target, retires or restores a fund. Its entries stay in the books. */
export function updateFund(
  doc: Y.Doc,
  fundId: FundId,
  patch: Partial<FundInput> & { readonly retired?: boolean },
  origin: LocalOrigin,
): Result<void, MoneyError> {
  return runMoneyCommand(doc, origin, () => {
    const fund = readFunds(doc).find((f) => f.id === fundId);
    if (fund === undefined) return notFound(fundId);
    const error = checkFund(patch);
    if (error !== null) return err(error);
    const funds = fundsMap(doc);
    if (patch.name !== undefined && fund.kind === 'custom')
      funds.set(fundKey(fundId, 'name'), patch.name.trim());
    if (patch.target !== undefined) funds.set(fundKey(fundId, 'target'), patch.target);
    if (patch.retired !== undefined) funds.set(fundKey(fundId, 'retired'), patch.retired);
    return ok(undefined);
  });
}
