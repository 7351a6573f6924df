import type * as Y from 'yjs';
import { chooseWrite, writeValue } from '../conflicts/field-writes';
import { flatRecord } from '../conflicts/flat-record';
import { err, type IsoDate, isId, isIsoDate, type MemberId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { type CommandError, FieldErrors, invalid, notFound, runCommand } from '../schema/command';
import { checkOptionalText, checkPastDate, MAX_TEXT } from '../schema/field-checks';
import { getRecord, membersMap } from '../schema/layout';
import {
  ACTIVITY_VALUE_FIELDS,
  type ActivityValueField,
  activitiesMap,
  newRedCrossActivityId,
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

/** A blood drive or a relief day counts its people in tens or hundreds; past 10,000 it is a typing slip. */
export const MAX_ACTIVITY_COUNT = 10_000;

export interface VolunteerInput {
  readonly memberId: MemberId;
  readonly since: IsoDate;
  readonly skills: readonly VolunteerSkill[];
}

export interface VolunteerPatch {
  readonly memberId: MemberId;
  readonly since?: IsoDate;
  /** The day they stopped taking part; null puts them back on the register. */
  readonly left?: IsoDate | null;
  readonly skills?: readonly VolunteerSkill[];
}

export interface ActivityInput {
  readonly kind: RedCrossActivityKind;
  readonly date: IsoDate;
  readonly place: string;
  readonly participants: number;
  /** Units of blood collected: a blood drive's, 0 for any other activity. */
  readonly bloodUnits: number;
}

export type ActivityPatch = Partial<ActivityInput> & { readonly activityId: RedCrossActivityId };

const isSkill = (s: unknown): s is VolunteerSkill => (VOLUNTEER_SKILLS as readonly unknown[]).includes(s);
const isCount = (n: unknown) =>
  Number.isInteger(n) && (n as number) >= 0 && (n as number) <= MAX_ACTIVITY_COUNT;

function isVolunteer(doc: Y.Doc, memberId: string): boolean {
  return volunteersMap(doc).has(`${memberId}/since`);
}

function writeSkills(doc: Y.Doc, memberId: string, skills: readonly VolunteerSkill[]): void {
  const record = flatRecord(volunteersMap(doc), memberId);
  for (const skill of VOLUNTEER_SKILLS) {
    const has = record.has(skillKey(skill));
    if (skills.includes(skill) && !has) record.set(skillKey(skill), true);
    else if (!skills.includes(skill) && has) record.delete(skillKey(skill));
  }
}

/**
 * Puts a member on the volunteer register with their skills. A member already on it keeps their date and
 * gains the skills given, as when two tablets register one member while apart: one entry, their skills
 * together (and two different dates flagged).
 */
export function registerVolunteer(
  doc: Y.Doc,
  input: VolunteerInput,
  today: IsoDate,
  origin: LocalOrigin,
  at: string,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    const errors = new FieldErrors();
    if (!isId(input.memberId) || getRecord(membersMap(doc), input.memberId) === undefined)
      errors.add('memberId', 'required');
    errors.add('since', checkPastDate(input.since, today) ?? (isIsoDate(input.since) ? null : 'required'));
    if (!input.skills.every(isSkill)) errors.add('skills', 'required');
    const error = errors.done();
    if (error !== null) return err(error);
    const record = flatRecord(volunteersMap(doc), input.memberId);
    if (!isVolunteer(doc, input.memberId)) writeValue(record, 'since', input.since, origin.author, at);
    for (const skill of input.skills) if (!record.has(skillKey(skill))) record.set(skillKey(skill), true);
    return ok(undefined);
  });
}

/** Changes a volunteer's dates or skills; writes only what changed, each date's write recorded. */
export function updateVolunteer(
  doc: Y.Doc,
  patch: VolunteerPatch,
  today: IsoDate,
  origin: LocalOrigin,
  at: string,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    if (!isId(patch.memberId) || !isVolunteer(doc, patch.memberId)) return notFound(patch.memberId);
    const record = flatRecord(volunteersMap(doc), patch.memberId);
    const errors = new FieldErrors();
    if (patch.since !== undefined)
      errors.add('since', checkPastDate(patch.since, today) ?? (isIsoDate(patch.since) ? null : 'required'));
    if (patch.left !== undefined && patch.left !== null) {
      const since = patch.since ?? record.get('since');
      errors.add('left', checkPastDate(patch.left, today));
      if (typeof since === 'string' && patch.left < since) errors.add('left', 'numberOrder');
    }
    if (patch.skills !== undefined && !patch.skills.every(isSkill)) errors.add('skills', 'required');
    const error = errors.done();
    if (error !== null) return err(error);
    writeValue(record, 'since', patch.since, origin.author, at);
    writeValue(record, 'left', patch.left, origin.author, at);
    if (patch.skills !== undefined) writeSkills(doc, patch.memberId, patch.skills);
    return ok(undefined);
  });
}

export function validateActivity(input: Partial<ActivityInput>, today: IsoDate): FieldErrors {
  const errors = new FieldErrors();
  if (input.kind !== undefined && !(RED_CROSS_ACTIVITY_KINDS as readonly string[]).includes(input.kind))
    errors.add('kind', 'required');
  if (input.date !== undefined)
    errors.add('date', checkPastDate(input.date, today) ?? (isIsoDate(input.date) ? null : 'required'));
  errors.add('place', checkOptionalText(input.place, MAX_TEXT));
  if (input.participants !== undefined && !isCount(input.participants))
    errors.add('participants', 'numberRange');
  if (input.bloodUnits !== undefined && !isCount(input.bloodUnits)) errors.add('bloodUnits', 'numberRange');
  return errors;
}

function writeActivity(
  doc: Y.Doc,
  id: string,
  input: Partial<ActivityInput>,
  origin: LocalOrigin,
  at: string,
): void {
  const record = flatRecord(activitiesMap(doc), id);
  for (const field of ACTIVITY_VALUE_FIELDS) {
    const given = field === 'place' ? input.place?.trim() : input[field];
    writeValue(record, field, given, origin.author, at);
  }
}

/** Logs one activity under a new id: activities logged on two tablets while apart all stay. */
export function recordRedCrossActivity(
  doc: Y.Doc,
  input: ActivityInput,
  today: IsoDate,
  origin: LocalOrigin,
  at: string,
): Result<RedCrossActivityId, CommandError> {
  return runCommand(doc, origin, () => {
    const errors = validateActivity(input, today);
    if (input.kind !== 'bloodDrive' && input.bloodUnits !== 0) errors.add('bloodUnits', 'numberRange');
    const error = errors.done();
    if (error !== null) return err(error);
    const id = newRedCrossActivityId();
    activitiesMap(doc).set(`${id}/recordedBy`, origin.author.id);
    writeActivity(doc, id, input, origin, at);
    return ok(id);
  });
}

const hasActivity = (doc: Y.Doc, id: string) => isId(id) && activitiesMap(doc).has(`${id}/kind`);

/** Corrects an activity's fields; two tablets correcting one field differently are flagged (readRedCross). */
export function updateRedCrossActivity(
  doc: Y.Doc,
  patch: ActivityPatch,
  today: IsoDate,
  origin: LocalOrigin,
  at: string,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    if (!hasActivity(doc, patch.activityId)) return notFound(patch.activityId);
    const error = validateActivity(patch, today).done();
    if (error !== null) return err(error);
    writeActivity(doc, patch.activityId, patch, origin, at);
    return ok(undefined);
  });
}

/** Withdraws an activity logged by mistake: a date beside it, the record itself stays. */
export function withdrawRedCrossActivity(
  doc: Y.Doc,
  input: { activityId: RedCrossActivityId; on: IsoDate },
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    if (!hasActivity(doc, input.activityId)) return notFound(input.activityId);
    if (!isIsoDate(input.on)) return err(invalid({ on: 'dateFormat' }));
    const key = `${input.activityId}/withdrawn`;
    if (!activitiesMap(doc).has(key)) activitiesMap(doc).set(key, input.on);
    return ok(undefined);
  });
}

export type RedCrossConflictInput =
  | {
      readonly record: 'volunteer';
      readonly id: MemberId;
      readonly field: VolunteerValueField;
      readonly writeId: string;
    }
  | {
      readonly record: 'activity';
      readonly id: RedCrossActivityId;
      readonly field: ActivityValueField;
      readonly writeId: string;
    };

/** Keeps one of the values two tablets wrote for a volunteer's date or an activity's field. */
export function resolveRedCrossConflict(
  doc: Y.Doc,
  input: RedCrossConflictInput,
  origin: LocalOrigin,
  at: string,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    const isVolunteerRecord = input.record === 'volunteer';
    const fields: readonly string[] = isVolunteerRecord ? VOLUNTEER_VALUE_FIELDS : ACTIVITY_VALUE_FIELDS;
    if (!fields.includes(input.field)) return err(invalid({ field: 'required' }));
    const exists = isVolunteerRecord
      ? isId(input.id) && isVolunteer(doc, input.id)
      : hasActivity(doc, input.id);
    if (!exists) return notFound(input.id);
    const map = isVolunteerRecord ? volunteersMap(doc) : activitiesMap(doc);
    const chosen = chooseWrite(flatRecord(map, input.id), input.field, input.writeId, origin.author, at);
    return chosen === undefined ? notFound(input.writeId) : ok(undefined);
  });
}
