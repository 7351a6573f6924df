import type * as Y from 'yjs';
import type { MeetingId, MemberId } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { type CommandError, runCommand } from '../schema/command';
import { MAX_NOTES, MAX_TEXT } from '../schema/field-checks';
import { getRecord, meetingsMap, membersMap } from '../schema/layout';
import { openTextField, type TextFieldHandle } from './text-field';

/** The club doc's free-text fields a collaborative text box can be bound to. */
export type ClubTextField =
  | { readonly kind: 'memberNotes'; readonly memberId: MemberId }
  | { readonly kind: 'meetingPlace'; readonly meetingId: MeetingId };

/**
 * A handle on a member's notes or a meeting's place (see text-field.ts). Each keystroke is a command:
 * refused on a doc from a newer build, written with this session's origin so undo takes it back.
 */
export function openClubTextField(
  doc: Y.Doc,
  target: ClubTextField,
  origin: LocalOrigin,
): TextFieldHandle<CommandError> {
  const notes = target.kind === 'memberNotes';
  const id = notes ? target.memberId : target.meetingId;
  const key = notes ? 'notes' : 'place';
  return openTextField<CommandError>({
    doc,
    locate: () => {
      const record = getRecord(notes ? membersMap(doc) : meetingsMap(doc), id);
      return record && { record, key, scope: `${notes ? 'members' : 'meetings'}/${id}` };
    },
    maxLength: notes ? MAX_NOTES : MAX_TEXT,
    field: key,
    run: (body) => runCommand(doc, origin, body),
    origin,
  });
}
