import * as Y from 'yjs';
import { err, type MemberId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { type CommandError, invalid, notFound, runCommand } from '../schema/command';
import { ERASED_NAME } from '../schema/enums';
import {
  dismissedMap,
  getNested,
  getRecord,
  groupsMap,
  meetingsMap,
  membersMap,
  type YRecord,
} from '../schema/layout';
import type { ClubView, Member } from '../schema/types';
import { readTextValue, writeTextValue } from '../text/shared-text';
import { foldVietnamese } from '../text/vietnamese';
import { memberTextScope } from './member-commands';
import { listActiveMembers } from './member-queries';

/**
 * Duplicates: two offline devices can enter the same person. The model finds likely pairs, a committee
 * member decides, and the model merges or dismisses; it never merges on its own.
 */

export interface DuplicatePair {
  readonly a: MemberId;
  readonly b: MemberId;
}

function sameBirthYear(x: PersonKey, y: PersonKey): boolean {
  return x.birthYear === null || y.birthYear === null || x.birthYear === y.birthYear;
}

/** What the duplicate rule compares: the name and the birth year. */
export interface PersonKey {
  readonly fullName: string;
  readonly birthYear: number | null;
}

/**
 * The roster's duplicate rule, shared by the roster's warning and the import's preview: the same name
 * without diacritics, case or extra spaces, and the same birth year or one of them unknown.
 */
export function looksLikeSamePerson(x: PersonKey, y: PersonKey): boolean {
  return foldVietnamese(x.fullName) === foldVietnamese(y.fullName) && sameBirthYear(x, y);
}

/**
 * Two offline devices can enter the same person. The model never merges them on its own (two people can
 * share a name); it reports the pair so a committee member decides. Pairs are ordered a < b.
 */
export function listPossibleDuplicates(view: ClubView): readonly DuplicatePair[] {
  const dismissed = new Set(view.dismissedDuplicates);
  const byName = new Map<string, Member[]>();
  for (const member of listActiveMembers(view)) {
    // Erased records all share one placeholder name; they are not duplicates of each other.
    if (member.fullName === ERASED_NAME) continue;
    const key = foldVietnamese(member.fullName);
    byName.set(key, [...(byName.get(key) ?? []), member]);
  }
  const pairs: DuplicatePair[] = [];
  for (const group of byName.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const x = group[i];
        const y = group[j];
        if (x === undefined || y === undefined || !sameBirthYear(x, y)) continue;
        if (dismissed.has(duplicatePairKey(x.id, y.id))) continue;
        pairs.push(x.id < y.id ? { a: x.id, b: y.id } : { a: y.id, b: x.id });
      }
    }
  }
  return pairs.sort((p, q) => (p.a + p.b < q.a + q.b ? -1 : 1));
}

/** Fields copied from the dropped record only when the kept one has nothing there. */
const FILLABLE = ['phone', 'hamlet', 'notes', 'birthYear', 'joinedOn', 'consentOn', 'consentBy'] as const;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function fillEmptyFields(keep: YRecord, drop: YRecord, keepId: MemberId): void {
  for (const key of FILLABLE) {
    // Notes are Y.Text: their text is copied (a shared type cannot move to another record).
    const value = key === 'notes' ? readTextValue(drop.get(key)) : drop.get(key);
    const kept = key === 'notes' ? readTextValue(keep.get(key)) : keep.get(key);
    if (!isEmpty(kept) || isEmpty(value)) continue;
    if (key === 'notes') writeTextValue(keep, key, memberTextScope(keepId), value as string);
    else keep.set(key, value);
  }
  if ((keep.get('role') ?? 'none') === 'none' && !isEmpty(drop.get('role')))
    keep.set('role', drop.get('role'));
}

function moveReferences(doc: Y.Doc, keepId: MemberId, dropId: MemberId): void {
  for (const group of groupsMap(doc).values()) {
    if (!(group instanceof Y.Map)) continue;
    const members = getNested(group, 'members');
    if (members?.get(dropId) === true) {
      members.set(keepId, true);
      members.delete(dropId);
    }
    if (group.get('leaderId') === dropId) group.set('leaderId', keepId);
  }
  for (const meeting of meetingsMap(doc).values()) {
    if (!(meeting instanceof Y.Map)) continue;
    const attendance = getNested(meeting, 'attendance');
    const dropped = attendance?.get(dropId);
    if (attendance !== undefined && dropped !== undefined) {
      // Both records at one meeting means the person was entered twice; the kept record's mark stands.
      if (!attendance.has(keepId)) attendance.set(keepId, dropped);
      attendance.delete(dropId);
    }
    if (meeting.get('chairId') === dropId) meeting.set('chairId', keepId);
    if (meeting.get('secretaryId') === dropId) meeting.set('secretaryId', keepId);
  }
}

/**
 * Resolves a duplicate the user confirmed. The dropped record is kept with `mergedInto` so a peer that
 * still edits it offline has somewhere to land, and so the merge is visible and reversible by hand.
 */
export function mergeMembers(
  doc: Y.Doc,
  input: { keepId: MemberId; dropId: MemberId },
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    if (input.keepId === input.dropId) return err(invalid({ dropId: 'required' }));
    const members = membersMap(doc);
    const keep = getRecord(members, input.keepId);
    const drop = getRecord(members, input.dropId);
    if (keep === undefined) return notFound(input.keepId);
    if (drop === undefined) return notFound(input.dropId);
    fillEmptyFields(keep, drop, input.keepId);
    moveReferences(doc, input.keepId, input.dropId);
    drop.set('mergedInto', input.keepId);
    return ok(undefined);
  });
}

export function duplicatePairKey(a: MemberId, b: MemberId): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** "These two are different people": the pair stops being suggested on every device. */
export function dismissDuplicate(
  doc: Y.Doc,
  input: { a: MemberId; b: MemberId },
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    if (input.a === input.b) return err(invalid({ b: 'required' }));
    const members = membersMap(doc);
    if (getRecord(members, input.a) === undefined) return notFound(input.a);
    if (getRecord(members, input.b) === undefined) return notFound(input.b);
    const key = duplicatePairKey(input.a, input.b);
    if (!dismissedMap(doc).has(key)) dismissedMap(doc).set(key, true);
    return ok(undefined);
  });
}
