import type * as Y from 'yjs';
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
import type { LocalOrigin } from '../origin/origin';
import { FieldErrors, type NotFoundError, notFound, type ValidationError } from '../schema/command';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../schema/enums';
import { checkOptionalText, checkTime, MAX_NAME, MAX_NOTES, MAX_TEXT } from '../schema/field-checks';
import type { Meeting } from '../schema/types';
import { writeTextValue } from '../text/shared-text';
import {
  attendanceMap,
  hasMinutes,
  headerMap,
  MINUTES_SCHEMA_VERSION,
  type MinutesError,
  minutesMeta,
  runMinutesCommand,
  setIfChanged,
} from './minutes-layout';
import type { MinutesHeader } from './minutes-types';

export type MinutesHeaderPatch = Partial<{ -readonly [K in keyof MinutesHeader]: MinutesHeader[K] }>;

export interface CreateMinutesInput {
  clubId: ClubId;
  meetingId: MeetingId;
  header?: MinutesHeaderPatch;
  attendance?: Readonly<Record<string, AttendanceStatus>>;
}

const HEADER_KEYS = [
  'date',
  'startedAt',
  'closedAt',
  'place',
  'chairId',
  'secretaryId',
  'number',
  'recipients',
  'healthChecksTaken',
  'printHealthChecks',
] as const satisfies readonly (keyof MinutesHeader)[];

const TEXT_KEYS = new Set<string>(['place', 'number', 'recipients']);

function checkHeader(patch: MinutesHeaderPatch): ValidationError | NotFoundError | null {
  const errors = new FieldErrors();
  if (patch.date !== undefined && patch.date !== null && !isIsoDate(patch.date))
    errors.add('date', 'dateFormat');
  errors.add('startedAt', checkTime(patch.startedAt));
  errors.add('closedAt', checkTime(patch.closedAt));
  errors.add('place', checkOptionalText(patch.place, MAX_TEXT));
  errors.add('number', checkOptionalText(patch.number, MAX_NAME));
  errors.add('recipients', checkOptionalText(patch.recipients, MAX_NOTES));
  const invalidFields = errors.done();
  if (invalidFields !== null) return invalidFields;
  return checkMemberIds([patch.chairId, patch.secretaryId]);
}

/** Member ids come from the club doc; the minutes doc can only check that they are well-formed ids. */
export function checkMemberIds(ids: readonly (string | null | undefined)[]): NotFoundError | null {
  for (const id of ids) if (id !== undefined && id !== null && !isId(id)) return { type: 'notFound', id };
  return null;
}

function checkAttendance(
  attendance: Readonly<Record<string, unknown>>,
): NotFoundError | ValidationError | null {
  for (const [memberId, status] of Object.entries(attendance)) {
    if (!isId(memberId)) return { type: 'notFound', id: memberId };
    if (status !== null && !(ATTENDANCE_STATUSES as readonly unknown[]).includes(status)) {
      return { type: 'invalid', fields: { [memberId]: 'required' } };
    }
  }
  return null;
}

/** The header fields held as Y.Text (written together, merged character by character). */
export const HEADER_SHARED_TEXT = ['place'] as const;
/** Names the header (a top-level map) for the deterministic conversion of its text fields. */
export const HEADER_TEXT_SCOPE = 'minutes';

function writeHeader(doc: Y.Doc, patch: MinutesHeaderPatch): void {
  const header = headerMap(doc);
  for (const key of HEADER_KEYS) {
    const value = patch[key];
    if ((HEADER_SHARED_TEXT as readonly string[]).includes(key) && typeof value === 'string') {
      // Two tablets starting the same minutes offline write the same prefilled place once (shared-text.ts).
      writeTextValue(header, key, HEADER_TEXT_SCOPE, value.trim());
      continue;
    }
    setIfChanged(header, key, TEXT_KEYS.has(key) && typeof value === 'string' ? value.trim() : value);
  }
}

function writeAttendance(doc: Y.Doc, attendance: Readonly<Record<string, AttendanceStatus | null>>): void {
  const map = attendanceMap(doc);
  for (const [memberId, status] of Object.entries(attendance)) {
    if (status === null) {
      if (map.has(memberId)) map.delete(memberId);
    } else setIfChanged(map, memberId, status);
  }
}

/**
 * Starts the minutes of a meeting in an empty doc. Two tablets starting the same minutes offline is
 * safe: every top-level type is shared by name, and the prefill is the same club meeting on both.
 * Throws on a doc that already holds minutes (the caller checks `readMinutes(doc).meetingId` first).
 */
export function createMinutes(
  doc: Y.Doc,
  input: CreateMinutesInput,
  origin: LocalOrigin,
): Result<void, MinutesError> {
  if (hasMinutes(doc)) throw new Error('this doc already holds minutes');
  return runMinutesCommand(doc, origin, () => {
    if (!isId(input.clubId)) return notFound(input.clubId);
    if (!isId(input.meetingId)) return notFound(input.meetingId);
    const problem = checkHeader(input.header ?? {}) ?? checkAttendance(input.attendance ?? {});
    if (problem !== null) return err(problem);
    const meta = minutesMeta(doc);
    meta.set('schemaVersion', MINUTES_SCHEMA_VERSION);
    meta.set('clubId', input.clubId);
    meta.set('meetingId', input.meetingId);
    writeHeader(doc, input.header ?? {});
    writeAttendance(doc, input.attendance ?? {});
    return ok(undefined);
  });
}

/** The prefill for `createMinutes` from the club's meeting record: date, time, place, people, attendance. */
export function minutesInputFromMeeting(clubId: ClubId, meeting: Meeting): CreateMinutesInput {
  return {
    clubId,
    meetingId: meeting.id,
    header: {
      date: meeting.date,
      startedAt: meeting.time,
      place: meeting.place,
      chairId: meeting.chairId,
      secretaryId: meeting.secretaryId,
    },
    attendance: { ...meeting.attendance },
  };
}

/** Writes only the fields given and only when they changed, so concurrent edits to other fields survive. */
export function updateMinutesHeader(
  doc: Y.Doc,
  patch: MinutesHeaderPatch,
  origin: LocalOrigin,
): Result<void, MinutesError> {
  return runMinutesCommand(doc, origin, () => {
    const problem = checkHeader(patch);
    if (problem !== null) return err(problem);
    writeHeader(doc, patch);
    return ok(undefined);
  });
}

/** One key per member, as in the club doc; null clears a mark. */
export function setMinutesAttendance(
  doc: Y.Doc,
  input: { memberId: MemberId; status: AttendanceStatus | null },
  origin: LocalOrigin,
): Result<void, MinutesError> {
  return runMinutesCommand(doc, origin, () => {
    const problem = checkAttendance({ [input.memberId]: input.status });
    if (problem !== null) return err(problem);
    writeAttendance(doc, { [input.memberId]: input.status });
    return ok(undefined);
  });
}

/**
 * Copies the club meeting's attendance into the minutes: every member marked there gets that mark here
 * (marks only in the minutes are kept). Returns how many marks changed.
 */
export function copyAttendanceFromMeeting(
  doc: Y.Doc,
  meeting: Meeting,
  origin: LocalOrigin,
): Result<number, MinutesError> {
  return runMinutesCommand(doc, origin, () => {
    const problem = checkAttendance(meeting.attendance);
    if (problem !== null) return err(problem);
    const map = attendanceMap(doc);
    const changed = Object.entries(meeting.attendance).filter(([id, status]) => map.get(id) !== status);
    writeAttendance(doc, Object.fromEntries(changed));
    return ok(changed.length);
  });
}
