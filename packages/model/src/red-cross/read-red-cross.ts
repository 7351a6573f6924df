import * as v from 'valibot';
import type * as Y from 'yjs';
import { type FieldConflict, readConflicts } from '../conflicts/field-writes';
import { groupFlatKeys } from '../conflicts/flat-record';
import { compareText, type IsoDate, isId, isIsoDate, type MemberId } from '../ids/ids';
import {
  ACTIVITY_VALUE_FIELDS,
  type ActivityValueField,
  activitiesMap,
  RED_CROSS_ACTIVITY_KINDS,
  type RedCrossActivityId,
  type RedCrossActivityKind,
  skillKey,
  VOLUNTEER_SKILLS,
  VOLUNTEER_VALUE_FIELDS,
  type VolunteerSkill,
  type VolunteerValueField,
  volunteersMap,
} from './red-cross-layout';

export interface Volunteer {
  readonly memberId: MemberId;
  readonly since: IsoDate;
  /** null while they take part. */
  readonly left: IsoDate | null;
  /** In the order of VOLUNTEER_SKILLS. */
  readonly skills: readonly VolunteerSkill[];
  /** A date set differently on two tablets; absent when none. */
  readonly conflicts?: readonly FieldConflict<VolunteerValueField>[];
}

export interface RedCrossActivity {
  readonly id: RedCrossActivityId;
  readonly kind: RedCrossActivityKind;
  readonly date: IsoDate;
  readonly place: string;
  readonly participants: number;
  readonly bloodUnits: number;
  readonly recordedBy: string;
  readonly conflicts?: readonly FieldConflict<ActivityValueField>[];
}

export interface RedCrossView {
  /** Sorted by registration date, then member id (the screen sorts by name with the roster). */
  readonly volunteers: readonly Volunteer[];
  /** Activities not withdrawn, newest first, then by id, so every tablet lists them alike. */
  readonly activities: readonly RedCrossActivity[];
}

const date = v.pipe(
  v.string(),
  v.check((s: string) => isIsoDate(s)),
);
const count = v.fallback(v.pipe(v.number(), v.integer(), v.minValue(0)), 0);
const VolunteerRecord = v.object({ since: date, left: v.fallback(v.nullable(date), null) });
const ActivityRecord = v.object({
  kind: v.picklist(RED_CROSS_ACTIVITY_KINDS),
  date,
  place: v.fallback(v.string(), ''),
  participants: count,
  bloodUnits: count,
  recordedBy: v.fallback(v.string(), ''),
});

/**
 * The register and the log as plain data. A record a peer wrote in a shape this build does not know is
 * left out rather than shown half-read; the document keeps it.
 */
export function readRedCross(doc: Y.Doc): RedCrossView {
  // Reading does not create the root maps: most clubs are not Red Cross chapters and never hold them.
  if (!doc.share.has('redCrossVolunteers') && !doc.share.has('redCrossActivities'))
    return { volunteers: [], activities: [] };
  const volunteers: Volunteer[] = [];
  for (const [memberId, raw] of groupFlatKeys(volunteersMap(doc))) {
    const parsed = v.safeParse(VolunteerRecord, raw);
    if (!isId(memberId) || !parsed.success) continue;
    const conflicts = readConflicts(raw, VOLUNTEER_VALUE_FIELDS);
    volunteers.push({
      memberId: memberId as MemberId,
      ...parsed.output,
      skills: VOLUNTEER_SKILLS.filter((skill) => raw[skillKey(skill)] === true),
      ...(conflicts.length > 0 ? { conflicts } : {}),
    });
  }
  volunteers.sort((a, b) => compareText(a.since, b.since) || compareText(a.memberId, b.memberId));
  const activities: RedCrossActivity[] = [];
  for (const [id, raw] of groupFlatKeys(activitiesMap(doc))) {
    const parsed = v.safeParse(ActivityRecord, raw);
    if (!isId(id) || !parsed.success || raw.withdrawn !== undefined) continue;
    const conflicts = readConflicts(raw, ACTIVITY_VALUE_FIELDS);
    activities.push({
      id: id as RedCrossActivityId,
      ...parsed.output,
      ...(conflicts.length > 0 ? { conflicts } : {}),
    });
  }
  activities.sort((a, b) => compareText(b.date, a.date) || compareText(a.id, b.id));
  return { volunteers, activities };
}
