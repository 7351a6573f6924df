import type * as Y from 'yjs';
import { readMember } from '../club/club-records';
import { err, type MemberId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { type CommandError, runCommand } from '../schema/command';
import { membersMap } from '../schema/layout';

/**
 * The club's rules for who uses a tablet (issue 12 §4), in the club doc so every tablet follows them:
 * `pinRequired`, whether a person must enter their own PIN (client/src/device/pin.ts) to become the person
 * using a tablet and to sign or reopen minutes. The committee decides: only a member with a committee role
 * may change it. One value; two tablets changing it at once keep one of the two (Yjs's last writer), and
 * either outcome is a committee's decision.
 */
export const tabletPolicyMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('tabletPolicy');

export type NotCommitteeError = { readonly type: 'notCommittee' };

export function isPinRequired(doc: Y.Doc): boolean {
  return tabletPolicyMap(doc).get('pinRequired') === true;
}

export function setPinRequired(
  doc: Y.Doc,
  input: { readonly required: boolean; readonly by: MemberId },
  origin: LocalOrigin,
): Result<void, CommandError | NotCommitteeError> {
  const member = readMember(input.by, membersMap(doc).get(input.by));
  if (member === undefined || member.role === 'none' || member.left) return err({ type: 'notCommittee' });
  return runCommand(doc, origin, () => {
    if (isPinRequired(doc) !== input.required) tabletPolicyMap(doc).set('pinRequired', input.required);
    return ok(undefined);
  });
}
