import type { Meeting, MeetingInput } from '@chungtay/model';

const FIELDS = ['date', 'time', 'kind', 'place', 'chairId', 'secretaryId'] as const;

/**
 * The fields of a saved meeting form that differ from the meeting as the form opened with. Only those are
 * sent, so a field left alone cannot write the value seen at opening over another tablet's newer one
 * (which would replace it without the conflict ever being shown).
 */
export function changedMeetingFields(input: MeetingInput, openedAs: Meeting): Partial<MeetingInput> {
  const patch: Partial<Record<(typeof FIELDS)[number], unknown>> = {};
  for (const key of FIELDS) if (input[key] !== openedAs[key]) patch[key] = input[key];
  return patch as Partial<MeetingInput>;
}
