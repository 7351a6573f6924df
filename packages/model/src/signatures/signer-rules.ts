import type { MemberId } from '../ids/ids';
import type { ApprovalRole, MinutesHeader } from '../minutes/minutes-types';

/** The person using the tablet is not the one the minutes name for that role. */
export type NotSignerError = { readonly type: 'notSigner'; readonly role: ApprovalRole | 'reopen' };

/**
 * Only the person the minutes name as chair signs as chair, and the secretary as secretary: one tablet
 * user pressing both buttons recorded two people's approval. Minutes without a chair (or secretary) set
 * cannot be signed for that role: the header is completed first.
 */
export function checkSignerRole(
  header: Pick<MinutesHeader, 'chairId' | 'secretaryId'>,
  role: ApprovalRole,
  person: MemberId,
): NotSignerError | null {
  const named = role === 'chair' ? header.chairId : header.secretaryId;
  return named !== null && named === person ? null : { type: 'notSigner', role };
}

/** Reopening undoes both signatures, so only one of the two signers may do it. */
export function checkReopener(
  header: Pick<MinutesHeader, 'chairId' | 'secretaryId'>,
  person: MemberId,
): NotSignerError | null {
  return person === header.chairId || person === header.secretaryId
    ? null
    : { type: 'notSigner', role: 'reopen' };
}
