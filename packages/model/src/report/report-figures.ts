import type { CareView } from '../care/read-care';
import type { HealthView } from '../health/read-health';
import { type IsoDate, yearOf } from '../ids/ids';
import { getMeetingAttendance } from '../indicators/groups-attendance';
import { listLoanStates } from '../money/loan-state';
import { getFundBalances } from '../money/money-indicators';
import type { MoneyView } from '../money/money-types';
import { countRedCross, type RedCrossCounts } from '../red-cross/red-cross-counts';
import type { StandardArea } from '../schema/enums';
import type { ClubView, Member } from '../schema/types';
import { SUMMARY_FUND_KINDS, type SummaryFundKind } from '../summary/summary-types';
import type { ReportPeriod } from './report-period';

/**
 * A periodic report's figures (issue 15 §2), computed from the books for one period. Everything is a
 * count or whole đồng, never a person: the same figures go to the supervisors' summary.
 */
export interface ReportFigures {
  readonly members: {
    /** On the roster the day before the period starts / on its last day. */
    readonly atStart: number;
    readonly atEnd: number;
    /** Joined / left within the period (inclusive bounds). */
    readonly joined: number;
    readonly left: number;
    /** Composition on the period's last day. */
    readonly women: number;
    readonly ageKnown: number;
    readonly older: number;
    readonly poorOrNearPoor: number;
    readonly ethnicMinority: number;
  };
  readonly meetings: { readonly held: number; readonly present: number; readonly roster: number };
  /** Running groups at the period's end by area: how many and how many members they hold. */
  readonly activities: readonly {
    readonly area: StandardArea | null;
    readonly groups: number;
    readonly members: number;
  }[];
  /** null when this tablet does not hold the health book. */
  readonly health: { readonly checks: number; readonly membersChecked: number } | null;
  /** null when this tablet does not hold the money book. */
  readonly money: {
    readonly loansDisbursed: number;
    readonly amountDisbursed: number;
    readonly principalRepaid: number;
    readonly interestPaid: number;
    /** Fund sizes (cash + lent) at the period's end, by kind. */
    readonly funds: Readonly<Record<SummaryFundKind, number>>;
  } | null;
  /** null when this tablet does not hold the home-care book. */
  readonly care: { readonly pairingsActive: number; readonly visits: number } | null;
  /**
   * A Red Cross chapter's register and log (red-cross/red-cross-counts.ts); null for other clubs. Reports
   * frozen before it was added lack it: readers test it for truthiness.
   */
  readonly redCross: RedCrossCounts | null;
}

export interface ReportBooks {
  readonly club: ClubView;
  readonly health: HealthView | null;
  readonly money: MoneyView | null;
  readonly care: CareView | null;
}

const within = (date: IsoDate, p: ReportPeriod): boolean => date >= p.from && date <= p.to;

/** On the roster on `day`: joined by then (unknown joining counts as always), not yet left, not merged. */
function onRoster(member: Member, day: IsoDate): boolean {
  if (member.mergedInto !== null) return false;
  if (member.joinedOn !== null && member.joinedOn > day) return false;
  return member.left === null || member.left.on > day;
}

function dayBefore(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function computeReportFigures(books: ReportBooks, period: ReportPeriod): ReportFigures {
  const { club } = books;
  return {
    members: memberFigures(club, period),
    meetings: meetingFigures(club, period),
    activities: activityFigures(club),
    health: books.health === null ? null : healthFigures(club, books.health, period),
    money: books.money === null ? null : moneyFigures(books.money, period),
    care: books.care === null ? null : careFigures(books.care, period),
    redCross: club.profile.kind === 'redCross' ? countRedCross(club.redCross, period.from, period.to) : null,
  };
}

function memberFigures(club: ClubView, p: ReportPeriod): ReportFigures['members'] {
  const start = dayBefore(p.from);
  const atEnd = club.members.filter((m) => onRoster(m, p.to));
  const year = yearOf(p.to);
  const ages = atEnd.filter((m) => m.birthYear !== null).map((m) => year - (m.birthYear ?? year));
  return {
    atStart: club.members.filter((m) => onRoster(m, start)).length,
    atEnd: atEnd.length,
    joined: club.members.filter((m) => m.mergedInto === null && m.joinedOn !== null && within(m.joinedOn, p))
      .length,
    left: club.members.filter((m) => m.mergedInto === null && m.left !== null && within(m.left.on, p)).length,
    women: atEnd.filter((m) => m.gender === 'female').length,
    ageKnown: ages.length,
    older: ages.filter((a) => a >= club.settings.olderAge).length,
    poorOrNearPoor: atEnd.filter((m) => m.household !== 'none').length,
    ethnicMinority: atEnd.filter((m) => m.ethnicMinority).length,
  };
}

function meetingFigures(club: ClubView, p: ReportPeriod): ReportFigures['meetings'] {
  let held = 0;
  let present = 0;
  let roster = 0;
  for (const meeting of club.meetings) {
    if (!within(meeting.date, p)) continue;
    const attendance = getMeetingAttendance(club, meeting.id);
    held += 1;
    present += attendance.present;
    roster += attendance.roster;
  }
  return { held, present, roster };
}

function activityFigures(club: ClubView): ReportFigures['activities'] {
  const byArea = new Map<StandardArea | null, { groups: number; members: Set<string> }>();
  const active = new Set(
    club.members.filter((m) => m.left === null && m.mergedInto === null).map((m) => m.id),
  );
  for (const group of club.groups) {
    if (group.retiredOn !== null) continue;
    const row = byArea.get(group.area) ?? { groups: 0, members: new Set<string>() };
    row.groups += 1;
    for (const id of group.memberIds) if (active.has(id)) row.members.add(id);
    byArea.set(group.area, row);
  }
  return [...byArea].map(([area, row]) => ({ area, groups: row.groups, members: row.members.size }));
}

function healthFigures(club: ClubView, health: HealthView, p: ReportPeriod): ReportFigures['health'] {
  const dates = new Map<string, IsoDate>(club.meetings.map((m) => [m.id, m.date]));
  const checked = new Set<string>();
  let checks = 0;
  for (const check of health.checks) {
    // A check belongs to its meeting's day; a check whose meeting this tablet lacks, to when it was taken.
    const day = dates.get(check.meetingId) ?? check.takenAt.slice(0, 10);
    if (!within(day, p)) continue;
    checks += 1;
    checked.add(check.memberId);
  }
  return { checks, membersChecked: checked.size };
}

/** The money book as it stood at the end of `to`: later entries, loans and write-offs removed. */
function moneyUpTo(money: MoneyView, to: IsoDate): MoneyView {
  return {
    ...money,
    entries: money.entries.filter((e) => e.date <= to),
    loans: money.loans.filter((l) => l.startOn <= to),
    writeOffs: money.writeOffs.filter((w) => w.on <= to),
  };
}

function moneyFigures(money: MoneyView, p: ReportPeriod): ReportFigures['money'] {
  const cancelled = new Set(money.entries.filter((e) => e.kind === 'correction').map((e) => e.reverses));
  let loansDisbursed = 0;
  let amountDisbursed = 0;
  let principalRepaid = 0;
  let interestPaid = 0;
  for (const entry of money.entries) {
    if (!within(entry.date, p) || cancelled.has(entry.id)) continue;
    if (entry.kind === 'loanPayout') {
      loansDisbursed += 1;
      amountDisbursed += entry.amount;
    } else if (entry.kind === 'principalRepaid') principalRepaid += entry.amount;
    else if (entry.kind === 'interestPaid') interestPaid += entry.amount;
  }
  const atEnd = moneyUpTo(money, p.to);
  const funds = Object.fromEntries(SUMMARY_FUND_KINDS.map((k) => [k, 0])) as Record<SummaryFundKind, number>;
  for (const balance of getFundBalances(atEnd, p.to, listLoanStates(atEnd, p.to))) {
    if (balance.fund.retired) continue;
    const kind = (SUMMARY_FUND_KINDS as readonly string[]).includes(balance.fund.kind)
      ? (balance.fund.kind as SummaryFundKind)
      : 'custom';
    funds[kind] += balance.size;
  }
  return { loansDisbursed, amountDisbursed, principalRepaid, interestPaid, funds };
}

function careFigures(care: CareView, p: ReportPeriod): ReportFigures['care'] {
  return {
    pairingsActive: care.pairings.filter((x) => x.start <= p.to && (x.end === null || x.end >= p.from))
      .length,
    visits: care.visits.filter((v) => within(v.date, p)).length,
  };
}

/** Figure code → number, the form the summary document and the spreadsheet export take. */
export function flattenReportFigures(f: ReportFigures): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(f.members)) out[`members.${key}`] = value;
  for (const [key, value] of Object.entries(f.meetings)) out[`meetings.${key}`] = value;
  for (const row of f.activities) {
    out[`activities.${row.area ?? 'other'}.groups`] = row.groups;
    out[`activities.${row.area ?? 'other'}.members`] = row.members;
  }
  if (f.health !== null) for (const [key, value] of Object.entries(f.health)) out[`health.${key}`] = value;
  if (f.money !== null) {
    const { funds, ...flows } = f.money;
    for (const [key, value] of Object.entries(flows)) out[`money.${key}`] = value;
    for (const [key, value] of Object.entries(funds)) out[`money.funds.${key}`] = value;
  }
  if (f.care !== null) for (const [key, value] of Object.entries(f.care)) out[`care.${key}`] = value;
  if (f.redCross) {
    const { volunteersBySkill, activitiesByKind, ...totals } = f.redCross;
    for (const [key, value] of Object.entries(totals)) out[`redCross.${key}`] = value;
    for (const [key, value] of Object.entries(volunteersBySkill)) out[`redCross.volunteers.${key}`] = value;
    for (const [key, value] of Object.entries(activitiesByKind)) out[`redCross.activities.${key}`] = value;
  }
  return out;
}
