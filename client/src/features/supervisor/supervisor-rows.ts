import type { ClubSummary, RedCrossCounts, SupervisorRow } from '@chungtay/model';
import { formatTimeOfDay, getSupervisorRow } from '@chungtay/model';
import { formatTime, todayIso } from '../../i18n/format';

/** One followed club as the screen shows it: its figures (or none yet) and its line. */
export interface FollowedClub {
  readonly id: string;
  /** The name the invite gave, until the first summary arrives. */
  readonly inviteName: string;
  readonly summary: ClubSummary | null;
}

export interface ClubLine {
  readonly id: string;
  readonly name: string;
  readonly commune: string;
  readonly district: string;
  readonly updatedAt: string | null;
  readonly row: SupervisorRow | null;
  /** A Red Cross chapter's counts since 1 January (volunteers, activities, blood units); null for any other club. */
  readonly redCross: RedCrossCounts | null;
}

export type SortKey = 'place' | 'members' | 'below' | 'updated';

const collator = new Intl.Collator('vi');

export function toLine(club: FollowedClub, today: string): ClubLine {
  const summary = club.summary?.computedAt ? club.summary : null;
  return {
    id: club.id,
    name: summary?.club.name || club.inviteName,
    commune: summary?.club.commune ?? '',
    district: summary?.club.district ?? '',
    updatedAt: summary?.computedAt ?? null,
    row: summary === null ? null : getSupervisorRow(summary, today),
    redCross: summary?.redCross ?? null,
  };
}

/** Filters by district and commune ('' = all) and sorts; the order is stable for equal keys. */
export function arrangeLines(
  lines: readonly ClubLine[],
  filter: { readonly district: string; readonly commune: string },
  sort: SortKey,
): ClubLine[] {
  const byPlace = (a: ClubLine, b: ClubLine) =>
    collator.compare(a.district, b.district) ||
    collator.compare(a.commune, b.commune) ||
    collator.compare(a.name, b.name);
  const compare: Record<SortKey, (a: ClubLine, b: ClubLine) => number> = {
    place: byPlace,
    members: (a, b) => (b.row?.members ?? -1) - (a.row?.members ?? -1) || byPlace(a, b),
    below: (a, b) => (b.row?.below.length ?? 0) - (a.row?.below.length ?? 0) || byPlace(a, b),
    updated: (a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '') || byPlace(a, b),
  };
  return lines
    .filter(
      (l) =>
        (filter.district === '' || l.district === filter.district) &&
        (filter.commune === '' || l.commune === filter.commune),
    )
    .sort(compare[sort]);
}

/** The tablet's own calendar day of an instant (the summary stores UTC), or null. */
export function updatedDay(iso: string | null): string | null {
  const at = iso === null ? null : new Date(iso);
  return at === null || Number.isNaN(at.getTime()) ? null : todayIso(at);
}

/** "7h30" on the tablet's clock, for the time of a club's last update. */
export function updatedTime(iso: string | null): string {
  const at = iso === null ? null : new Date(iso);
  return at === null || Number.isNaN(at.getTime()) ? '' : formatTimeOfDay(formatTime(at));
}
