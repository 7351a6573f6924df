import type * as Y from 'yjs';
import { err, type IsoDate, type MeetingId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { FieldErrors, notFound } from '../schema/command';
import { checkOptionalText, checkPastDate, MAX_NOTES } from '../schema/field-checks';
import { resolveCorrections } from './ledger';
import { type MoneyClock, writeEntry } from './money-commands';
import type { MoneyIndex } from './money-index';
import { type MoneyError, runMoneyCommand } from './money-layout';
import { meetingLockedError } from './money-locks';
import { MAX_AMOUNT } from './money-rules';
import type { EntryId, FundId, MoneyView } from './money-types';
import { readFunds } from './read-money';

/**
 * The cash count at the end of a meeting (kiểm quỹ): the treasurer counts the box and compares it with
 * what the book says the meeting brought in. A difference is recorded as an entry of its own kind,
 * `cashShort` (less in the box: money out of the fund) or `cashOver` (more: money in), linked to the
 * meeting, so the cash book, the balances and the minutes all show it and the book agrees with the box
 * again. A count that matches writes nothing.
 */

export interface CashCountInput {
  /** The fund whose box was counted. */
  readonly fundId: FundId;
  readonly meetingId: MeetingId;
  readonly date: IsoDate;
  /** What the book says the meeting put in the box (receipts − payments); may be 0 or below. */
  readonly expected: number;
  /** What was counted, whole đồng, 0 or more. */
  readonly counted: number;
  /** Says what was counted against what, in the treasurer's words. */
  readonly note?: string;
}

function isWhole(amount: number, min: number): boolean {
  return Number.isSafeInteger(amount) && amount >= min && Math.abs(amount) <= MAX_AMOUNT;
}

/** Records the difference of a count (null when the box matched the book). */
export function recordCashCount(
  doc: Y.Doc,
  input: CashCountInput,
  origin: LocalOrigin,
  clock: MoneyClock,
): Result<EntryId | null, MoneyError> {
  return runMoneyCommand(doc, origin, () => {
    const locked = meetingLockedError(doc, input.meetingId);
    if (locked !== null) return locked;
    const errors = new FieldErrors();
    errors.add('counted', isWhole(input.counted, 0) ? null : 'numberRange');
    errors.add('expected', isWhole(input.expected, -MAX_AMOUNT) ? null : 'numberRange');
    errors.add('date', input.date === '' ? 'required' : checkPastDate(input.date, clock.today));
    errors.add('note', checkOptionalText(input.note, MAX_NOTES));
    const error = errors.done();
    if (error !== null) return err(error);
    if (!readFunds(doc).some((f) => f.id === input.fundId)) return notFound(input.fundId);
    const difference = input.counted - input.expected;
    if (difference === 0) return ok(null);
    const id = writeEntry(
      doc,
      {
        fundId: input.fundId,
        kind: difference < 0 ? 'cashShort' : 'cashOver',
        amount: Math.abs(difference),
        date: input.date,
        memberId: null,
        loanId: null,
        meetingId: input.meetingId,
        toFundId: null,
        reverses: null,
        note: (input.note ?? '').trim(),
      },
      origin,
      clock,
    );
    return ok(id);
  });
}

/**
 * What the meeting's counts changed, corrections applied: + when the box held more than the book, −
 * when less, 0 when they cancel out; null when no difference was recorded at the meeting.
 */
export function getCashCountDifference(
  view: Pick<MoneyView, 'entries'>,
  meetingId: MeetingId,
  index?: Pick<MoneyIndex, 'meetingEntries'>,
): number | null {
  // The index holds the meeting's standing entries already: no scan of the book (the meeting-day screen
  // asks again after every tap).
  const reversedBy = index === undefined ? resolveCorrections(view.entries).reversedBy : null;
  const entries = index === undefined ? view.entries : index.meetingEntries(meetingId);
  let found = false;
  let total = 0;
  for (const e of entries) {
    if (e.meetingId !== meetingId || reversedBy?.has(e.id)) continue;
    if (e.kind === 'cashOver') total += e.amount;
    else if (e.kind === 'cashShort') total -= e.amount;
    else continue;
    found = true;
  }
  return found ? total : null;
}
