import type { RedCrossCounts } from '../red-cross/red-cross-counts';
import { RED_CROSS_ACTIVITY_KINDS, VOLUNTEER_SKILLS } from '../red-cross/red-cross-layout';
import { CLUB_KINDS, type ClubKind, STANDARD_AREAS, type StandardArea } from '../schema/enums';
import {
  type ClubSummary,
  type MonthMeetings,
  SUMMARY_FUND_KINDS,
  type SummaryGroup,
  type SummaryMoney,
} from './summary-types';

/**
 * The summary as flat figures: one key per number or word (`members.women`, `meetings.2026-03.held`,
 * `groups.<id>.size`). Flat so that each figure is its own Y.Map entry: two tablets writing the same
 * value for a key converge, and a figure one tablet changed is not overwritten by another tablet's
 * unrelated write, as it would be with one JSON value for the whole summary.
 */
export type Figure = number | string;
export type Figures = ReadonlyMap<string, Figure>;

/** The sections a summary is written in; a tablet writes only the sections it computed. */
export const SUMMARY_SECTIONS = [
  'club',
  'targets',
  'members',
  'meetings',
  'groups',
  'health',
  'money',
  'redCross',
] as const;
export type SummarySection = (typeof SUMMARY_SECTIONS)[number];

export function sectionOf(key: string): SummarySection | null {
  const head = key.slice(0, key.indexOf('.'));
  return (SUMMARY_SECTIONS as readonly string[]).includes(head) ? (head as SummarySection) : null;
}

export function toFigures(summary: ClubSummary): Map<string, Figure> {
  const out = new Map<string, Figure>();
  const put = (prefix: string, record: object) => {
    for (const [k, v] of Object.entries(record))
      if (typeof v === 'number' || typeof v === 'string') out.set(`${prefix}.${k}`, v);
  };
  put('club', summary.club);
  put('targets', summary.targets);
  put('members', summary.members);
  for (const { month, ...row } of summary.meetings) put(`meetings.${month}`, row);
  summary.groups.forEach((g, order) => {
    put(`groups.${g.id}`, { name: g.name, area: g.area ?? '', size: g.size, order });
  });
  if (summary.health !== null) put('health', { known: 1, ...summary.health });
  if (summary.money !== null) {
    const { funds, dues, targets, ...counts } = summary.money;
    put('money', { known: 1, ...counts });
    put('money.targets', targets);
    put('money.funds', funds);
    put('money.dues', dues === null ? { collected: 0 } : { collected: 1, ...dues });
  }
  if (summary.redCross !== null) {
    const { volunteersBySkill, activitiesByKind, ...totals } = summary.redCross;
    put('redCross', { known: 1, ...totals });
    put('redCross.volunteers', volunteersBySkill);
    put('redCross.activities', activitiesByKind);
  }
  return out;
}

/** Reads figures back into a summary; missing or mistyped figures (an older peer) read as 0 or ''. */
export function fromFigures(
  figures: Figures,
  clubId: string | null,
  computedAt: string | null,
): Omit<ClubSummary, 'reports'> {
  const num = (key: string) => {
    const v = figures.get(key);
    return typeof v === 'number' && Number.isFinite(v) ? v : 0;
  };
  const str = (key: string) => {
    const v = figures.get(key);
    return typeof v === 'string' ? v : '';
  };
  const kind = str('club.kind');
  return {
    clubId,
    computedAt,
    club: {
      name: str('club.name'),
      kind: (CLUB_KINDS as readonly string[]).includes(kind) ? (kind as ClubKind) : 'selfHelp',
      hamlet: str('club.hamlet'),
      commune: str('club.commune'),
      district: str('club.district'),
      province: str('club.province'),
    },
    targets: {
      memberMin: num('targets.memberMin'),
      memberMax: num('targets.memberMax'),
      womenMinPct: num('targets.womenMinPct'),
      olderMinPct: num('targets.olderMinPct'),
      poorMinPct: num('targets.poorMinPct'),
      olderAge: num('targets.olderAge'),
    },
    members: {
      total: num('members.total'),
      women: num('members.women'),
      ageKnown: num('members.ageKnown'),
      older: num('members.older'),
      poorOrNearPoor: num('members.poorOrNearPoor'),
      ethnicMinority: num('members.ethnicMinority'),
    },
    meetings: idsUnder(figures, 'meetings')
      .sort()
      .map(
        (month): MonthMeetings => ({
          month,
          held: num(`meetings.${month}.held`),
          present: num(`meetings.${month}.present`),
          roster: num(`meetings.${month}.roster`),
        }),
      ),
    groups: idsUnder(figures, 'groups')
      .map((id): SummaryGroup & { order: number } => {
        const area = str(`groups.${id}.area`);
        return {
          id,
          name: str(`groups.${id}.name`),
          area: (STANDARD_AREAS as readonly string[]).includes(area) ? (area as StandardArea) : null,
          size: num(`groups.${id}.size`),
          order: num(`groups.${id}.order`),
        };
      })
      .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
      .map(({ order: _order, ...group }) => group),
    health:
      num('health.known') === 1
        ? {
            checks: num('health.checks'),
            membersChecked: num('health.membersChecked'),
            followUpsOpen: num('health.followUpsOpen'),
          }
        : null,
    money: num('money.known') === 1 ? readMoney(num) : null,
    redCross: num('redCross.known') === 1 ? readRedCrossFigures(num) : null,
  };
}

function readRedCrossFigures(num: (key: string) => number): RedCrossCounts {
  const under = <K extends string>(prefix: string, keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, num(`${prefix}.${k}`)])) as Record<K, number>;
  return {
    volunteers: num('redCross.volunteers'),
    volunteersBySkill: under('redCross.volunteers', VOLUNTEER_SKILLS),
    activitiesByKind: under('redCross.activities', RED_CROSS_ACTIVITY_KINDS),
    participants: num('redCross.participants'),
    bloodUnits: num('redCross.bloodUnits'),
  };
}

function readMoney(num: (key: string) => number): SummaryMoney {
  const funds = { income: 0, activity: 0, humanitarian: 0, custom: 0 };
  for (const kind of SUMMARY_FUND_KINDS) funds[kind] = num(`money.funds.${kind}`);
  return {
    loans: num('money.loans'),
    borrowedEver: num('money.borrowedEver'),
    borrowingNow: num('money.borrowingNow'),
    outstanding: num('money.outstanding'),
    overdueLoans: num('money.overdueLoans'),
    overdueAmount: num('money.overdueAmount'),
    funds,
    dues:
      num('money.dues.collected') === 1
        ? { upToDate: num('money.dues.upToDate'), of: num('money.dues.of') }
        : null,
    targets: { borrowedPct: num('money.targets.borrowedPct'), incomeFund: num('money.targets.incomeFund') },
  };
}

/** The distinct middle segments of `<section>.<id>.<field>` keys. */
function idsUnder(figures: Figures, section: string): string[] {
  const ids = new Set<string>();
  for (const key of figures.keys()) {
    if (!key.startsWith(`${section}.`)) continue;
    const rest = key.slice(section.length + 1);
    const dot = rest.indexOf('.');
    if (dot > 0) ids.add(rest.slice(0, dot));
  }
  return [...ids];
}
