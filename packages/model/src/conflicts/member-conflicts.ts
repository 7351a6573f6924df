import type * as Y from 'yjs';
import { appendChange } from '../history/change-log';
import { err, type IsoDate, type MemberId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import type { MemberInput } from '../roster/validate-member';
import { type CommandError, invalid, notFound, runCommand } from '../schema/command';
import { getRecord, membersMap } from '../schema/layout';
import { chooseWrite, type FieldConflict, readConflicts, writeValue } from './field-writes';

/** A member's fields that hold one value: two tablets setting them differently while apart is flagged. */
export const MEMBER_SINGLE_VALUE_FIELDS = [
  'fullName',
  'gender',
  'birthYear',
  'phone',
  'hamlet',
  'household',
  'ethnicMinority',
  'joinedOn',
  'role',
] as const satisfies readonly (keyof MemberInput)[];
export type MemberValueField = (typeof MEMBER_SINGLE_VALUE_FIELDS)[number];
export type MemberConflict = FieldConflict<MemberValueField>;

export function isMemberValueField(key: string): key is MemberValueField {
  return (MEMBER_SINGLE_VALUE_FIELDS as readonly string[]).includes(key);
}

/** The conflicts of one member record as stored (its toJSON). */
export function readMemberConflicts(raw: Readonly<Record<string, unknown>>): MemberConflict[] {
  return readConflicts(raw, MEMBER_SINGLE_VALUE_FIELDS);
}

/**
 * Sets one single-value field and, when it changed, records the write (field-writes.ts). Inside the
 * command's transaction. `at` is the tablet's time: the model reads no clock.
 */
export function setMemberValue(
  record: Y.Map<unknown>,
  field: MemberValueField,
  value: unknown,
  origin: LocalOrigin,
  at: string,
): void {
  if (writeValue(record, field, value, origin.author, at)) appendChange(record, field, origin.author, at);
}

/**
 * Keeps one of the values two tablets wrote: sets it and records a write based on every head, so the
 * conflict is gone on every tablet once this arrives. Choosing a write that is no longer a head (someone
 * chose meanwhile) is refused as not found.
 */
export function resolveMemberConflict(
  doc: Y.Doc,
  input: { memberId: MemberId; field: MemberValueField; writeId: string },
  origin: LocalOrigin,
  at: string | IsoDate,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    if (!isMemberValueField(input.field)) return err(invalid({ field: 'required' }));
    const record = getRecord(membersMap(doc), input.memberId);
    if (record === undefined) return notFound(input.memberId);
    const chosen = chooseWrite(record, input.field, input.writeId, origin.author, at);
    return chosen === undefined ? notFound(input.writeId) : ok(undefined);
  });
}
