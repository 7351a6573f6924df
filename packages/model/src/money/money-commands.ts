import type * as Y from 'yjs';
import { err, type IsoDate, type MeetingId, type MemberId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { FieldErrors, notFound } from '../schema/command';
import { checkOptionalText, checkPastDate, MAX_NOTES } from '../schema/field-checks';
import { principalPaidOn } from './ledger';
import { appendEntry, confirmedMap, type MoneyError, newEntryId, runMoneyCommand } from './money-layout';
import { meetingLockedError } from './money-locks';
import { MAX_AMOUNT } from './money-rules';
import type { Entry, EntryId, EntryKind, FundId, Instant, LoanId } from './money-types';
import { findEntries, readEntry, readFunds, readLoan } from './read-money';

/** The day and the moment of a command, from the caller: the model reads no clock. */
export interface MoneyClock {
  /** The tablet's local date, for "not in the future". */
  readonly today: IsoDate;
  /** new Date().toISOString(): orders entries recorded on one day. */
  readonly now: Instant;
}

/**
 * Kinds recordEntry takes; payouts go through payOutLoan, corrections through reverseEntry and a cash
 * count's difference through recordCashCount.
 */
export type PlainEntryKind = Exclude<EntryKind, 'loanPayout' | 'correction' | 'cashShort' | 'cashOver'>;

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
    const locked = meetingLockedError(doc, input.meetingId);
    if (locked !== null) return locked;
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
    const locked = meetingLockedError(doc, input.meetingId);
    if (locked !== null) return locked;
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

/** The treasurer checked a possible duplicate (money-flags.ts) and both payments are real: stop flagging it. */
export function confirmDuplicate(doc: Y.Doc, key: string, origin: LocalOrigin): Result<void, MoneyError> {
  return runMoneyCommand(doc, origin, () => {
    if (key === '') return notFound(key);
    if (confirmedMap(doc).get(key) !== true) confirmedMap(doc).set(key, true);
    return ok(undefined);
  });
}
