import type { ApiError } from '@chungtay/protocol';
import type { ShareError } from './club-access';
import { findKnownClub, readRelayOrigin } from './device';

/**
 * Deletes the club from its sync server with this tablet's editor key (DELETE /api/clubs/:clubId): every
 * document and the club's record go, and every tablet still connected is cut off. A club the server no
 * longer knows (404) counts as deleted: a retry after a lost answer must not be an error.
 */
export async function deleteClubFromRelay(
  clubId: string,
): Promise<{ ok: true } | { ok: false; error: ShareError }> {
  const access = findKnownClub(clubId)?.access;
  if (access?.role !== 'editor') return { ok: false, error: { type: 'relay', error: 'unauthorized' } };
  let response: Response;
  try {
    response = await fetch(`${readRelayOrigin()}/api/clubs/${encodeURIComponent(clubId)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${access.key}` },
    });
  } catch {
    return { ok: false, error: { type: 'network' } };
  }
  if (response.ok || response.status === 404) return { ok: true };
  const payload = (await response.json().catch(() => null)) as Partial<ApiError> | null;
  return { ok: false, error: { type: 'relay', error: payload?.error ?? 'unknown' } };
}
