import type { IsoDate } from '../ids/ids';
import type { RedCrossView, Volunteer } from './read-red-cross';
import {
  RED_CROSS_ACTIVITY_KINDS,
  type RedCrossActivityKind,
  VOLUNTEER_SKILLS,
  type VolunteerSkill,
} from './red-cross-layout';

/** What a chapter reports of its register and log: counts only, never a name. */
export interface RedCrossCounts {
  /** On the register on the last day. */
  readonly volunteers: number;
  readonly volunteersBySkill: Readonly<Record<VolunteerSkill, number>>;
  /** Activities within the days, by kind. */
  readonly activitiesByKind: Readonly<Record<RedCrossActivityKind, number>>;
  readonly participants: number;
  readonly bloodUnits: number;
}

/** On the register on `day`: registered by then and not yet left. */
export function isVolunteerOn(volunteer: Volunteer, day: IsoDate): boolean {
  return volunteer.since <= day && (volunteer.left === null || volunteer.left > day);
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The counts for the days `from`–`to` (inclusive): the register as it stood on `to`, the log within. */
export function countRedCross(view: RedCrossView, from: IsoDate, to: IsoDate): RedCrossCounts {
  const onRegister = view.volunteers.filter((v) => isVolunteerOn(v, to));
  const volunteersBySkill = zeros(VOLUNTEER_SKILLS);
  for (const volunteer of onRegister) for (const skill of volunteer.skills) volunteersBySkill[skill] += 1;
  const activitiesByKind = zeros(RED_CROSS_ACTIVITY_KINDS);
  let participants = 0;
  let bloodUnits = 0;
  for (const activity of view.activities) {
    if (activity.date < from || activity.date > to) continue;
    activitiesByKind[activity.kind] += 1;
    participants += activity.participants;
    bloodUnits += activity.bloodUnits;
  }
  return { volunteers: onRegister.length, volunteersBySkill, activitiesByKind, participants, bloodUnits };
}
