import type * as Y from 'yjs';
import {
  type ClubId,
  err,
  type IsoDate,
  isId,
  type MeetingId,
  type MemberId,
  ok,
  type Result,
} from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { FieldErrors, notFound, type ValidationError } from '../schema/command';
import type { ClubKind } from '../schema/enums';
import { checkOptionalText, checkPastDate, MAX_NOTES, MAX_TEXT } from '../schema/field-checks';
import { principalPaidOn } from './ledger';
import {
  appendEntry,
  confirmedMap,
  fundKey,
  fundsMap,
  MONEY_SCHEMA_VERSION,
  type MoneyError,
  moneyMeta,
  newEntryId,
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
import type { Entry, EntryId, EntryKind, FundId, Instant, LoanId, MoneyRules } from './money-types';
import { findEntries, readEntry, readFunds, readLoan, readRules } from './read-money';

/** The day and the moment of a command, from the caller: the model reads no clock. */
export interface MoneyClock {
  /** The tablet's local date, for "not in the future". */
  readonly today: IsoDate;
  /** new Date().toISOString(): orders entries recorded on one day. */
  readonly now: Instant;
}

/** Kinds recordEntry takes; payouts go through payOutLoan and corrections through reverseEntry. */
export type PlainEntryKind = Exclude<EntryKind, 'loanPayout' | 'correction'>;

export interface EntryInput {
  readonly fundId: FundId;
  readonly kind: PlainEntryKind;
  /** Whole đồng > 0 (see parseAmount for what a person types). */
  readonly amount: number;
  readonly date: IsoDate;
  readonly memberId?: MemberId | null;
  /** Required for principalRepaid and interestPaid; the entry then goes to the loan's fund and member. */
  readonly loanId?: LoanId | null;
  readonly meetingId?: MeetingId | null;
  /** Required for transfer. */
  readonly toFundId?: FundId | null;
  readonly note?: string;
}

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

export function checkAmount(amount: number): 'numberRange' | null {
  return Number.isSafeInteger(amount) && amount > 0 && amount <= MAX_AMOUNT ? null : 'numberRange';
}

/** Writes one entry record; the caller has checked it. */
export function writeEntry(
  doc: Y.Doc,
  fields: Omit<Entry, 'id' | 'recordedBy' | 'recordedAt'>,
  origin: LocalOrigin,
  clock: MoneyClock,
  id: EntryId = newEntryId(),
): EntryId {
  appendEntry(doc, { ...fields, id, recordedBy: origin.author.id, recordedAt: clock.now });
  return id;
}

const PLAIN_KINDS: readonly string[] = [
  'founding',
  'contribution',
  'dues',
  'donation',
  'principalRepaid',
  'interestPaid',
  'penalty',
  'expense',
  'transfer',
] satisfies PlainEntryKind[];
const LOAN_KINDS: readonly string[] = ['principalRepaid', 'interestPaid'];

/**
 * Records one receipt, payment or transfer. Checks: a known fund (`fundId`: notFound), an amount
 * (`numberRange`), a date not in the future, a loan for repayments (its fund and member are used),
 * a different receiving fund for a transfer. A payment that takes a fund below zero is recorded: the
 * cash has left the box; `listNegativeBalances` flags it.
 */
export function recordEntry(
  doc: Y.Doc,
  input: EntryInput,
  origin: LocalOrigin,
  clock: MoneyClock,
): Result<EntryId, MoneyError> {
  return runMoneyCommand(doc, origin, () => {
    const fundIds = readFunds(doc).map((f) => f.id as string);
    const errors = new FieldErrors();
    if (!PLAIN_KINDS.includes(input.kind)) errors.add('kind', 'required');
    errors.add('amount', checkAmount(input.amount));
    errors.add('date', input.date === '' ? 'required' : checkPastDate(input.date, clock.today));
    errors.add('note', checkOptionalText(input.note, MAX_NOTES));
    const loanId = input.loanId ?? null;
    const loan = loanId === null ? undefined : (readLoan(doc, loanId) ?? undefined);
    if (LOAN_KINDS.includes(input.kind) && loanId === null) errors.add('loanId', 'required');
    const toFundId = input.kind === 'transfer' ? (input.toFundId ?? null) : null;
    if (input.kind === 'transfer' && (toFundId === null || toFundId === input.fundId))
      errors.add('toFundId', 'required');
    if (input.kind === 'principalRepaid' && loan !== undefined) {
      const paid = principalPaidOn(findEntries(doc, 'loanId', loan.id));
      if (paid + input.amount > loan.amount) errors.add('amount', 'numberRange');
    }
    const error = errors.done();
    if (error !== null) return err(error);
    if (loanId !== null && loan === undefined) return notFound(loanId);
    const fundId = loan?.fundId ?? input.fundId;
    if (!fundIds.includes(fundId)) return notFound(fundId);
    if (toFundId !== null && !fundIds.includes(toFundId)) return notFound(toFundId);
    const id = writeEntry(
      doc,
      {
        fundId,
        kind: input.kind,
        amount: input.amount,
        date: input.date,
        memberId: loan?.memberId ?? input.memberId ?? null,
        loanId,
        meetingId: input.meetingId ?? null,
        toFundId,
        reverses: null,
        note: (input.note ?? '').trim(),
      },
      origin,
      clock,
    );
    return ok(id);
  });
}

export interface ReverseInput {
  readonly entryId: EntryId;
  readonly date: IsoDate;
  /** Why: the books are inspected, a correction says what was wrong. */
  readonly note: string;
  readonly meetingId?: MeetingId | null;
}

/**
 * Cancels an entry with a correction that points at it (never an erasure). A correction cannot itself
 * be reversed (record the entry again instead), nor can an entry this tablet already sees reversed.
 */
export function reverseEntry(
  doc: Y.Doc,
  input: ReverseInput,
  origin: LocalOrigin,
  clock: MoneyClock,
): Result<EntryId, MoneyError> {
  return runMoneyCommand(doc, origin, () => {
    const target = readEntry(doc, input.entryId);
    if (target === null || target.kind === 'correction') return notFound(input.entryId);
    if (findEntries(doc, 'reverses', target.id).length > 0)
      return err({ type: 'alreadyReversed', id: target.id });
    const errors = new FieldErrors();
    errors.add('date', input.date === '' ? 'required' : checkPastDate(input.date, clock.today));
    errors.add('note', checkOptionalText(input.note, MAX_NOTES));
    const error = errors.done();
    if (error !== null) return err(error);
    const id = writeEntry(
      doc,
      {
        fundId: target.fundId,
        kind: 'correction',
        amount: target.amount,
        date: input.date,
        memberId: target.memberId,
        loanId: target.loanId,
        meetingId: input.meetingId ?? null,
        toFundId: target.toFundId,
        reverses: target.id,
        note: input.note.trim(),
      },
      origin,
      clock,
    );
    return ok(id);
  });
}

/** The treasurer checked a possible duplicate (flags.ts) and both payments are real: stop flagging it. */
export function confirmDuplicate(doc: Y.Doc, key: string, origin: LocalOrigin): Result<void, MoneyError> {
  return runMoneyCommand(doc, origin, () => {
    if (key === '') return notFound(key);
    if (confirmedMap(doc).get(key) !== true) confirmedMap(doc).set(key, true);
    return ok(undefined);
  });
}
