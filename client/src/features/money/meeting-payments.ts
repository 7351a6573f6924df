import type { Entry, FundId, IsoDate, MeetingId, MoneyError, MoneyView, Result } from '@chungtay/model';
import { INCOME_KINDS } from '@chungtay/model';
import type { Payer } from './meeting-collection';
import type { MoneyCommands } from './money-context';

/** What one payer pays today, by loan and dues; amounts in whole đồng, 0 for a part not paid. */
export interface PayerPayment {
  readonly loans: readonly {
    readonly loanId: Payer['loans'][number]['loanId'];
    principal: number;
    interest: number;
    penalty: number;
  }[];
  readonly dues: number;
}

export function paymentAsDue(payer: Payer): PayerPayment {
  return {
    loans: payer.loans.map((l) => ({
      loanId: l.loanId,
      principal: l.principal,
      interest: l.interest,
      penalty: l.penalty,
    })),
    dues: payer.dues,
  };
}

/**
 * Records a payer's payment at the meeting: one repayment per loan (principal, interest and penalty kept
 * apart, as the books keep them) and the dues, each dated the meeting's day and linked to it. Stops at
 * the first refusal and returns it; what was recorded before it stays (each is a real receipt).
 */
export function recordPayment(
  commands: MoneyCommands,
  view: Pick<MoneyView, 'rules'>,
  payer: Payer,
  payment: PayerPayment,
  meeting: { readonly id: MeetingId; readonly date: IsoDate },
): Result<void, MoneyError> {
  for (const loan of payment.loans) {
    if (loan.principal + loan.interest + loan.penalty === 0) continue;
    const result = commands.recordRepayment({
      loanId: loan.loanId,
      principal: loan.principal,
      interest: loan.interest,
      penalty: loan.penalty,
      date: meeting.date,
      meetingId: meeting.id,
    });
    if (!result.ok) return result;
  }
  if (payment.dues > 0) {
    const result = commands.recordEntry({
      fundId: view.rules.duesFundId,
      kind: 'dues',
      amount: payment.dues,
      date: meeting.date,
      memberId: payer.memberId,
      meetingId: meeting.id,
    });
    if (!result.ok) return result;
  }
  return { ok: true, value: undefined };
}

/**
 * The fund a cash-count difference goes to: the one that took the most at this meeting (the box the
 * treasurer counted), else the dues fund.
 */
export function countFund(view: Pick<MoneyView, 'entries' | 'rules'>, meetingId: MeetingId): FundId {
  const taken = new Map<FundId, number>();
  for (const e of view.entries as readonly Entry[])
    if (e.meetingId === meetingId && INCOME_KINDS.includes(e.kind))
      taken.set(e.fundId, (taken.get(e.fundId) ?? 0) + e.amount);
  let best: FundId = view.rules.duesFundId;
  let most = 0;
  for (const [fund, amount] of taken)
    if (amount > most) {
      best = fund;
      most = amount;
    }
  return best;
}
