import type * as Y from 'yjs';
import { err, type IsoDate, type MemberId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { type CommandError, type FieldError, invalid, notFound, runCommand } from '../schema/command';
import { COMMITTEE_ROLES, type CommitteeRole, ERASED_NAME } from '../schema/enums';
import { getRecord, membersMap, setIfChanged } from '../schema/layout';
import type { ClubView, Member } from '../schema/types';
import { foldVietnamese } from '../text/vietnamese';
import { looksLikeSamePerson, type PersonKey } from './duplicates';
import { insertMember } from './member-commands';
import { checkMemberFields, type MemberInput, normalizeMemberInput } from './validate-member';

/**
 * Importing a register from a file (issue 15 §3). The file-format side lives in the client; the rules of
 * what a row may become are here: a draft is a MemberInput checked like the member form, a row that looks
 * like someone on the roster (the roster's duplicate rule) is skipped or merged, never added twice without
 * the user saying so, and the whole import is one command, so one transaction and one undo step.
 */

/** A row with an existing member it resembles: fill what the roster lacks from the file. */
export interface ImportMerge {
  readonly id: MemberId;
  readonly input: MemberInput;
}

export interface ImportMembersInput {
  readonly add: readonly MemberInput[];
  readonly merge: readonly ImportMerge[];
}

export interface ImportMembersResult {
  readonly added: readonly MemberId[];
  readonly merged: readonly MemberId[];
}

/** The import's row check is the member form's: same limits, same error types, same messages. */
export function checkImportDraft(draft: MemberInput, today: IsoDate): Readonly<Record<string, FieldError>> {
  return checkMemberFields(draft, today, true)?.fields ?? {};
}

/**
 * The roster member a draft looks like, by the roster's duplicate rule. Former members count too (a
 * commune list often still names them, and re-adding them would split their history); merged and
 * erased records do not. Active members are preferred when both match.
 */
export function findRosterMatch(view: ClubView, draft: PersonKey): Member | undefined {
  return createRosterMatcher(view)(draft);
}

/**
 * `findRosterMatch` for many drafts: the roster's names are folded once, so a 500-row file costs 500
 * look-ups instead of 500 × the roster's folds (seconds on a cheap tablet).
 */
export function createRosterMatcher(view: ClubView): (draft: PersonKey) => Member | undefined {
  const byName = new Map<string, Member[]>();
  for (const m of view.members) {
    if (m.mergedInto !== null || m.fullName === ERASED_NAME) continue;
    const key = foldVietnamese(m.fullName);
    byName.set(key, [...(byName.get(key) ?? []), m]);
  }
  return (draft) => {
    const candidates = (byName.get(foldVietnamese(draft.fullName)) ?? []).filter((m) =>
      looksLikeSamePerson(m, draft),
    );
    return candidates.find((m) => m.left === null) ?? candidates[0];
  };
}

/**
 * What merging a draft into an existing member changes: only fields the roster has empty, so a merge
 * never overwrites what the committee typed (the same rule as merging two roster records).
 */
export function mergePatch(existing: MemberInput, draft: MemberInput): Partial<MemberInput> {
  const patch: Partial<MemberInput> = {};
  const clean = normalizeMemberInput(draft);
  for (const key of ['phone', 'hamlet', 'notes'] as const) {
    const value = clean[key];
    if (existing[key].trim() === '' && value !== undefined && value !== '') patch[key] = value;
  }
  if (existing.birthYear === null && draft.birthYear !== null) patch.birthYear = draft.birthYear;
  if (existing.joinedOn === null && draft.joinedOn !== null) patch.joinedOn = draft.joinedOn;
  if (existing.household === 'none' && draft.household !== 'none') patch.household = draft.household;
  if (!existing.ethnicMinority && draft.ethnicMinority) patch.ethnicMinority = true;
  if (existing.role === 'none' && draft.role !== 'none') patch.role = draft.role;
  return patch;
}

function memberAsInput(record: Y.Map<unknown>): MemberInput {
  const text = (key: string) => {
    const v = record.get(key);
    return typeof v === 'string' ? v : '';
  };
  const year = record.get('birthYear');
  const joined = record.get('joinedOn');
  const household = record.get('household');
  const role = record.get('role');
  return {
    fullName: text('fullName'),
    gender: 'other',
    birthYear: typeof year === 'number' ? year : null,
    phone: text('phone'),
    hamlet: text('hamlet'),
    household: household === 'poor' || household === 'nearPoor' ? household : 'none',
    ethnicMinority: record.get('ethnicMinority') === true,
    joinedOn: typeof joined === 'string' ? joined : null,
    role: COMMITTEE_ROLES.find((r): r is CommitteeRole => r === role) ?? 'none',
    notes: text('notes'),
  };
}

/**
 * Adds and merges the confirmed rows in ONE transaction: a peer never sees half an import and the
 * header's undo takes it all back at once. Every row is checked before the first write; a bad row
 * refuses the whole import (fields named `add.<i>.<field>`), since the preview should have caught it.
 */
export function importMembers(
  doc: Y.Doc,
  input: ImportMembersInput,
  origin: LocalOrigin,
  today: IsoDate,
): Result<ImportMembersResult, CommandError> {
  return runCommand(doc, origin, () => {
    const fields: Record<string, FieldError> = {};
    input.add.forEach((draft, i) => {
      for (const [field, error] of Object.entries(checkImportDraft(draft, today)))
        fields[`add.${i}.${field}`] = error;
    });
    input.merge.forEach((m, i) => {
      for (const [field, error] of Object.entries(checkImportDraft(m.input, today)))
        fields[`merge.${i}.${field}`] = error;
    });
    if (Object.keys(fields).length > 0) return err(invalid(fields));
    const members = membersMap(doc);
    const targets = input.merge.map((m) => ({ m, record: getRecord(members, m.id) }));
    const missing = targets.find((t) => t.record === undefined);
    if (missing !== undefined) return notFound(missing.m.id);
    const added = input.add.map((draft) => insertMember(doc, draft, origin, today));
    for (const { m, record } of targets) {
      if (record === undefined) continue;
      const patch = mergePatch(memberAsInput(record), m.input);
      for (const [key, value] of Object.entries(patch)) setIfChanged(record, key, value);
    }
    return ok({ added, merged: input.merge.map((m) => m.id) });
  });
}
