import type * as Y from 'yjs';
import { appendChange } from '../history/change-log';
import { err, type MeetingId, ok, type Result } from '../ids/ids';
import type { MeetingInput } from '../meetings/meeting-commands';
import type { LocalOrigin } from '../origin/origin';
import { type CommandError, invalid, notFound, runCommand } from '../schema/command';
import { getRecord, meetingsMap } from '../schema/layout';
import { chooseWrite, type FieldConflict, readConflicts, writeValue } from './field-writes';

/** A meeting's single values: a date moved to two different days on two tablets is flagged, not lost. */
export const MEETING_SINGLE_VALUE_FIELDS = [
  'date',
  'time',
  'kind',
  'chairId',
  'secretaryId',
] as const satisfies readonly (keyof MeetingInput)[];
export type MeetingValueField = (typeof MEETING_SINGLE_VALUE_FIELDS)[number];

export function isMeetingValueField(key: string): key is MeetingValueField {
  return (MEETING_SINGLE_VALUE_FIELDS as readonly string[]).includes(key);
}

export function readMeetingConflicts(
  raw: Readonly<Record<string, unknown>>,
): FieldConflict<MeetingValueField>[] {
  return readConflicts(raw, MEETING_SINGLE_VALUE_FIELDS);
}

/** Sets one single value of a meeting and, when it changed, records the write (field-writes.ts). */
export function setMeetingValue(
  record: Y.Map<unknown>,
  field: MeetingValueField,
  value: unknown,
  origin: LocalOrigin,
  at: string,
): void {
  if (writeValue(record, field, value, origin.author, at)) appendChange(record, field, origin.author, at);
}

/** Keeps one of the values two tablets wrote for a meeting's field; the same rules as for a member's. */
export function resolveMeetingConflict(
  doc: Y.Doc,
  input: { meetingId: MeetingId; field: MeetingValueField; writeId: string },
  origin: LocalOrigin,
  at: string,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    if (!isMeetingValueField(input.field)) return err(invalid({ field: 'required' }));
    const record = getRecord(meetingsMap(doc), input.meetingId);
    if (record === undefined) return notFound(input.meetingId);
    const chosen = chooseWrite(record, input.field, input.writeId, origin.author, at);
    return chosen === undefined ? notFound(input.writeId) : ok(undefined);
  });
}
