import type * as Y from 'yjs';
import { addMonths, type ClubId, type IsoDate, type MeetingId, type MemberId, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { createRandom } from '../sample/sample-data';
import { createMoney, updateMoneyRules } from './book-commands';
import { derivedId } from './derived-id';
import { payOutLoan, recordRepayment } from './loan-commands';
import { type MoneyClock, recordEntry } from './money-commands';
import type { FundId, InterestMethod, LoanId, RepaymentPlan } from './money-types';
import { type Instalment, scheduleLoan } from './schedule';

/**
 * Five years of a busy self-help club's money, deterministic from a seed: for the money screens' demo
 * and the issue's benchmark. Every write goes through the commands, one meeting a month (the 10th):
 * each member's monthly dues, some expenses, about four new loans, and the instalments due, a few paid
 * a month late, a few loans repaid early, and a few left unpaid (overdue at the end).
 */

function must<T>(result: Result<T, unknown>): T {
  if (!result.ok) throw new Error(`seedSampleMoney: ${JSON.stringify(result.error)}`);
  return result.value;
}

export interface SampleMoneyInput {
  readonly clubId: ClubId;
  /** Active members, ids from the club doc. */
  readonly memberIds: readonly MemberId[];
  /** The last meeting is the last 10th of a month on or before this day. */
  readonly today: IsoDate;
  readonly months?: number;
  readonly seed?: number;
}

interface OpenLoan {
  readonly loanId: LoanId;
  readonly schedule: readonly Instalment[];
  next: number;
  /** 'late': skips one month then pays two; 'early': repays everything at month 3; 'stops': pays 2 then stops. */
  readonly habit: 'onTime' | 'late' | 'early' | 'stops';
  skipped: boolean;
}

const income = 'income' as FundId;
const activity = 'activity' as FundId;

export function seedSampleMoney(doc: Y.Doc, input: SampleMoneyInput, origin: LocalOrigin): void {
  const random = createRandom(input.seed ?? 13);
  const months = input.months ?? 60;
  // Meetings on the 10th; the last one on or before today, so nothing is dated in the future.
  const tenth = `${input.today.slice(0, 7)}-10`;
  const last = tenth <= input.today ? tenth : addMonths(tenth, -1);
  const first = addMonths(last, -(months - 1));
  const clock = (date: IsoDate, tick: number): MoneyClock => ({
    today: date,
    now: new Date(Date.parse(`${date}T02:00:00.000Z`) + tick * 1000).toISOString(),
  });
  must(createMoney(doc, { clubId: input.clubId, clubKind: 'selfHelp' }, origin));
  must(updateMoneyRules(doc, { duesAmount: 10_000, duesPeriod: 'month', duesFrom: first }, origin));
  must(
    recordEntry(
      doc,
      { fundId: income, kind: 'founding', amount: 50_000_000, date: first, note: 'Vốn ban đầu' },
      origin,
      clock(first, 0),
    ),
  );
  must(
    recordEntry(
      doc,
      { fundId: activity, kind: 'founding', amount: 5_000_000, date: first },
      origin,
      clock(first, 1),
    ),
  );
  const open: OpenLoan[] = [];
  // The income fund's cash: the committee lends only what the box holds.
  let cash = 50_000_000;
  for (let m = 0; m < months; m += 1) {
    const date = addMonths(first, m);
    const meetingId = derivedId(`sample-meeting/${date}`) as MeetingId;
    let tick = 2;
    const at = () => clock(date, tick++);
    if (m % 12 === 6) cash += 20_000_000;
    if (m % 12 === 6)
      must(
        recordEntry(
          doc,
          {
            fundId: income,
            kind: 'donation',
            amount: 20_000_000,
            date,
            meetingId,
            note: 'Hội NCT huyện hỗ trợ',
          },
          origin,
          at(),
        ),
      );
    for (const memberId of input.memberIds)
      must(
        recordEntry(
          doc,
          { fundId: activity, kind: 'dues', amount: 10_000, date, memberId, meetingId },
          origin,
          at(),
        ),
      );
    // About as much spent as the dues bring in: ten small payments a month for 70 members.
    for (let e = 0; e < Math.max(1, Math.round(input.memberIds.length / 7)); e += 1) {
      const amount = random.int(2, 12) * 10_000;
      must(
        recordEntry(
          doc,
          {
            fundId: activity,
            kind: 'expense',
            amount,
            date,
            meetingId,
            note: random.pick(['Thăm ốm', 'Quà Tết', 'Nước uống', 'Văn nghệ']),
          },
          origin,
          at(),
        ),
      );
    }
    for (const loan of open) cash += payDue(doc, loan, date, meetingId, origin, at);
    for (let l = 0; l < (m % 4 === 0 ? 5 : 4); l += 1) {
      const memberId = random.pick(input.memberIds);
      const termMonths = random.pick([6, 9, 12]);
      const plan: RepaymentPlan = random.next() < 0.6 ? 'bullet' : 'instalments';
      const method: InterestMethod = plan === 'bullet' || random.next() < 0.5 ? 'flat' : 'declining';
      const amount = random.int(2, 10) * 500_000;
      const monthlyRateBp = random.pick([50, 70, 100]);
      if (amount > cash) continue;
      cash -= amount;
      const { loanId } = must(
        payOutLoan(
          doc,
          {
            memberId,
            amount,
            termMonths,
            plan,
            method,
            monthlyRateBp,
            startOn: date,
            purpose: random.pick(['Nuôi heo', 'Nuôi bò', 'Trồng lúa', 'Buôn bán nhỏ']),
            meetingId,
          },
          origin,
          at(),
        ),
      );
      const roll = random.next();
      const habit = roll < 0.08 ? 'late' : roll < 0.13 ? 'early' : roll < 0.16 ? 'stops' : 'onTime';
      const schedule = scheduleLoan({
        amount,
        termMonths,
        plan,
        method,
        monthlyRateBp,
        rounding: 1000,
        startOn: date,
      });
      open.push({
        loanId,
        schedule,
        next: 0,
        habit: method === 'declining' && habit === 'late' ? 'onTime' : habit,
        skipped: false,
      });
    }
  }
}

function payDue(
  doc: Y.Doc,
  loan: OpenLoan,
  date: IsoDate,
  meetingId: MeetingId,
  origin: LocalOrigin,
  at: () => MoneyClock,
): number {
  const due = loan.schedule.filter((i, k) => k >= loan.next && i.dueOn <= date);
  if (due.length === 0) return 0;
  if (loan.habit === 'stops' && loan.next >= 2) return 0;
  if (loan.habit === 'late' && !loan.skipped) {
    loan.skipped = true;
    return 0;
  }
  if (loan.habit === 'early' && loan.next === 2) {
    const owed = loan.schedule.slice(2).reduce((sum, i) => sum + i.principal, 0);
    const interest = due.reduce((sum, i) => sum + i.interest, 0);
    must(
      recordRepayment(doc, { loanId: loan.loanId, principal: owed, interest, date, meetingId }, origin, at()),
    );
    loan.next = loan.schedule.length;
    return owed + interest;
  }
  const principal = due.reduce((sum, i) => sum + i.principal, 0);
  const interest = due.reduce((sum, i) => sum + i.interest, 0);
  must(recordRepayment(doc, { loanId: loan.loanId, principal, interest, date, meetingId }, origin, at()));
  loan.next += due.length;
  loan.skipped = false;
  return principal + interest;
}
