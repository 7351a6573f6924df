import { generateKey, tabletsPath } from '@chungtay/protocol';
import { post } from './club-access';
import { findKnownClub, saveClubAccess } from './device';
import { readTabletPerson } from './person';
import { tabletSigner } from './signing-key';

export type TabletKeyResult = 'registered' | 'unchanged' | 'failed';

/**
 * Exchanges the club's invite key for this tablet's own (issue 12 §6): called once an editor's tablet
 * reaches the relay with the invite key, on joining and, for tablets that joined before tablets had keys,
 * on their next connection. The new key is saved before the request goes, and a retry sends the same key,
 * so a lost answer never leaves the relay holding a key this tablet does not know. The tablet id is its
 * signing key's (signing-key.ts), so the relay and the club's signatures name a tablet alike.
 *
 * `registered`: the caller reconnects with the new key. `unchanged`: nothing to do (a viewer, a club not
 * shared, a key held already). `failed`: the tablet keeps syncing with the invite key and tries again on
 * its next connection.
 */
export async function ensureTabletKey(
  clubId: string,
  tabletId: () => Promise<string> = async () => (await tabletSigner()).tablet,
): Promise<TabletKeyResult> {
  const access = findKnownClub(clubId)?.access;
  if (access?.role !== 'editor' || !access.shared || access.tabletKey !== undefined) return 'unchanged';
  const pending = access.pendingTabletKey ?? generateKey();
  if (access.pendingTabletKey === undefined) saveClubAccess(clubId, { ...access, pendingTabletKey: pending });
  let tablet: string;
  try {
    tablet = await tabletId();
  } catch {
    return 'failed';
  }
  const result = await post(
    tabletsPath(clubId),
    { tabletId: tablet, tabletKey: pending, person: readTabletPerson(clubId) ?? '' },
    access.key,
  );
  if (!result.ok) return 'failed';
  const now = findKnownClub(clubId)?.access;
  // Another tab finished first, or an invite replaced the keys meanwhile: leave what is there.
  if (now === undefined || now.pendingTabletKey !== pending) return 'unchanged';
  const { pendingTabletKey: _sent, ...rest } = now;
  saveClubAccess(clubId, { ...rest, tabletKey: pending });
  return 'registered';
}

/** Tells the relay who now uses this tablet (the share screen's list), with the tablet's own key. */
export async function sendTabletPerson(clubId: string, person: string): Promise<boolean> {
  const access = findKnownClub(clubId)?.access;
  if (access?.tabletKey === undefined) return false;
  const { tablet } = await tabletSigner();
  const result = await post(
    tabletsPath(clubId),
    { tabletId: tablet, tabletKey: access.tabletKey, person },
    access.tabletKey,
  );
  return result.ok;
}
