import { parseTabletList, revokeTabletPath, type TabletInfo, tabletsPath } from '@chungtay/protocol';
import { post, type ShareError } from './club-access';
import { findKnownClub, readRelayOrigin, syncKey } from './device';

/**
 * The club's tablets as the relay knows them (issue 12 §6), for the share screen: asked with this tablet's
 * own key (or the invite key before the exchange), which only editors hold.
 */
export async function listClubTablets(
  clubId: string,
): Promise<{ ok: true; tablets: readonly TabletInfo[] } | { ok: false; error: ShareError }> {
  const access = findKnownClub(clubId)?.access;
  if (access?.role !== 'editor') return { ok: false, error: { type: 'relay', error: 'unauthorized' } };
  let response: Response;
  try {
    response = await fetch(`${readRelayOrigin()}${tabletsPath(clubId)}`, {
      headers: { authorization: `Bearer ${syncKey(access)}` },
    });
  } catch {
    return { ok: false, error: { type: 'network' } };
  }
  const body = (await response.json().catch(() => null)) as unknown;
  const list = response.ok ? parseTabletList(body) : undefined;
  if (list !== undefined) return { ok: true, tablets: list.tablets };
  const error = (body as { error?: unknown } | null)?.error;
  return {
    ok: false,
    error: { type: 'relay', error: typeof error === 'string' ? (error as 'unauthorized') : 'unknown' },
  };
}

/** Cuts one tablet off at the relay; its sockets close at once on every relay process. */
export async function revokeClubTablet(clubId: string, tabletId: string) {
  const access = findKnownClub(clubId)?.access;
  if (access?.role !== 'editor')
    return { ok: false as const, error: { type: 'relay' as const, error: 'unauthorized' as const } };
  return post(revokeTabletPath(clubId, tabletId), {}, syncKey(access));
}
