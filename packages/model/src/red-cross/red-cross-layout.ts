import type * as Y from 'yjs';
import { newGroupId } from '../ids/ids';

/**
 * A Red Cross chapter's register of volunteers and its activity log, kept in the club doc: the same
 * committee keeps the roster and the register, and neither is health or money, so no private document is
 * needed; a supervisor's viewer key opens only the summary, which carries the counts (red-cross-counts.ts),
 * never a name. Two root maps of flat keys `<id>/<field>` (conflicts/flat-record.ts):
 * - `redCrossVolunteers`, keyed by the member's roster id: `since` and `left` (single values, their writes
 *   recorded so two tablets setting different dates are flagged), and `skill/<skill>` → true per skill, so
 *   skills ticked on two tablets at once all stay.
 * - `redCrossActivities`, keyed by a new id per activity: `kind`, `date`, `place`, `participants`,
 *   `bloodUnits` (single values, recorded), `recordedBy`, and `withdrawn` (a date: a mistaken activity is
 *   withdrawn, never deleted). New ids mean two tablets logging activities offline keep them all.
 * Flat keys, not a nested map per record: two tablets registering one volunteer at once would each create
 * the nested map and one of them would be lost with its skills.
 */

export const VOLUNTEER_SKILLS = ['firstAid', 'bloodDonation', 'rescue', 'relief'] as const;
export type VolunteerSkill = (typeof VOLUNTEER_SKILLS)[number];

export const RED_CROSS_ACTIVITY_KINDS = ['bloodDrive', 'relief', 'firstAidTraining', 'other'] as const;
export type RedCrossActivityKind = (typeof RED_CROSS_ACTIVITY_KINDS)[number];

export const VOLUNTEER_VALUE_FIELDS = ['since', 'left'] as const;
export type VolunteerValueField = (typeof VOLUNTEER_VALUE_FIELDS)[number];

export const ACTIVITY_VALUE_FIELDS = ['kind', 'date', 'place', 'participants', 'bloodUnits'] as const;
export type ActivityValueField = (typeof ACTIVITY_VALUE_FIELDS)[number];

export const RED_CROSS_ROOTS = ['redCrossVolunteers', 'redCrossActivities'] as const;

export type RedCrossActivityId = string & { readonly __brand: 'RedCrossActivityId' };

// The same 132-bit random generator as every other id (ids.ts); only the brand differs.
export function newRedCrossActivityId(): RedCrossActivityId {
  return newGroupId() as string as RedCrossActivityId;
}

export const volunteersMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('redCrossVolunteers');
export const activitiesMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('redCrossActivities');

export const skillKey = (skill: VolunteerSkill): string => `skill/${skill}`;
