import type { FollowUpItem } from '../health/follow-ups';
import { latestChecks, listFollowUpItems } from '../health/follow-ups';
import type { HealthView } from '../health/read-health';
import type { IsoDate } from '../ids/ids';
import { getComposition } from '../indicators/composition';
import { getGroupSizes, getMeetingAttendance } from '../indicators/groups-attendance';
import { listLoanStates } from '../money/loan-state';
import { getMoneyIndicators } from '../money/money-indicators';
import type { MoneyView } from '../money/money-types';
import { countRedCross } from '../red-cross/red-cross-counts';
import { listActiveMembers } from '../roster/member-queries';
import type { ClubView } from '../schema/types';
import type { ClubSummary, MonthMeetings, SummaryHealth, SummaryMoney } from './summary-types';

/**
 * The club's figures for supervisors, from the books alone: the same books and the same `now` give the
 * same summary on every tablet, which is what lets two tablets' writes converge (write-summary.ts).
 * `health` and `money` are null when this tablet does not hold those books; their sections stay null
 * and the writer leaves another tablet's figures for them alone.
 */
export function computeSummary(
  club: ClubView,
  health: HealthView | null,
  money: MoneyView | null,
  now: string,
): ClubSummary {
  const today: IsoDate = now.slice(0, 10);
  const composition = getComposition(club, today);
  const ageKnown = composition.older.count + composition.younger.count;
  const sizes = new Map(getGroupSizes(club).map((g) => [g.groupId as string, g.size]));
  const moneySection = money === null ? null : summariseMoney(club, money, today);
  return {
    clubId: club.id,
    computedAt: now,
    club: {
      name: club.profile.name,
      kind: club.profile.kind,
      hamlet: club.profile.hamlet,
      commune: club.profile.commune,
      district: club.profile.district,
      province: club.profile.province,
    },
    targets: {
      memberMin: club.settings.memberMin,
      memberMax: club.settings.memberMax,
      womenMinPct: club.settings.womenMinPct,
      olderMinPct: club.settings.olderMinPct,
      poorMinPct: club.settings.poorMinPct,
      olderAge: club.settings.olderAge,
    },
    members: {
      total: composition.total,
      women: composition.women.count,
      ageKnown,
      older: composition.older.count,
      poorOrNearPoor: composition.poorOrNearPoor.count,
      ethnicMinority: composition.ethnicMinority.count,
    },
    meetings: meetingsByMonth(club, today),
    groups: club.groups
      .filter((g) => g.retiredOn === null)
      .map((g) => ({ id: g.id, name: g.name, area: g.area, size: sizes.get(g.id) ?? 0 })),
    health: health === null ? null : summariseHealth(health),
    money: moneySection,
    redCross:
      club.profile.kind === 'redCross'
        ? countRedCross(club.redCross, `${today.slice(0, 4)}-01-01`, today)
        : null,
    reports: [],
  };
}

/** Meetings up to today (a planned one is not yet held), grouped by month. */
function meetingsByMonth(club: ClubView, today: IsoDate): MonthMeetings[] {
  const months = new Map<string, { held: number; present: number; roster: number }>();
  for (const meeting of club.meetings) {
    if (meeting.date > today) continue;
    const month = meeting.date.slice(0, 7);
    const row = months.get(month) ?? { held: 0, present: 0, roster: 0 };
    const attendance = getMeetingAttendance(club, meeting.id);
    row.held += 1;
    row.present += attendance.present;
    row.roster += attendance.roster;
    months.set(month, row);
  }
  return [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, row]) => ({ month, ...row }));
}

function summariseHealth(health: HealthView): SummaryHealth {
  const open = listFollowUpItems(health).filter((item: FollowUpItem) => item.done === null);
  return {
    checks: health.checks.length,
    membersChecked: latestChecks(health).length,
    followUpsOpen: open.length,
  };
}

function summariseMoney(club: ClubView, money: MoneyView, today: IsoDate): SummaryMoney {
  const members = listActiveMembers(club).map((m) => ({ id: m.id, joinedOn: m.joinedOn, left: m.left }));
  const indicators = getMoneyIndicators(money, members, today);
  const funds = { income: 0, activity: 0, humanitarian: 0, custom: 0 };
  for (const balance of indicators.funds) funds[balance.fund.kind] += balance.size;
  const running = indicators.funds.reduce((total, f) => total + f.lent, 0);
  return {
    loans: listLoanStates(money, today).filter((s) => s.status !== 'cancelled').length,
    borrowedEver: indicators.everBorrowed.count,
    borrowingNow: indicators.borrowingNow.count,
    outstanding: running,
    overdueLoans: indicators.overdue.reduce((n, b) => n + b.loans, 0),
    overdueAmount: indicators.overdue.reduce((n, b) => n + b.overdue, 0),
    funds,
    dues:
      indicators.duesPaid === null
        ? null
        : { upToDate: indicators.duesPaid.count, of: indicators.duesPaid.of },
    targets: {
      borrowedPct: money.rules.borrowedShareTarget,
      incomeFund: money.funds.find((f) => f.kind === 'income' && !f.retired)?.target ?? 0,
    },
  };
}
