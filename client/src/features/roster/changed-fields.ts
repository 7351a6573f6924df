import { MEMBER_SINGLE_VALUE_FIELDS, type Member, type MemberInput } from '@chungtay/model';

/**
 * The fields of a saved form that differ from the member as the form opened with. Only those are sent:
 * a field left as it was must not write the value seen minutes ago over what another tablet wrote since
 * (a note would lose the other tablet's sentence; a phone would replace the other tablet's number
 * without the conflict ever being shown).
 */
export function changedFields(input: MemberInput, openedAs: Member): Partial<MemberInput> {
  const patch: Partial<Record<keyof MemberInput, unknown>> = {};
  for (const key of [...MEMBER_SINGLE_VALUE_FIELDS, 'notes'] as const) {
    if (input[key] !== openedAs[key]) patch[key] = input[key];
  }
  return patch as Partial<MemberInput>;
}
