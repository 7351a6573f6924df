import type * as Y from 'yjs';
import { err, type IsoDate, isId, type MeetingId, type MemberId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { FieldErrors, notFound, type ValidationError } from '../schema/command';
import { checkOptionalText, checkPastDate, MAX_NOTES, MAX_TEXT } from '../schema/field-checks';
import { cashBalances, principalPaidOn } from './ledger';
import { checkAmount, type MoneyClock, writeEntry } from './money-commands';
import { loansMap, type MoneyError, newLoanId, runMoneyCommand, writeOffsMap } from './money-layout';
import { meetingLockedError } from './money-locks';
import type {
  EntryId,
  FundId,
  InterestMethod,
  LoanId,
  MoneyRules,
  MoneyView,
  RepaymentPlan,
} from './money-types';
import { findEntries, readFunds, readLoan, readRules } from './read-money';

export interface LoanInput {
  /** Defaults to the income fund. */
  readonly fundId?: FundId;
  readonly memberId: MemberId;
  readonly amount: number;
  /** Defaults from the fund rules. */
  readonly monthlyRateBp?: number;
  readonly method?: InterestMethod;
  readonly plan?: RepaymentPlan;
  readonly termMonths?: number;
  /** The payout date. */
  readonly startOn: IsoDate;
  readonly purpose: string;
  /** The meeting whose committee approved it. */
  readonly meetingId: MeetingId | null;
}

/** A loan the fund can pay but should think twice about: shown before saving, never a refusal. */
export type LoanWarning = { readonly type: 'overBalance'; readonly balance: number };

function checkLoan(input: LoanInput, rules: MoneyRules, today: IsoDate): ValidationError | null {
  const errors = new FieldErrors();
  if (!isId(input.memberId)) errors.add('memberId', 'required');
  const amountError = checkAmount(input.amount);
  errors.add('amount', amountError ?? (input.amount > rules.maxLoanAmount ? 'numberRange' : null));
  const rate = input.monthlyRateBp ?? rules.defaultMonthlyRateBp;
  if (!Number.isSafeInteger(rate) || rate < 0 || rate > rules.maxMonthlyRateBp)
    errors.add('monthlyRateBp', 'numberRange');
  const term = input.termMonths ?? rules.defaultTermMonths;
  if (!Number.isSafeInteger(term) || term < 1 || term > rules.maxTermMonths)
    errors.add('termMonths', 'numberRange');
  errors.add('startOn', input.startOn === '' ? 'required' : checkPastDate(input.startOn, today));
  errors.add('purpose', checkOptionalText(input.purpose, MAX_TEXT));
  return errors.done();
}

/**
 * Checks a loan before it is saved, for the lending screen: field errors against the fund rules
 * (amount over the maximum, rate over the maximum, term, a future date) and warnings (the fund's cash
 * would go below zero).
 */
export function validateLoan(
  view: MoneyView,
  input: LoanInput,
  today: IsoDate,
): { readonly error: ValidationError | null; readonly warnings: readonly LoanWarning[] } {
  const error = checkLoan(input, view.rules, today);
  const fundId = input.fundId ?? ('income' as FundId);
  const balance = cashBalances(view, [fundId]).get(fundId) ?? 0;
  const warnings: LoanWarning[] =
    Number.isSafeInteger(input.amount) && input.amount > balance ? [{ type: 'overBalance', balance }] : [];
  return { error, warnings };
}

/**
 * Pays out a loan: the loan's terms (rate, method, plan and rounding fixed from today's rules, so a
 * later change of rules leaves it alone) and its payout entry, in one transaction.
 */
export function payOutLoan(
  doc: Y.Doc,
  input: LoanInput,
  origin: LocalOrigin,
  clock: MoneyClock,
): Result<{ loanId: LoanId; entryId: EntryId }, MoneyError> {
  return runMoneyCommand(doc, origin, () => {
    const locked = meetingLockedError(doc, input.meetingId);
    if (locked !== null) return locked;
    const rules = readRules(doc);
    const error = checkLoan(input, rules, clock.today);
    if (error !== null) return err(error);
    const fundId = input.fundId ?? ('income' as FundId);
    if (!readFunds(doc).some((f) => f.id === fundId)) return notFound(fundId);
    const loanId = newLoanId();
    loansMap(doc).set(loanId, {
      fundId,
      memberId: input.memberId,
      amount: input.amount,
      monthlyRateBp: input.monthlyRateBp ?? rules.defaultMonthlyRateBp,
      method: input.method ?? rules.interestMethod,
      plan: input.plan ?? rules.repaymentPlan,
      rounding: rules.rounding,
      termMonths: input.termMonths ?? rules.defaultTermMonths,
      startOn: input.startOn,
      purpose: input.purpose.trim(),
      meetingId: input.meetingId,
      recordedBy: origin.author.id,
      recordedAt: clock.now,
    });
    const entryId = writeEntry(
      doc,
      {
        fundId,
        kind: 'loanPayout',
        amount: input.amount,
        date: input.startOn,
        memberId: input.memberId,
        loanId,
        meetingId: input.meetingId,
        toFundId: null,
        reverses: null,
        note: input.purpose.trim(),
      },
      origin,
      clock,
    );
    return ok({ loanId, entryId });
  });
}

export interface RepaymentInput {
  readonly loanId: LoanId;
  /** Whole đồng each, 0 for none; at least one above 0. */
  readonly principal: number;
  readonly interest: number;
  readonly penalty?: number;
  readonly date: IsoDate;
  readonly meetingId?: MeetingId | null;
  readonly note?: string;
}

/**
 * Records what a borrower paid, split into principal, interest and penalty: one entry each (the books
 * keep them apart), all in one transaction. Partial and early payments are just smaller or earlier
 * entries; what remains due is derived (loan-state.ts). Paying more principal than is owed is refused.
 */
export function recordRepayment(
  doc: Y.Doc,
  input: RepaymentInput,
  origin: LocalOrigin,
  clock: MoneyClock,
): Result<readonly EntryId[], MoneyError> {
  return runMoneyCommand(doc, origin, () => {
    const locked = meetingLockedError(doc, input.meetingId);
    if (locked !== null) return locked;
    const loan = readLoan(doc, input.loanId);
    if (loan === null) return notFound(input.loanId);
    const errors = new FieldErrors();
    const parts = [
      ['principal', 'principalRepaid', input.principal],
      ['interest', 'interestPaid', input.interest],
      ['penalty', 'penalty', input.penalty ?? 0],
    ] as const;
    for (const [field, , amount] of parts) if (amount !== 0) errors.add(field, checkAmount(amount));
    if (parts.every(([, , amount]) => amount === 0)) errors.add('principal', 'required');
    errors.add('date', input.date === '' ? 'required' : checkPastDate(input.date, clock.today));
    errors.add('note', checkOptionalText(input.note, MAX_NOTES));
    if (input.principal > 0) {
      const paid = principalPaidOn(findEntries(doc, 'loanId', loan.id));
      if (paid + input.principal > loan.amount) errors.add('principal', 'numberRange');
    }
    const error = errors.done();
    if (error !== null) return err(error);
    const ids: EntryId[] = [];
    for (const [, kind, amount] of parts) {
      if (amount === 0) continue;
      ids.push(
        writeEntry(
          doc,
          {
            fundId: loan.fundId,
            kind,
            amount,
            date: input.date,
            memberId: loan.memberId,
            loanId: loan.id,
            meetingId: input.meetingId ?? null,
            toFundId: null,
            reverses: null,
            note: (input.note ?? '').trim(),
          },
          origin,
          clock,
        ),
      );
    }
    return ok(ids);
  });
}

export interface WriteOffInput {
  readonly loanId: LoanId;
  readonly on: IsoDate;
  /** The meeting that decided it. */
  readonly meetingId: MeetingId | null;
  readonly note: string;
}

/** The committee decided not to collect a loan: its status becomes writtenOff; its entries stay. */
export function writeOffLoan(
  doc: Y.Doc,
  input: WriteOffInput,
  origin: LocalOrigin,
  clock: MoneyClock,
): Result<void, MoneyError> {
  return runMoneyCommand(doc, origin, () => {
    const locked = meetingLockedError(doc, input.meetingId);
    if (locked !== null) return locked;
    if (readLoan(doc, input.loanId) === null) return notFound(input.loanId);
    const errors = new FieldErrors();
    errors.add('on', input.on === '' ? 'required' : checkPastDate(input.on, clock.today));
    errors.add('note', checkOptionalText(input.note, MAX_NOTES));
    const error = errors.done();
    if (error !== null) return err(error);
    writeOffsMap(doc).set(input.loanId, {
      on: input.on,
      meetingId: input.meetingId,
      note: input.note.trim(),
      recordedBy: origin.author.id,
    });
    return ok(undefined);
  });
}
