import { type GroupId, type IsoDate, type MemberId, yearOf } from '../ids/ids';
import type { Gender, HouseholdStatus } from '../schema/enums';
import type { ClubView, Member } from '../schema/types';
import { createNameComparator, matchesQueryWords, queryWords } from '../text/vietnamese';

export function getMember(view: ClubView, id: MemberId): Member | undefined {
  return view.members.find((m) => m.id === id);
}

export function isActiveMember(member: Member): boolean {
  return member.left === null && member.mergedInto === null;
}

/** Members who have not left and were not merged into another record; already sorted by given name. */
export function listActiveMembers(view: ClubView): readonly Member[] {
  return view.members.filter(isActiveMember);
}

/** Age in the calendar year of `today`: the register records a birth year, not a birthday. */
export function ageOf(member: Member, today: IsoDate): number | null {
  return member.birthYear === null ? null : yearOf(today) - member.birthYear;
}

export const AGE_BANDS = ['under40', '40to59', '60to69', '70to79', '80plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBandOf(age: number): AgeBand {
  if (age < 40) return 'under40';
  if (age < 60) return '40to59';
  if (age < 70) return '60to69';
  if (age < 80) return '70to79';
  return '80plus';
}

export interface MemberFilters {
  query?: string;
  hamlet?: string;
  groupId?: GroupId;
  ageBand?: AgeBand;
  gender?: Gender;
  household?: HouseholdStatus;
  /** Default 'active'. Merged records never show: they are the same person as their target. */
  status?: 'active' | 'left' | 'all';
}

function digitsOnly(s: string): string {
  return s.replace(/\D/g, '');
}

/** Name words match diacritic-insensitively; a query of digits also matches the phone ignoring separators. */
function memberMatcher(query: string): (member: Member) => boolean {
  // The query is folded once for the whole list: the roster filters every member on each render.
  const words = queryWords(query);
  if (words.length === 0) return () => true;
  const digits = digitsOnly(query);
  const byPhone = digits.length >= 3 && /^[\d\s.+-]+$/.test(query.trim());
  return (member) =>
    matchesQueryWords(`${member.fullName} ${member.phone}`, words) ||
    (byPhone && digitsOnly(member.phone).includes(digits));
}

export function filterMembers(view: ClubView, filters: MemberFilters, today: IsoDate): readonly Member[] {
  const status = filters.status ?? 'active';
  const group = filters.groupId === undefined ? undefined : view.groups.find((g) => g.id === filters.groupId);
  const inGroup = new Set<string>(group?.memberIds ?? []);
  const matches = filters.query === undefined ? () => true : memberMatcher(filters.query);
  return view.members.filter((m) => {
    if (m.mergedInto !== null) return false;
    if (status === 'active' && m.left !== null) return false;
    if (status === 'left' && m.left === null) return false;
    if (filters.hamlet !== undefined && m.hamlet !== filters.hamlet) return false;
    if (filters.groupId !== undefined && !inGroup.has(m.id)) return false;
    if (filters.gender !== undefined && m.gender !== filters.gender) return false;
    if (filters.household !== undefined && m.household !== filters.household) return false;
    if (filters.ageBand !== undefined) {
      const age = ageOf(m, today);
      if (age === null || ageBandOf(age) !== filters.ageBand) return false;
    }
    return matches(m);
  });
}

/** Distinct non-empty hamlets of members who are not merged, for the filter menu; sorted Vietnamese-style. */
export function listHamlets(view: ClubView): readonly string[] {
  const hamlets = new Set(
    view.members.filter((m) => m.mergedInto === null && m.hamlet !== '').map((m) => m.hamlet),
  );
  const collator = new Intl.Collator('vi');
  return [...hamlets].sort((a, b) => collator.compare(a, b));
}

/** Re-sorts a list by given name, e.g. after a caller filtered members itself. */
export function sortMembersByName(members: readonly Member[]): readonly Member[] {
  const compare = createNameComparator();
  return [...members].sort((a, b) => compare(a.fullName, b.fullName));
}
