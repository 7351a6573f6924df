import type { AgeBand, Gender, GroupId, HouseholdStatus, MemberFilters } from '@chungtay/model';

export type RosterStatus = NonNullable<MemberFilters['status']>;

/** The filter form's state: '' means "all" for each select. */
export interface RosterFilterState {
  hamlet: string;
  groupId: string;
  ageBand: '' | AgeBand;
  gender: '' | Gender;
  household: '' | HouseholdStatus;
  status: RosterStatus;
}

export const NO_FILTERS: RosterFilterState = {
  hamlet: '',
  groupId: '',
  ageBand: '',
  gender: '',
  household: '',
  status: 'active',
};

export function toMemberFilters(query: string, f: RosterFilterState): MemberFilters {
  return {
    query,
    status: f.status,
    ...(f.hamlet ? { hamlet: f.hamlet } : {}),
    ...(f.groupId ? { groupId: f.groupId as GroupId } : {}),
    ...(f.ageBand ? { ageBand: f.ageBand } : {}),
    ...(f.gender ? { gender: f.gender } : {}),
    ...(f.household ? { household: f.household } : {}),
  };
}

export function countActiveFilters(f: RosterFilterState): number {
  return (Object.keys(NO_FILTERS) as (keyof RosterFilterState)[]).filter((k) => f[k] !== NO_FILTERS[k])
    .length;
}
