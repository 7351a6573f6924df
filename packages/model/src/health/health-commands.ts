import type * as Y from 'yjs';
import { writeValue } from '../conflicts/field-writes';
import {
  type ClubId,
  err,
  isId,
  isIsoDate,
  type MeetingId,
  type MemberId,
  ok,
  type Result,
} from '../ids/ids';
import type { ApprovedError } from '../minutes/minutes-layout';
import type { LocalOrigin } from '../origin/origin';
import { type CommandError, FieldErrors, notFound, type ValidationError } from '../schema/command';
import { deleteMemberFollowUps } from './follow-ups';
import {
  HEALTH_THRESHOLD_PAIRS,
  HEALTH_THRESHOLD_RANGES,
  type HealthThresholds,
  THRESHOLD_KEYS,
} from './health-flags';
import {
  checkKey,
  checkRecord,
  checksMap,
  HEALTH_MEASURES,
  HEALTH_SCHEMA_VERSION,
  healthMeta,
  healthSettings,
  runHealthCommand,
} from './health-layout';
import { lockedError } from './health-locks';
import { readHealthThresholds } from './read-health';
import { deleteMemberVisitNotes } from './visit-notes';

/** Plausible ranges: a value outside is a typing slip (an extra digit, kg typed as g), not a reading. */
export const HEALTH_RANGES = {
  weightKg: [20, 200],
  systolic: [60, 260],
  diastolic: [30, 160],
  glucoseMmol: [1, 35],
} as const;

export interface HealthCheckInput {
  meetingId: MeetingId;
  memberId: MemberId;
  /** undefined leaves a measurement as it is, null clears it. Systolic and diastolic go together. */
  weightKg?: number | null;
  systolic?: number | null;
  diastolic?: number | null;
  glucoseMmol?: number | null;
  /** The date the measurement was taken, 'yyyy-mm-dd'. */
  takenAt: string;
  /**
   * When this tablet wrote it (ISO date-time, the tablet's clock; the model reads none): shown beside each
   * value when two tablets wrote different ones. The day taken when not given.
   */
  recordedAt?: string;
}

/** What a health command may refuse: the usual errors, and a meeting whose minutes are approved. */
export type HealthError = CommandError | ApprovedError;

const MEASURES = HEALTH_MEASURES;

/** Starts the health doc of a club. Safe on two devices at once: the values are the same on both. */
export function createHealth(
  doc: Y.Doc,
  input: { clubId: ClubId },
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runHealthCommand(doc, origin, () => {
    if (!isId(input.clubId)) return notFound(input.clubId);
    const meta = healthMeta(doc);
    if (meta.get('schemaVersion') !== HEALTH_SCHEMA_VERSION) meta.set('schemaVersion', HEALTH_SCHEMA_VERSION);
    if (meta.get('clubId') !== input.clubId) meta.set('clubId', input.clubId);
    return ok(undefined);
  });
}

export function validateHealthCheck(input: HealthCheckInput): ValidationError | null {
  const errors = new FieldErrors();
  for (const field of MEASURES) {
    const value = input[field];
    if (value === undefined || value === null) continue;
    const [min, max] = HEALTH_RANGES[field];
    if (!Number.isFinite(value) || value < min || value > max) errors.add(field, 'numberRange');
  }
  const hasSys = input.systolic !== undefined && input.systolic !== null;
  const hasDia = input.diastolic !== undefined && input.diastolic !== null;
  if (hasSys && !hasDia) errors.add('diastolic', 'required');
  if (hasDia && !hasSys) errors.add('systolic', 'required');
  if (hasSys && hasDia && (input.diastolic as number) >= (input.systolic as number)) {
    errors.add('diastolic', 'numberRange');
  }
  if (MEASURES.every((field) => input[field] === undefined)) errors.add('weightKg', 'required');
  if (!isIsoDate(input.takenAt)) errors.add('takenAt', 'dateFormat');
  return errors.done();
}

/**
 * Records (or corrects) one member's measurements at one meeting. Only the measurements given are
 * written, one key each, so a weighing and a blood-pressure reading taken on two tablets both survive;
 * each changed value also records its write, so two tablets that set different values for the same
 * measurement are both kept (health-conflicts.ts). A cleared measurement is kept as null, a write too.
 * Refused with `approved` once the meeting's minutes are approved (health-locks.ts).
 */
export function recordHealthCheck(
  doc: Y.Doc,
  input: HealthCheckInput,
  origin: LocalOrigin,
): Result<void, HealthError> {
  return (
    lockedError(doc, input.meetingId) ??
    runHealthCommand(doc, origin, () => {
      if (!isId(input.meetingId)) return notFound(input.meetingId);
      if (!isId(input.memberId)) return notFound(input.memberId);
      const error = validateHealthCheck(input);
      if (error !== null) return err(error);
      const record = checkRecord(doc, input.meetingId, input.memberId);
      const at = input.recordedAt ?? input.takenAt;
      for (const field of MEASURES) writeValue(record, field, input[field], origin.author, at);
      const checks = checksMap(doc);
      checks.set(checkKey(input.meetingId, input.memberId, 'takenAt'), input.takenAt);
      checks.set(checkKey(input.meetingId, input.memberId, 'takenBy'), origin.author.id);
      return ok(undefined);
    })
  );
}

/** Deletes every key of the checks that match, measurements and their write records alike. */
function deleteWhere(doc: Y.Doc, match: (meetingId: string, memberId: string) => boolean): number {
  const checks = checksMap(doc);
  const keys = [...checks.keys()].filter((key) => {
    const [meetingId, memberId, field] = key.split('/');
    return field !== undefined && memberId !== undefined && match(meetingId ?? '', memberId);
  });
  for (const key of keys) checks.delete(key);
  return keys.length;
}

/** Removes one member's check at one meeting (entered for the wrong person, or withdrawn). */
export function clearHealthCheck(
  doc: Y.Doc,
  input: { meetingId: MeetingId; memberId: MemberId },
  origin: LocalOrigin,
): Result<void, HealthError> {
  return (
    lockedError(doc, input.meetingId) ??
    runHealthCommand(doc, origin, () => {
      const removed = deleteWhere(doc, (m, p) => m === input.meetingId && p === input.memberId);
      return removed === 0 ? notFound(`${input.meetingId}/${input.memberId}`) : ok(undefined);
    })
  );
}

/** Erasure on request (Law 91/2025/QH15): every health value of one member. Returns keys removed. */
export function eraseMemberHealthData(
  doc: Y.Doc,
  memberId: MemberId,
  origin: LocalOrigin,
): Result<number, CommandError> {
  return runHealthCommand(doc, origin, () =>
    ok(
      deleteWhere(doc, (_, p) => p === memberId) +
        deleteMemberFollowUps(doc, memberId) +
        deleteMemberVisitNotes(doc, memberId),
    ),
  );
}

/**
 * Checks a change of thresholds against the club's current ones: each value given within
 * HEALTH_THRESHOLD_RANGES (`numberRange`), and each low threshold below its high one once the change
 * is applied (`numberOrder`, on both fields of the pair).
 */
export function validateHealthThresholds(
  current: HealthThresholds,
  patch: Partial<HealthThresholds>,
): ValidationError | null {
  const errors = new FieldErrors();
  for (const key of THRESHOLD_KEYS) {
    const value = patch[key];
    if (value === undefined) continue;
    const [min, max] = HEALTH_THRESHOLD_RANGES[key];
    if (!Number.isFinite(value) || value < min || value > max) errors.add(key, 'numberRange');
  }
  const next = { ...current, ...patch };
  for (const [low, high] of HEALTH_THRESHOLD_PAIRS) {
    if (next[low] >= next[high]) {
      errors.add(low, 'numberOrder');
      errors.add(high, 'numberOrder');
    }
  }
  return errors.done();
}

export function updateHealthThresholds(
  doc: Y.Doc,
  patch: Partial<HealthThresholds>,
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runHealthCommand(doc, origin, () => {
    const error = validateHealthThresholds(readHealthThresholds(doc), patch);
    if (error !== null) return err(error);
    const settings = healthSettings(doc);
    for (const key of THRESHOLD_KEYS) {
      const value = patch[key];
      if (value !== undefined && settings.get(key) !== value) settings.set(key, value);
    }
    return ok(undefined);
  });
}

/**
 * Back to the national defaults: the club's own values are removed rather than overwritten, so the
 * club follows DEFAULT_HEALTH_THRESHOLDS (and any later correction of them) again.
 */
export function restoreDefaultHealthThresholds(doc: Y.Doc, origin: LocalOrigin): Result<void, CommandError> {
  return runHealthCommand(doc, origin, () => {
    const settings = healthSettings(doc);
    for (const key of THRESHOLD_KEYS) if (settings.has(key)) settings.delete(key);
    return ok(undefined);
  });
}
