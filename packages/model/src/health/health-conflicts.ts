import type * as Y from 'yjs';
import { chooseWrite, type FieldConflict, readConflicts } from '../conflicts/field-writes';
import { err, isId, type MeetingId, type MemberId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { invalid, notFound } from '../schema/command';
import type { HealthError } from './health-commands';
import { checkRecord, HEALTH_MEASURES, type HealthMeasure, runHealthCommand } from './health-layout';
import { lockedError } from './health-locks';

/**
 * A measurement two tablets set to different values for the same member at the same meeting while apart
 * ("Hai máy ghi khác nhau: 52,5 (Lan, 10:02) / 55 (Hoa, 10:05): giữ số nào?"). The rules are the member
 * record's (conflicts/field-writes.ts): both values stay, with who and when, until someone chooses; a
 * value only one tablet changed, or changed after seeing the other's, is never flagged.
 */
export type HealthConflict = FieldConflict<HealthMeasure>;

/** The conflicts of one check, from its keys as `readHealth` groups them (`write/<field>/<id>` included). */
export function readCheckConflicts(raw: Readonly<Record<string, unknown>>): HealthConflict[] {
  return readConflicts(raw, HEALTH_MEASURES);
}

export function isHealthMeasure(field: string): field is HealthMeasure {
  return (HEALTH_MEASURES as readonly string[]).includes(field);
}

/**
 * Keeps one of the values: sets it and records a write based on every value shown, so the question is
 * gone on every tablet once this arrives. A write that is no longer offered (someone chose meanwhile) is
 * refused as not found; an approved meeting's measurement with `approved`, like any other change to it.
 * `at` is the tablet's time.
 */
export function resolveHealthConflict(
  doc: Y.Doc,
  input: { meetingId: MeetingId; memberId: MemberId; field: HealthMeasure; writeId: string },
  origin: LocalOrigin,
  at: string,
): Result<void, HealthError> {
  return (
    lockedError(doc, input.meetingId) ??
    runHealthCommand(doc, origin, () => {
      if (!isHealthMeasure(input.field)) return err(invalid({ field: 'required' }));
      if (!isId(input.meetingId) || !isId(input.memberId))
        return notFound(`${input.meetingId}/${input.memberId}`);
      const record = checkRecord(doc, input.meetingId, input.memberId);
      const chosen = chooseWrite(record, input.field, input.writeId, origin.author, at);
      return chosen === undefined ? notFound(input.writeId) : ok(undefined);
    })
  );
}
