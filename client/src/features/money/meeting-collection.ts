import {
  createMoneyIndex,
  type EntryId,
  getDuesPosition,
  INCOME_KINDS,
  type IsoDate,
  type LoanId,
  type LoanState,
  listLoanStates,
  type MeetingId,
  type MemberId,
  type MoneyIndex,
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

/**
 * `index` is the book's MoneyIndex (the money session keeps one): the meeting's entries and each
 * member's dues are read from it, so a tap costs the members present, not a scan of the whole book.
 */
export function getMeetingCollection(
  view: MoneyView,
  present: readonly PresentMember[],
  meetingId: MeetingId,
  date: IsoDate,
  states: readonly LoanState[] = listLoanStates(view, date),
  index: Pick<MoneyIndex, 'meetingEntries' | 'duesPaid'> = createMoneyIndex(view.entries),
): MeetingCollection {
  const here = index.meetingEntries(meetingId);
  const open = new Map<MemberId, LoanState[]>();
  for (const s of states) {
    if (s.status !== 'current' && s.status !== 'overdue') continue;
    const list = open.get(s.loan.memberId) ?? [];
    list.push(s);
    open.set(s.loan.memberId, list);
  }
  const payers = present.map((member): Payer => {
    const loans = (open.get(member.id) ?? []).map((s) => ({
      loanId: s.loan.id,
      amount: s.loan.amount,
      startOn: s.loan.startOn,
      principal: s.due.principal,
      interest: s.due.interest,
      penalty: s.due.penalty,
    }));
    const dues = view.rules.duesAmount === 0 ? 0 : getDuesPosition(view, member, date, index.duesPaid).behind;
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

const sameLoanDue = (a: LoanDueToday, b: LoanDueToday) =>
  a.loanId === b.loanId &&
  a.amount === b.amount &&
  a.startOn === b.startOn &&
  a.principal === b.principal &&
  a.interest === b.interest &&
  a.penalty === b.penalty;

function samePayer(a: Payer, b: Payer): boolean {
  return (
    a.memberId === b.memberId &&
    a.name === b.name &&
    a.dues === b.dues &&
    a.due === b.due &&
    a.paidHere === b.paidHere &&
    a.paidEntries.length === b.paidEntries.length &&
    a.paidEntries.every((id, i) => id === b.paidEntries[i]) &&
    a.loans.length === b.loans.length &&
    a.loans.every((l, i) => sameLoanDue(l, b.loans[i] as LoanDueToday))
  );
}

/**
 * `next`, with each payer whose figures did not change replaced by the object shown before: the list is
 * recomputed after every tap, and a row given the same object as before does not render again, so a tap
 * repaints the row of the member who paid (and the totals), not all sixty.
 */
export function keepUnchangedPayers(previous: readonly Payer[] | undefined, next: readonly Payer[]): Payer[] {
  const before = new Map((previous ?? []).map((p) => [p.memberId, p]));
  return next.map((payer) => {
    const held = before.get(payer.memberId);
    return held !== undefined && samePayer(held, payer) ? held : payer;
  });
}
