import { addMonths, type IsoDate } from '../ids/ids';
import type { StandardArea } from '../schema/enums';
import type { ClubSummary } from './summary-types';

/** One club's line on the supervisor's screen; percentages 0–100, null when there is nothing to divide. */
export interface SupervisorRow {
  readonly members: number;
  readonly womenPct: number | null;
  readonly olderPct: number | null;
  readonly poorPct: number | null;
  /** Meetings held in the three months ending today (from the first day of the month two back). */
  readonly meetingsLast3Months: number;
  /** present / roster over those meetings. */
  readonly attendancePct: number | null;
  readonly borrowedPct: number | null;
  /** null when the money book has not reached the summary yet. */
  readonly fundSize: number | null;
  readonly overdueAmount: number | null;
  readonly reports: number;
  /** The targets this club is below, in the order the screen lists them. */
  readonly below: readonly SupervisorTarget[];
}

export const SUPERVISOR_TARGETS = [
  'members',
  'women',
  'older',
  'poor',
  'meetings',
  'borrowed',
  'incomeFund',
] as const;
export type SupervisorTarget = (typeof SUPERVISOR_TARGETS)[number];

const pct = (count: number, of: number): number | null => (of === 0 ? null : (count * 100) / of);

/** Worked out on the supervisor's tablet from the figures, so old summaries gain new indicators. */
export function getSupervisorRow(summary: ClubSummary, today: IsoDate): SupervisorRow {
  const { members, targets, money } = summary;
  const since = addMonths(`${today.slice(0, 7)}-01`, -2).slice(0, 7);
  const recent = summary.meetings.filter((m) => m.month >= since && m.month <= today.slice(0, 7));
  const held = recent.reduce((n, m) => n + m.held, 0);
  const present = recent.reduce((n, m) => n + m.present, 0);
  const roster = recent.reduce((n, m) => n + m.roster, 0);
  const row = {
    members: members.total,
    womenPct: pct(members.women, members.total),
    olderPct: pct(members.older, members.ageKnown),
    poorPct: pct(members.poorOrNearPoor, members.total),
    meetingsLast3Months: held,
    attendancePct: pct(present, roster),
    borrowedPct: money === null ? null : pct(money.borrowedEver, members.total),
    fundSize:
      money === null
        ? null
        : money.funds.income + money.funds.activity + money.funds.humanitarian + money.funds.custom,
    overdueAmount: money === null ? null : money.overdueAmount,
    reports: summary.reports.length,
  };
  const below: SupervisorTarget[] = [];
  if (members.total < targets.memberMin) below.push('members');
  if (row.womenPct !== null && row.womenPct < targets.womenMinPct) below.push('women');
  if (row.olderPct !== null && row.olderPct < targets.olderMinPct) below.push('older');
  if (targets.poorMinPct > 0 && row.poorPct !== null && row.poorPct < targets.poorMinPct) below.push('poor');
  // A club meets every one to three months: none at all in three months is below the plan.
  if (summary.club.kind === 'selfHelp' && held === 0) below.push('meetings');
  if (
    money !== null &&
    row.borrowedPct !== null &&
    money.targets.borrowedPct > 0 &&
    row.borrowedPct < money.targets.borrowedPct
  )
    below.push('borrowed');
  if (money !== null && money.targets.incomeFund > 0 && money.funds.income < money.targets.incomeFund)
    below.push('incomeFund');
  return { ...row, below };
}

/** Activities by area: the running groups carrying each standard area and their members. */
export function listAreaActivity(
  summary: ClubSummary,
): readonly { readonly area: StandardArea; readonly groups: number; readonly members: number }[] {
  const byArea = new Map<StandardArea, { groups: number; members: number }>();
  for (const group of summary.groups) {
    if (group.area === null) continue;
    const row = byArea.get(group.area) ?? { groups: 0, members: 0 };
    row.groups += 1;
    row.members += group.size;
    byArea.set(group.area, row);
  }
  return [...byArea.entries()].map(([area, row]) => ({ area, ...row }));
}
