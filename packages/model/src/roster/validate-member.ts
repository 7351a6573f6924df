import type { IsoDate } from '../ids/ids';
import { FieldErrors, type ValidationError } from '../schema/command';
import type { CommitteeRole, Gender, HouseholdStatus } from '../schema/enums';
import {
  checkBirthYear,
  checkOptionalText,
  checkPastDate,
  checkPhone,
  checkRequiredText,
  MAX_NAME,
  MAX_NOTES,
} from '../schema/field-checks';

export interface MemberInput {
  fullName: string;
  gender: Gender;
  birthYear: number | null;
  phone: string;
  hamlet: string;
  household: HouseholdStatus;
  ethnicMinority: boolean;
  joinedOn: IsoDate | null;
  role: CommitteeRole;
  notes: string;
}

/**
 * Checks the fields of a member form. A missing fullName is 'required' because a form always has one;
 * `updateMember` checks patches with `requireName: false` so a patch of other fields passes.
 */
export function validateMemberInput(input: Partial<MemberInput>, today: IsoDate): ValidationError | null {
  return checkMemberFields(input, today, true);
}

export function checkMemberFields(
  input: Partial<MemberInput>,
  today: IsoDate,
  requireName: boolean,
): ValidationError | null {
  const errors = new FieldErrors();
  if (requireName || input.fullName !== undefined)
    errors.add('fullName', checkRequiredText(input.fullName, MAX_NAME));
  errors.add('birthYear', checkBirthYear(input.birthYear, today));
  errors.add('phone', checkPhone(input.phone));
  errors.add('hamlet', checkOptionalText(input.hamlet, MAX_NAME));
  errors.add('joinedOn', checkPastDate(input.joinedOn, today));
  errors.add('notes', checkOptionalText(input.notes, MAX_NOTES));
  return errors.done();
}

/** Trims the text fields; other fields pass through. Absent keys stay absent (it is also used for patches). */
export function normalizeMemberInput(input: Partial<MemberInput>): Partial<MemberInput> {
  const out: Partial<MemberInput> = { ...input };
  if (input.fullName !== undefined) out.fullName = input.fullName.trim().replace(/\s+/g, ' ');
  if (input.phone !== undefined) out.phone = input.phone.trim();
  if (input.hamlet !== undefined) out.hamlet = input.hamlet.trim();
  if (input.notes !== undefined) out.notes = input.notes.trim();
  return out;
}

export const MEMBER_INPUT_KEYS = [
  'fullName',
  'gender',
  'birthYear',
  'phone',
  'hamlet',
  'household',
  'ethnicMinority',
  'joinedOn',
  'role',
  'notes',
] as const satisfies readonly (keyof MemberInput)[];
