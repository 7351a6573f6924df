import type { IsoDate, MeetingId, MemberId } from '../ids/ids';

/**
 * The vocabulary and the plain, readonly shapes of the money document `<clubId>/money`. Amounts are
 * whole đồng held in `number` and checked with Number.isSafeInteger (±9·10^15 đ, far past any club);
 * rates are integers in basis points per month (1 % a month = 100), so no float ever enters the books.
 */

export type FundId = string & { readonly __brand: 'FundId' };
export type EntryId = string & { readonly __brand: 'EntryId' };
export type LoanId = string & { readonly __brand: 'LoanId' };
/** 'yyyy-mm-ddThh:mm:ss.sssZ' (Date.prototype.toISOString), passed in by the caller: the model reads no clock. */
export type Instant = string;

/** Standard funds have fixed ids, so two tablets starting the book offline make the same funds. */
export const STANDARD_FUNDS = ['income', 'activity', 'humanitarian'] as const;
export type StandardFund = (typeof STANDARD_FUNDS)[number];

export const FUND_KINDS = ['income', 'activity', 'humanitarian', 'custom'] as const;
export type FundKind = (typeof FUND_KINDS)[number];

/**
 * Every movement of money. `transfer` moves `amount` from `fundId` to `toFundId`; `correction` cancels
 * the entry it `reverses` (its amount is a copy for the books, its effect is the exact opposite).
 * `cashShort` / `cashOver`: the cash counted at the end of a meeting was less / more than the book said
 * (recordCashCount), so the book follows the box and says by how much (schema 2).
 */
export const ENTRY_KINDS = [
  'founding',
  'contribution',
  'dues',
  'donation',
  'loanPayout',
  'principalRepaid',
  'interestPaid',
  'penalty',
  'expense',
  'transfer',
  'correction',
  'cashShort',
  'cashOver',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Kinds that bring money into their fund; `loanPayout` and `expense` take it out. */
export const INCOME_KINDS: readonly EntryKind[] = [
  'founding',
  'contribution',
  'dues',
  'donation',
  'principalRepaid',
  'interestPaid',
  'penalty',
  'cashOver',
];
export const OUTGOING_KINDS: readonly EntryKind[] = ['loanPayout', 'expense', 'cashShort'];

/** flat: on the original principal every month; declining: on the principal still owed. */
export const INTEREST_METHODS = ['flat', 'declining'] as const;
export type InterestMethod = (typeof INTEREST_METHODS)[number];

/** bullet: interest monthly, all principal at the end; instalments: equal monthly parts of principal. */
export const REPAYMENT_PLANS = ['bullet', 'instalments'] as const;
export type RepaymentPlan = (typeof REPAYMENT_PLANS)[number];

/** Round to the đồng or to 1,000 đ (half up). */
export const ROUNDINGS = [1, 1000] as const;
export type Rounding = (typeof ROUNDINGS)[number];

export const DUES_PERIODS = ['month', 'quarter', 'year'] as const;
export type DuesPeriod = (typeof DUES_PERIODS)[number];

/** The club's fund rules (quy chế quỹ). Every value has a default (DEFAULT_MONEY_RULES). */
export interface MoneyRules {
  readonly interestMethod: InterestMethod;
  readonly repaymentPlan: RepaymentPlan;
  /** Basis points per month: 50 = 0,5 %/month. */
  readonly defaultMonthlyRateBp: number;
  readonly maxMonthlyRateBp: number;
  readonly maxLoanAmount: number;
  readonly defaultTermMonths: number;
  readonly maxTermMonths: number;
  readonly rounding: Rounding;
  /** 0 = the club collects no dues. */
  readonly duesAmount: number;
  readonly duesPeriod: DuesPeriod;
  /** Dues are owed from this date (the start of its period); null = from each member's joining. */
  readonly duesFrom: IsoDate | null;
  readonly duesFundId: FundId;
  /** Days after a due date before a loan counts as overdue. */
  readonly lateGraceDays: number;
  /** Penalty per started month late on the overdue amount, basis points; 0 = no penalty. */
  readonly latePenaltyBp: number;
  /** Target share of members who have borrowed, in percent (national: 50). */
  readonly borrowedShareTarget: number;
  /** Target share of members paying dues fully and on time, in percent (Red Cross: 70). */
  readonly duesPaidShareTarget: number;
}

export interface Fund {
  readonly id: FundId;
  readonly kind: FundKind;
  /** Empty for standard funds: the UI names them from the catalogue. */
  readonly name: string;
  /** The fund size the club aims for, whole đồng; 0 = none. */
  readonly target: number;
  readonly retired: boolean;
  readonly order: number;
}

export interface Entry {
  readonly id: EntryId;
  readonly fundId: FundId;
  readonly kind: EntryKind;
  /** Whole đồng, > 0. The direction comes from the kind. */
  readonly amount: number;
  readonly date: IsoDate;
  readonly memberId: MemberId | null;
  readonly loanId: LoanId | null;
  readonly meetingId: MeetingId | null;
  /** For `transfer`: the fund receiving the money. */
  readonly toFundId: FundId | null;
  /** For `correction`: the entry it cancels. */
  readonly reverses: EntryId | null;
  readonly note: string;
  /** Author id. */
  readonly recordedBy: string;
  readonly recordedAt: Instant;
}

/** The terms of a loan as approved; what is due and paid is derived (loan-state.ts). */
export interface Loan {
  readonly id: LoanId;
  readonly fundId: FundId;
  readonly memberId: MemberId;
  readonly amount: number;
  readonly monthlyRateBp: number;
  readonly method: InterestMethod;
  readonly plan: RepaymentPlan;
  readonly rounding: Rounding;
  readonly termMonths: number;
  /** The payout date; instalment k falls due k months later. */
  readonly startOn: IsoDate;
  readonly purpose: string;
  readonly meetingId: MeetingId | null;
  readonly recordedBy: string;
  readonly recordedAt: Instant;
}

/** A committee decision that a loan will not be collected. */
export interface WriteOff {
  readonly loanId: LoanId;
  readonly on: IsoDate;
  readonly meetingId: MeetingId | null;
  readonly note: string;
  readonly recordedBy: string;
}

export interface MoneyView {
  readonly clubId: string | null;
  readonly schemaVersion: number;
  readonly readOnly: boolean;
  readonly rules: MoneyRules;
  /** Ordered by `order`, then id. */
  readonly funds: readonly Fund[];
  /** Canonical order: date, then recordedAt, then id; the same on every tablet. */
  readonly entries: readonly Entry[];
  /** By startOn, then recordedAt, then id. */
  readonly loans: readonly Loan[];
  readonly writeOffs: readonly WriteOff[];
  /** Duplicate groups the treasurer confirmed as real (keys from `duplicateKey`). */
  readonly confirmedDuplicates: readonly string[];
  /** Author id → name, as each last wrote to the book (absent in books read by older code paths). */
  readonly authors?: Readonly<Record<string, string>>;
}
