import * as Y from 'yjs';
import { setMeetingValue } from '../conflicts/meeting-conflicts';
import { err, type IsoDate, type MeetingId, type MemberId, newMeetingId, ok, type Result } from '../ids/ids';
import type { ApprovedError } from '../minutes/minutes-layout';
import type { LocalOrigin } from '../origin/origin';
import {
  type CommandError,
  FieldErrors,
  type NotFoundError,
  notFound,
  runCommand,
  type ValidationError,
} from '../schema/command';
import type { AttendanceStatus, MeetingKind } from '../schema/enums';
import { checkOptionalText, checkRequiredDate, checkTime, MAX_TEXT } from '../schema/field-checks';
import {
  deleteIfPresent,
  getNested,
  getRecord,
  meetingsMap,
  membersMap,
  setIfChanged,
} from '../schema/layout';
import { writeTextValue } from '../text/shared-text';
import { attendanceLockedError } from './attendance-lock';

export interface MeetingInput {
  date: IsoDate;
  /** 'HH:MM' or ''. */
  time: string;
  kind: MeetingKind;
  place: string;
  chairId: MemberId | null;
  secretaryId: MemberId | null;
}

const MEETING_KEYS = [
  'date',
  'time',
  'kind',
  'place',
  'chairId',
  'secretaryId',
] as const satisfies readonly (keyof MeetingInput)[];

/**
 * Future dates are allowed: the secretary plans the next meeting ahead. `today` is part of the signature
 * so the rules can tighten later without changing every caller.
 */
export function validateMeetingInput(input: Partial<MeetingInput>, _today: IsoDate): ValidationError | null {
  return checkMeetingFields(input, true);
}

function checkMeetingFields(input: Partial<MeetingInput>, requireDate: boolean): ValidationError | null {
  const errors = new FieldErrors();
  if (requireDate || input.date !== undefined) errors.add('date', checkRequiredDate(input.date));
  errors.add('time', checkTime(input.time));
  errors.add('place', checkOptionalText(input.place, MAX_TEXT));
  return errors.done();
}

function checkPeople(doc: Y.Doc, input: Partial<MeetingInput>): NotFoundError | null {
  for (const id of [input.chairId, input.secretaryId]) {
    if (id !== undefined && id !== null && getRecord(membersMap(doc), id) === undefined) {
      return { type: 'notFound', id };
    }
  }
  return null;
}

function clean(input: Partial<MeetingInput>): Partial<MeetingInput> {
  const out = { ...input };
  if (input.place !== undefined) out.place = input.place.trim();
  return out;
}

/** The attendance map is created with the meeting so two secretaries marking at once share one map. */
/** Names a meeting's place for its deterministic conversion to Y.Text (text/shared-text.ts). */
export function meetingTextScope(id: string): string {
  return `meetings/${id}`;
}

export function addMeeting(
  doc: Y.Doc,
  input: MeetingInput,
  origin: LocalOrigin,
  _today: IsoDate,
): Result<MeetingId, CommandError> {
  return runCommand(doc, origin, () => {
    const error = checkMeetingFields(input, true);
    if (error !== null) return err(error);
    const missing = checkPeople(doc, input);
    if (missing !== null) return err(missing);
    const values = clean(input);
    const record = new Y.Map<unknown>();
    // The place is Y.Text created with the record: two people correcting it at once keep both edits.
    for (const key of MEETING_KEYS)
      record.set(key, key === 'place' ? new Y.Text(values.place ?? '') : values[key]);
    record.set('attendance', new Y.Map<unknown>());
    const id = newMeetingId();
    meetingsMap(doc).set(id, record);
    return ok(id);
  });
}

export function updateMeeting(
  doc: Y.Doc,
  id: MeetingId,
  patch: Partial<MeetingInput>,
  origin: LocalOrigin,
  _today: IsoDate,
  /** The tablet's date and time of the edit (ISO), shown when two tablets' values differ. */
  at?: string,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    const error = checkMeetingFields(patch, false);
    if (error !== null) return err(error);
    const record = getRecord(meetingsMap(doc), id);
    if (record === undefined) return notFound(id);
    const missing = checkPeople(doc, patch);
    if (missing !== null) return err(missing);
    const values = clean(patch);
    for (const key of MEETING_KEYS) {
      if (key === 'place') {
        if (values.place !== undefined) writeTextValue(record, key, meetingTextScope(id), values.place);
        // Single values record who wrote them on what they saw, so a concurrent different value is shown.
      } else setMeetingValue(record, key, values[key], origin, at ?? _today);
    }
    return ok(undefined);
  });
}

/**
 * One key per member: two people marking different members concurrently both count. null clears a mark.
 * Refused with `approved` while the meeting's minutes are approved (attendance-lock.ts).
 */
export function setAttendance(
  doc: Y.Doc,
  input: { meetingId: MeetingId; memberId: MemberId; status: AttendanceStatus | null },
  origin: LocalOrigin,
): Result<void, CommandError | ApprovedError> {
  const locked = attendanceLockedError(doc, input.meetingId);
  if (locked !== null) return locked;
  return runCommand(doc, origin, () => {
    const record = getRecord(meetingsMap(doc), input.meetingId);
    const attendance = record === undefined ? undefined : getNested(record, 'attendance');
    if (attendance === undefined) return notFound(input.meetingId);
    if (getRecord(membersMap(doc), input.memberId) === undefined) return notFound(input.memberId);
    if (input.status === null) deleteIfPresent(attendance, input.memberId);
    else setIfChanged(attendance, input.memberId, input.status);
    return ok(undefined);
  });
}
