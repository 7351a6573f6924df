import { DEFAULT_MONEY_RULES, type FundId, type IsoDate, type MoneyView, newMemberId } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { type LoanDraft, readLoanDraft } from './loan-draft';

const today = '2026-03-15' as IsoDate;
const view: MoneyView = {
  clubId: 'club',
  schemaVersion: 1,
  readOnly: false,
  rules: DEFAULT_MONEY_RULES,
  funds: [{ id: 'income' as FundId, kind: 'income', name: '', target: 20_000_000, retired: false, order: 0 }],
  entries: [
    {
      id: 'e1' as never,
      fundId: 'income' as FundId,
      kind: 'founding',
      amount: 3_000_000,
      date: '2026-01-01' as IsoDate,
      memberId: null,
      loanId: null,
      meetingId: null,
      toFundId: null,
      reverses: null,
      note: '',
      recordedBy: 'hoa',
      recordedAt: '2026-01-01T08:00:00.000Z',
    },
  ],
  loans: [],
  writeOffs: [],
  confirmedDuplicates: [],
};
const draft: LoanDraft = {
  memberId: newMemberId(),
  fundId: 'income' as FundId,
  amount: '2 triệu',
  rate: '0,5',
  term: '12',
  startOn: '15/03/2026',
  purpose: 'Nuôi bò',
  meetingId: null,
};

describe('the new-loan form', () => {
  it('reads a loan within the rules into the input the model saves', () => {
    const reading = readLoanDraft(draft, view, today);
    expect(reading.problems).toEqual({});
    expect(reading.input).toMatchObject({
      amount: 2_000_000,
      monthlyRateBp: 50,
      termMonths: 12,
      startOn: '2026-03-15',
    });
    expect(reading.warnings).toEqual([]);
  });

  it("refuses what breaks the fund rules, saying the rule's limit", () => {
    const reading = readLoanDraft({ ...draft, amount: '12.000.000', rate: '1,5', term: '24' }, view, today);
    expect(reading.problems).toEqual({
      amount: { key: 'field.amountTooLarge', args: { max: '10.000.000 đ' } },
      rate: { key: 'field.rateTooHigh', args: { max: '1' } },
      term: { key: 'field.termTooLong', args: { max: 12 } },
    });
  });

  it('refuses a future payout, no borrower, and text that is not a number, keeping the text', () => {
    const reading = readLoanDraft({ ...draft, memberId: null, startOn: '16/03/2026' }, view, today);
    expect(reading.problems).toMatchObject({
      member: { key: 'field.memberRequired' },
      startOn: { key: 'field.dateInFuture' },
    });
    const typo = { ...draft, amount: 'hai triệu' };
    expect(readLoanDraft(typo, view, today).problems).toMatchObject({ amount: { key: 'amount.notANumber' } });
    expect(typo.amount).toBe('hai triệu');
  });

  it("warns, without refusing, when the loan is more than the fund's cash", () => {
    const reading = readLoanDraft({ ...draft, amount: '5 triệu' }, view, today);
    expect(reading.problems).toEqual({});
    expect(reading.warnings).toEqual([{ type: 'overBalance', balance: 3_000_000 }]);
  });
});
