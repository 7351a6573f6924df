import {
  duesPaidByMember,
  type Entry,
  type EntryId,
  getDuesPosition,
  INCOME_KINDS,
  type IsoDate,
  type LoanId,
  type LoanState,
  listLoanStates,
  type MeetingId,
  type MemberId,
  type MoneyMember,
  type MoneyView,
  OUTGOING_KINDS,
} from '@chungtay/model';

/**
 * What the treasurer collects at a meeting, computed from the money book and the club's attendance:
 * every member present, with what each owes on the meeting's day (loan repayments, interest, a penalty
 * if the rules set one, dues behind) and what was recorded for them at this meeting. Paying reduces
 * what is due, so a member who paid as due shows 0 due and the amount paid here.
 */

export interface LoanDueToday {
  readonly loanId: LoanId;
  readonly amount: number;
  readonly startOn: IsoDate;
  readonly principal: number;
  readonly interest: number;
  readonly penalty: number;
}

export interface Payer {
  readonly memberId: MemberId;
  readonly name: string;
  readonly loans: readonly LoanDueToday[];
  /** Dues behind on the day (0 when the club collects none). */
  readonly dues: number;
  /** Everything still due: loans and dues. */
  readonly due: number;
  /** Received from this member at this meeting (standing entries). */
  readonly paidHere: number;
  /** Those entries, for "record again" (each is reversed, never erased). */
  readonly paidEntries: readonly EntryId[];
}

export interface PresentMember extends MoneyMember {
  readonly fullName: string;
}

export interface MeetingCollection {
  readonly payers: readonly Payer[];
  readonly collected: number;
  /** Collected plus what is still due: what the meeting was expected to bring in. */
  readonly expected: number;
  /** Cash the meeting's entries put in the box (receipts − payments, corrections applied). */
  readonly netCash: number;
  readonly payersDone: number;
}

function standingOf(entries: readonly Entry[]): Entry[] {
  const reversed = new Set<string>();
  for (const e of entries) if (e.kind === 'correction' && e.reverses !== null) reversed.add(e.reverses);
  return entries.filter((e) => e.kind !== 'correction' && !reversed.has(e.id));
}

export function getMeetingCollection(
  view: MoneyView,
  present: readonly PresentMember[],
  meetingId: MeetingId,
  date: IsoDate,
  states: readonly LoanState[] = listLoanStates(view, date),
): MeetingCollection {
  const standing = standingOf(view.entries);
  const here = standing.filter((e) => e.meetingId === meetingId);
  // Dues paid grouped once: one scan of the book per tap, not one per member present.
  const duesPaid = duesPaidByMember(standing);
  const payers = present.map((member): Payer => {
    const loans = states
      .filter((s) => s.loan.memberId === member.id && (s.status === 'current' || s.status === 'overdue'))
      .map((s) => ({
        loanId: s.loan.id,
        amount: s.loan.amount,
        startOn: s.loan.startOn,
        principal: s.due.principal,
        interest: s.due.interest,
        penalty: s.due.penalty,
      }));
    const dues = view.rules.duesAmount === 0 ? 0 : getDuesPosition(view, member, date, duesPaid).behind;
    const mine = here.filter((e) => e.memberId === member.id && INCOME_KINDS.includes(e.kind));
    const loanDue = loans.reduce((total, l) => total + l.principal + l.interest + l.penalty, 0);
    return {
      memberId: member.id,
      name: member.fullName,
      loans,
      dues,
      due: loanDue + dues,
      paidHere: mine.reduce((total, e) => total + e.amount, 0),
      paidEntries: mine.map((e) => e.id),
    };
  });
  const collected = payers.reduce((total, p) => total + p.paidHere, 0);
  const stillDue = payers.reduce((total, p) => total + p.due, 0);
  const netCash = here.reduce(
    (total, e) =>
      total + (INCOME_KINDS.includes(e.kind) ? e.amount : OUTGOING_KINDS.includes(e.kind) ? -e.amount : 0),
    0,
  );
  return {
    payers,
    collected,
    expected: collected + stillDue,
    netCash,
    payersDone: payers.filter((p) => p.paidHere > 0 && p.due === 0).length,
  };
}
