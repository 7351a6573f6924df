import {
  DEFAULT_MONEY_RULES,
  type Entry,
  type EntryId,
  type FundId,
  type IsoDate,
  type Loan,
  type LoanId,
  type MeetingId,
  type MemberId,
  type MoneyView,
} from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { getMeetingCollection, keepUnchangedPayers, type PresentMember } from './meeting-collection';
import { countFund } from './meeting-payments';

const meeting = 'meet1' as MeetingId;
const lan = {
  id: 'lan' as MemberId,
  fullName: 'Nguyễn Thị Lan',
  joinedOn: '2025-01-01' as IsoDate,
  left: null,
};
const binh = {
  id: 'binh' as MemberId,
  fullName: 'Trần Văn Bình',
  joinedOn: '2025-01-01' as IsoDate,
  left: null,
};
const present: PresentMember[] = [lan, binh];

const loan: Loan = {
  id: 'loan1' as LoanId,
  fundId: 'income' as FundId,
  memberId: lan.id,
  amount: 2_000_000,
  monthlyRateBp: 100,
  method: 'flat',
  plan: 'instalments',
  rounding: 1000,
  termMonths: 4,
  startOn: '2026-01-10' as IsoDate,
  purpose: 'Nuôi lợn',
  meetingId: null,
  recordedBy: 'hoa',
  recordedAt: '2026-01-10T08:00:00.000Z',
};

function entry(id: string, fields: Partial<Entry>): Entry {
  return {
    id: id as EntryId,
    fundId: 'income' as FundId,
    kind: 'contribution',
    amount: 0,
    date: '2026-01-10' as IsoDate,
    memberId: null,
    loanId: null,
    meetingId: null,
    toFundId: null,
    reverses: null,
    note: '',
    recordedBy: 'hoa',
    recordedAt: `${fields.date ?? '2026-01-10'}T08:00:00.000Z`,
    ...fields,
  };
}

function book(entries: Entry[], rules = DEFAULT_MONEY_RULES): MoneyView {
  return {
    clubId: 'club',
    schemaVersion: 1,
    readOnly: false,
    rules,
    funds: [
      { id: 'income' as FundId, kind: 'income', name: '', target: 0, retired: false, order: 0 },
      { id: 'activity' as FundId, kind: 'activity', name: '', target: 0, retired: false, order: 1 },
    ],
    entries,
    loans: [loan],
    writeOffs: [],
    confirmedDuplicates: [],
  };
}

const payout = entry('e0', { kind: 'loanPayout', amount: 2_000_000, memberId: lan.id, loanId: loan.id });
const duesRules = {
  ...DEFAULT_MONEY_RULES,
  duesAmount: 10_000,
  duesPeriod: 'month' as const,
  duesFrom: '2026-02-01' as IsoDate,
};

describe("the meeting's collection", () => {
  it("fills in each member's instalment, interest and dues behind on the meeting's day", () => {
    // A month after the payout: instalment 500.000 + flat interest 1 % of 2.000.000; dues of February.
    const c = getMeetingCollection(book([payout], duesRules), present, meeting, '2026-02-10' as IsoDate);
    const [first, second] = c.payers;
    expect(first?.loans).toEqual([
      expect.objectContaining({ loanId: loan.id, principal: 500_000, interest: 20_000, penalty: 0 }),
    ]);
    expect(first?.dues).toBe(10_000);
    expect(first?.due).toBe(530_000);
    expect(second).toMatchObject({ name: 'Trần Văn Bình', loans: [], dues: 10_000, due: 10_000 });
    expect(c).toMatchObject({ collected: 0, expected: 540_000, netCash: 0, payersDone: 0 });
  });

  it('moves what a member paid here from due to collected, and a partial payment leaves the rest due', () => {
    const paid = [
      entry('p1', {
        kind: 'principalRepaid',
        amount: 500_000,
        memberId: lan.id,
        loanId: loan.id,
        meetingId: meeting,
        date: '2026-02-10' as IsoDate,
      }),
      entry('p2', {
        kind: 'interestPaid',
        amount: 20_000,
        memberId: lan.id,
        loanId: loan.id,
        meetingId: meeting,
        date: '2026-02-10' as IsoDate,
      }),
      entry('d1', {
        kind: 'dues',
        fundId: 'activity' as FundId,
        amount: 5_000,
        memberId: binh.id,
        meetingId: meeting,
        date: '2026-02-10' as IsoDate,
      }),
    ];
    const c = getMeetingCollection(
      book([payout, ...paid], duesRules),
      present,
      meeting,
      '2026-02-10' as IsoDate,
    );
    expect(c.payers[0]).toMatchObject({ due: 10_000, paidHere: 520_000, paidEntries: ['p1', 'p2'] });
    expect(c.payers[1]).toMatchObject({ due: 5_000, paidHere: 5_000 });
    expect(c).toMatchObject({ collected: 525_000, expected: 540_000, netCash: 525_000, payersDone: 0 });
    expect(countFund(book([payout, ...paid]), meeting)).toBe('income');
  });

  it('keeps the payer objects a payment did not change, so only the paying row renders again', () => {
    const day = '2026-02-10' as IsoDate;
    const before = getMeetingCollection(book([payout], duesRules), present, meeting, day).payers;
    const dues = entry('d1', {
      kind: 'dues',
      fundId: 'activity' as FundId,
      amount: 5_000,
      memberId: binh.id,
      meetingId: meeting,
      date: day,
    });
    const fresh = getMeetingCollection(book([payout, dues], duesRules), present, meeting, day).payers;
    const after = keepUnchangedPayers(before, fresh);
    expect(after).toEqual(fresh);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]).toMatchObject({ paidHere: 5_000, paidEntries: ['d1'] });
    expect(keepUnchangedPayers(undefined, fresh)).toEqual(fresh);
  });

  it('takes a reversed payment back off the meeting, so the member is due again', () => {
    const paid = entry('p1', {
      kind: 'principalRepaid',
      amount: 500_000,
      memberId: lan.id,
      loanId: loan.id,
      meetingId: meeting,
      date: '2026-02-10' as IsoDate,
    });
    const undo = entry('c1', {
      kind: 'correction',
      amount: 500_000,
      memberId: lan.id,
      loanId: loan.id,
      meetingId: meeting,
      reverses: paid.id,
      date: '2026-02-10' as IsoDate,
    });
    const c = getMeetingCollection(book([payout, paid, undo]), [lan], meeting, '2026-02-10' as IsoDate);
    expect(c.payers[0]).toMatchObject({ due: 520_000, paidHere: 0, paidEntries: [] });
    expect(c.netCash).toBe(0);
  });

  it('counts a member who paid everything due as done, and one with nothing due as not owing', () => {
    const paid = [
      entry('p1', {
        kind: 'principalRepaid',
        amount: 500_000,
        memberId: lan.id,
        loanId: loan.id,
        meetingId: meeting,
        date: '2026-02-10' as IsoDate,
      }),
      entry('p2', {
        kind: 'interestPaid',
        amount: 20_000,
        memberId: lan.id,
        loanId: loan.id,
        meetingId: meeting,
        date: '2026-02-10' as IsoDate,
      }),
    ];
    const c = getMeetingCollection(book([payout, ...paid]), present, meeting, '2026-02-10' as IsoDate);
    expect(c.payersDone).toBe(1);
    expect(c.payers[1]).toMatchObject({ due: 0, paidHere: 0 });
  });
});
