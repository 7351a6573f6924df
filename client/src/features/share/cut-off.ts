import { rotateClubKeys } from '../../device/club-access';
import { revokeClubTablet } from '../../device/club-tablets';

/** How cutting a tablet off went: refused (nothing changed), or done with or without new invite keys. */
export type CutOffOutcome = 'failed' | 'cutOffAndRotated' | 'cutOffNotRotated';

/**
 * Cuts one tablet off, then changes the club's invite keys (issue 12 §6). A tablet keeps the invite key it
 * joined with (to show invites to others), so a lost or stolen one could otherwise join again as a new
 * tablet with it. The other tablets sync and send photos with keys of their own and go on; the invite key
 * they hold is retired, so they show invites only once they scan a new invite from this tablet: the dialog
 * says so. The tablet is revoked first, so that a failed rotation
 * still leaves it cut off; the share screen's own "change keys" button retries the rotation.
 */
export async function cutOffTablet(clubId: string, tabletId: string): Promise<CutOffOutcome> {
  const revoked = await revokeClubTablet(clubId, tabletId);
  if (!revoked.ok) return 'failed';
  const rotated = await rotateClubKeys(clubId);
  return rotated.ok ? 'cutOffAndRotated' : 'cutOffNotRotated';
}
