import {
  type FieldError,
  type FundId,
  type IsoDate,
  type LoanInput,
  type LoanWarning,
  type MeetingId,
  type MemberId,
  type MoneyView,
  validateLoan,
} from '@chungtay/model';
import { formatMoney, parseDisplayDate } from '../../i18n/format';
import { rateText, readAmount, readMonths, readRatePercent } from './amount-input';
import type { MoneyKey } from './money-i18n';

/** What the new-loan form holds: the text of each field exactly as typed. */
export interface LoanDraft {
  readonly memberId: MemberId | null;
  readonly fundId: FundId;
  readonly amount: string;
  readonly rate: string;
  readonly term: string;
  readonly startOn: string;
  readonly purpose: string;
  readonly meetingId: MeetingId | null;
}

export type DraftMessage = { readonly key: MoneyKey; readonly args?: Record<string, string | number> };

export interface DraftReading {
  /** The loan as it would be saved, when every field reads (it may still break the rules). */
  readonly input: LoanInput | null;
  /** Why each refused field is refused, by field name of the form. */
  readonly problems: Readonly<Record<string, DraftMessage>>;
  readonly warnings: readonly LoanWarning[];
}

const MODEL_FIELD: Record<string, string> = {
  memberId: 'member',
  amount: 'amount',
  monthlyRateBp: 'rate',
  termMonths: 'term',
  startOn: 'startOn',
  purpose: 'purpose',
};

function ruleMessage(field: string, code: FieldError, view: MoneyView): DraftMessage {
  const rules = view.rules;
  if (field === 'memberId') return { key: 'field.memberRequired' };
  if (field === 'amount' && code === 'numberRange')
    return { key: 'field.amountTooLarge', args: { max: formatMoney(rules.maxLoanAmount, 'vi') } };
  if (field === 'monthlyRateBp')
    return { key: 'field.rateTooHigh', args: { max: rateText(rules.maxMonthlyRateBp) } };
  if (field === 'termMonths') return { key: 'field.termTooLong', args: { max: rules.maxTermMonths } };
  if (code === 'dateInFuture') return { key: 'field.dateInFuture' };
  if (code === 'dateFormat') return { key: 'field.date' };
  if (code === 'tooLong') return { key: 'field.tooLong' };
  return { key: code === 'required' ? 'field.required' : 'field.numberRange' };
}

/**
 * Reads the form against the fund rules (model's validateLoan) and the fund's cash: the form shows the
 * schedule as soon as `input` is there, and refuses to save while `problems` is not empty. The text
 * typed is never changed; `amountTooLarge` and friends carry the rule's limit so the message says it.
 */
export function readLoanDraft(draft: LoanDraft, view: MoneyView, today: IsoDate): DraftReading {
  const problems: Record<string, DraftMessage> = {};
  const amount = readAmount(draft.amount);
  if (!amount.ok) problems.amount = { key: amount.message, args: amount.args };
  const rate = readRatePercent(draft.rate);
  if (rate === null) problems.rate = { key: 'field.rate' };
  const term = readMonths(draft.term);
  if (term === null) problems.term = { key: 'field.term' };
  const startOn = parseDisplayDate(draft.startOn);
  if (startOn === null) problems.startOn = { key: 'field.date' };
  if (!amount.ok || rate === null || term === null || startOn === null)
    return { input: null, problems, warnings: [] };
  const input: LoanInput = {
    fundId: draft.fundId,
    memberId: (draft.memberId ?? '') as MemberId,
    amount: amount.value,
    monthlyRateBp: rate,
    termMonths: term,
    startOn: startOn as IsoDate,
    purpose: draft.purpose,
    meetingId: draft.meetingId,
  };
  const { error, warnings } = validateLoan(view, input, today);
  for (const [field, code] of Object.entries(error?.fields ?? {}))
    problems[MODEL_FIELD[field] ?? field] = ruleMessage(field, code, view);
  return { input, problems, warnings };
}
