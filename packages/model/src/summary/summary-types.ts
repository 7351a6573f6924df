import type { RedCrossCounts } from '../red-cross/red-cross-counts';
import type { ClubKind, StandardArea } from '../schema/enums';

/**
 * What a supervisor may see of a club: figures only. No member's name, phone, birth year, household,
 * notes, health value or loan appears here (Law 91/2025/QH15: supervisors see totals, not people).
 * Group names and the club's own name and place are the club's, not a person's.
 */
export interface ClubSummary {
  readonly clubId: string | null;
  /** ISO time of the recomputation that last changed a figure; null before the first. */
  readonly computedAt: string | null;
  readonly club: SummaryClub;
  readonly targets: SummaryTargets;
  readonly members: SummaryMembers;
  /** One row per month with a meeting, oldest first. */
  readonly meetings: readonly MonthMeetings[];
  /** Running groups, in the club's order. */
  readonly groups: readonly SummaryGroup[];
  /** null until a tablet that holds the health book has recomputed. */
  readonly health: SummaryHealth | null;
  /** null until a tablet that holds the money book has recomputed. */
  readonly money: SummaryMoney | null;
  /**
   * A Red Cross chapter's register on the day computed and its log since 1 January of that year: counts
   * only (red-cross-counts.ts); null for any other club.
   */
  readonly redCross: RedCrossCounts | null;
  /** Reports the committee approved (issue 15 §2), oldest period first. */
  readonly reports: readonly ApprovedReport[];
}

export interface SummaryClub {
  readonly name: string;
  readonly kind: ClubKind;
  readonly hamlet: string;
  readonly commune: string;
  readonly district: string;
  readonly province: string;
}

/** The club's own targets (settings, national values by default) so a supervisor judges by them. */
export interface SummaryTargets {
  readonly memberMin: number;
  readonly memberMax: number;
  readonly womenMinPct: number;
  readonly olderMinPct: number;
  readonly poorMinPct: number;
  readonly olderAge: number;
}

export interface SummaryMembers {
  readonly total: number;
  readonly women: number;
  /** Active members whose birth year is known: the denominator of the older share. */
  readonly ageKnown: number;
  readonly older: number;
  readonly poorOrNearPoor: number;
  readonly ethnicMinority: number;
}

export interface MonthMeetings {
  /** 'yyyy-mm'. */
  readonly month: string;
  readonly held: number;
  /** Sums over the month's meetings: attendance is present / roster. */
  readonly present: number;
  readonly roster: number;
}

export interface SummaryGroup {
  readonly id: string;
  readonly name: string;
  readonly area: StandardArea | null;
  readonly size: number;
}

export interface SummaryHealth {
  /** Check records (one member at one meeting). */
  readonly checks: number;
  readonly membersChecked: number;
  readonly followUpsOpen: number;
}

export interface SummaryMoney {
  /** Loans paid out and not cancelled. */
  readonly loans: number;
  /** Active members who have ever borrowed / borrow now. */
  readonly borrowedEver: number;
  readonly borrowingNow: number;
  /** Principal still owed, whole đồng. */
  readonly outstanding: number;
  readonly overdueLoans: number;
  /** Unpaid and due on overdue loans, whole đồng. */
  readonly overdueAmount: number;
  /** Size (cash + lent) of each kind of fund, whole đồng. */
  readonly funds: Readonly<Record<SummaryFundKind, number>>;
  /** null when the club collects no dues. */
  readonly dues: { readonly upToDate: number; readonly of: number } | null;
  /**
   * The money book's own targets: share of members who have borrowed (percent) and the income fund's
   * size (whole đồng, 0 = none). Here, not in `targets`, so a tablet without the book leaves them alone.
   */
  readonly targets: { readonly borrowedPct: number; readonly incomeFund: number };
}

export const SUMMARY_FUND_KINDS = ['income', 'activity', 'humanitarian', 'custom'] as const;
export type SummaryFundKind = (typeof SUMMARY_FUND_KINDS)[number];

/**
 * An approved periodic report as the supervisors receive it: the figures frozen at approval and the
 * narrative sections. Written when the chair approves (issue 15 §2), withdrawn when the chair reopens it.
 */
export interface ApprovedReport {
  readonly id: string;
  readonly kind: 'halfYear' | 'year' | 'custom';
  readonly from: string;
  readonly to: string;
  readonly approvedOn: string;
  /** Figure code → number, e.g. `members.total`; whatever the report froze. */
  readonly figures: Readonly<Record<string, number>>;
  /** Section code → plain text (strengths, weaknesses, lessons, proposals, direction…). */
  readonly narrative: Readonly<Record<string, string>>;
  /**
   * How many times the report had been reopened before this approval (0 or absent: never). A later
   * approval of the same report replaces the entry; an earlier one never comes back over it.
   */
  readonly revision?: number | undefined;
}
