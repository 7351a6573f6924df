import * as Y from 'yjs';
import { clearWrites } from '../conflicts/field-writes';
import { setMemberValue } from '../conflicts/member-conflicts';
import { err, type IsoDate, type MemberId, newMemberId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { type CommandError, FieldErrors, notFound, runCommand } from '../schema/command';
import { ERASED_NAME } from '../schema/enums';
import {
  checkOptionalText,
  checkPastDate,
  checkRequiredText,
  MAX_NAME,
  MAX_TEXT,
} from '../schema/field-checks';
import { deleteIfPresent, getRecord, membersMap, setIfChanged } from '../schema/layout';
import type { Consent, MemberLeft } from '../schema/types';
import { writeTextValue } from '../text/shared-text';
import {
  checkMemberFields,
  MEMBER_INPUT_KEYS,
  type MemberInput,
  normalizeMemberInput,
} from './validate-member';

/** Names a member's notes for their deterministic conversion to Y.Text (text/shared-text.ts). */
export function memberTextScope(id: string): string {
  return `members/${id}`;
}

/** createdAt is derived from `today` so the model reads no clock; the day is all the register needs. */
export function addMember(
  doc: Y.Doc,
  input: MemberInput,
  origin: LocalOrigin,
  today: IsoDate,
): Result<MemberId, CommandError> {
  return runCommand(doc, origin, () => {
    const error = checkMemberFields(input, today, true);
    if (error !== null) return err(error);
    return ok(insertMember(doc, input, origin, today));
  });
}

/** Writes a checked member as a new record, inside the caller's transaction (addMember, importMembers). */
export function insertMember(doc: Y.Doc, input: MemberInput, origin: LocalOrigin, today: IsoDate): MemberId {
  const clean = normalizeMemberInput(input);
  const record = new Y.Map<unknown>();
  // Notes are Y.Text created with the record: two people adding to one note keep both.
  for (const key of MEMBER_INPUT_KEYS)
    record.set(key, key === 'notes' ? new Y.Text(clean.notes ?? '') : clean[key]);
  record.set('mergedInto', null);
  record.set('createdAt', Date.parse(today));
  record.set('createdBy', origin.author.id);
  const id = newMemberId();
  membersMap(doc).set(id, record);
  return id;
}

/** Writes only the fields whose value changed, each under its own key, so concurrent edits of other fields survive. */
export function updateMember(
  doc: Y.Doc,
  id: MemberId,
  patch: Partial<MemberInput>,
  origin: LocalOrigin,
  today: IsoDate,
  /** The tablet's date and time of the edit (ISO), shown when two tablets' values differ. */
  at?: string,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    const error = checkMemberFields(patch, today, false);
    if (error !== null) return err(error);
    const record = getRecord(membersMap(doc), id);
    if (record === undefined) return notFound(id);
    const clean = normalizeMemberInput(patch);
    for (const key of MEMBER_INPUT_KEYS) {
      // A new note is written as the smallest edit, so it merges with what another tablet typed.
      if (key === 'notes') {
        if (clean.notes !== undefined) writeTextValue(record, key, memberTextScope(id), clean.notes);
        // Single values record who wrote them on what they saw, so a concurrent different value is shown.
      } else setMemberValue(record, key, clean[key], origin, at ?? today);
    }
    return ok(undefined);
  });
}

/** Consent is two flat keys, not an object, so a concurrent edit elsewhere in the record cannot clobber it. */
export function recordConsent(
  doc: Y.Doc,
  id: MemberId,
  consent: Consent,
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    const errors = new FieldErrors();
    errors.add('givenOn', checkPastDate(consent.givenOn, '9999-12-31'));
    errors.add('recordedBy', checkRequiredText(consent.recordedBy, MAX_NAME));
    const error = errors.done();
    if (error !== null) return err(error);
    const record = getRecord(membersMap(doc), id);
    if (record === undefined) return notFound(id);
    setIfChanged(record, 'consentOn', consent.givenOn);
    setIfChanged(record, 'consentBy', consent.recordedBy.trim());
    return ok(undefined);
  });
}

export function withdrawConsent(doc: Y.Doc, id: MemberId, origin: LocalOrigin): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    const record = getRecord(membersMap(doc), id);
    if (record === undefined) return notFound(id);
    setIfChanged(record, 'consentOn', null);
    setIfChanged(record, 'consentBy', '');
    return ok(undefined);
  });
}

/** Never deletes: attendance and reports keep counting the person for the time they were a member. */
export function markMemberLeft(
  doc: Y.Doc,
  id: MemberId,
  left: MemberLeft,
  origin: LocalOrigin,
  today: IsoDate,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    const errors = new FieldErrors();
    errors.add('on', left.on === '' ? 'required' : checkPastDate(left.on, today));
    errors.add('reason', checkOptionalText(left.reason, MAX_TEXT));
    const error = errors.done();
    if (error !== null) return err(error);
    const record = getRecord(membersMap(doc), id);
    if (record === undefined) return notFound(id);
    setIfChanged(record, 'leftOn', left.on);
    setIfChanged(record, 'leftReason', left.reason.trim());
    return ok(undefined);
  });
}

export function rejoinMember(doc: Y.Doc, id: MemberId, origin: LocalOrigin): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    const record = getRecord(membersMap(doc), id);
    if (record === undefined) return notFound(id);
    setIfChanged(record, 'leftOn', null);
    setIfChanged(record, 'leftReason', '');
    return ok(undefined);
  });
}

/**
 * Right to erasure. The id stays so past attendance still adds up; `erasedOn` is a marker the projection
 * honours over any value a peer writes concurrently, so an offline edit cannot bring the data back.
 */
export function erasePersonalData(
  doc: Y.Doc,
  id: MemberId,
  origin: LocalOrigin,
  today: IsoDate,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    const record = getRecord(membersMap(doc), id);
    if (record === undefined) return notFound(id);
    setIfChanged(record, 'fullName', ERASED_NAME);
    setIfChanged(record, 'phone', '');
    setIfChanged(record, 'notes', '');
    setIfChanged(record, 'birthYear', null);
    setIfChanged(record, 'hamlet', '');
    setIfChanged(record, 'household', 'none');
    setIfChanged(record, 'ethnicMinority', false);
    deleteIfPresent(record, 'leftReason');
    // The recorded writes hold earlier values: erased with the rest.
    clearWrites(record);
    if (!record.has('erasedOn')) record.set('erasedOn', today);
    return ok(undefined);
  });
}
