import {
  type ApiError,
  formatInvite,
  generateKey,
  type Invite,
  registerClubPath,
  rotateKeysPath,
} from '@chungtay/protocol';
import { type ClubAccess, findKnownClub, readRelayOrigin, rememberClub, saveClubAccess } from './device';

export type ShareError =
  | { readonly type: 'network' }
  | { readonly type: 'relay'; readonly error: ApiError['error'] | 'unknown' };

/** Fresh keys for a club created on this tablet: it holds both, shares nothing yet. */
export function newClubAccess(): ClubAccess {
  return { role: 'editor', key: generateKey(), viewerKey: generateKey(), shared: false };
}

async function post(
  path: string,
  body: unknown,
  bearer?: string,
): Promise<{ ok: true } | { ok: false; error: ShareError }> {
  let response: Response;
  try {
    response = await fetch(`${readRelayOrigin()}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, error: { type: 'network' } };
  }
  if (response.ok) return { ok: true };
  const payload = (await response.json().catch(() => null)) as Partial<ApiError> | null;
  return { ok: false, error: { type: 'relay', error: payload?.error ?? 'unknown' } };
}

/** Registers the club's key hashes with the relay (idempotent), after which the club syncs. */
export async function shareClub(clubId: string, registrationCode?: string) {
  const access = findKnownClub(clubId)?.access;
  if (access?.role !== 'editor' || !access.viewerKey)
    return { ok: false as const, error: { type: 'relay' as const, error: 'unauthorized' as const } };
  const result = await post(registerClubPath(clubId), {
    editorKey: access.key,
    viewerKey: access.viewerKey,
    ...(registrationCode ? { registrationCode } : {}),
  });
  if (result.ok) saveClubAccess(clubId, { ...access, shared: true });
  return result;
}

/** A lost tablet: new keys for everyone; old ones are refused from now on. */
export async function rotateClubKeys(clubId: string) {
  const access = findKnownClub(clubId)?.access;
  if (access?.role !== 'editor')
    return { ok: false as const, error: { type: 'relay' as const, error: 'unauthorized' as const } };
  const next: ClubAccess = { role: 'editor', key: generateKey(), viewerKey: generateKey(), shared: true };
  const result = await post(
    rotateKeysPath(clubId),
    { editorKey: next.key, viewerKey: next.viewerKey },
    access.key,
  );
  if (result.ok) saveClubAccess(clubId, next);
  return result;
}

export function inviteLinks(clubId: string, clubName: string): { editor?: string; viewer?: string } {
  const access = findKnownClub(clubId)?.access;
  if (!access?.shared) return {};
  const origin = location.origin;
  return {
    ...(access.role === 'editor'
      ? { editor: formatInvite({ origin, clubId, clubName, role: 'editor', key: access.key }) }
      : {}),
    ...(access.viewerKey
      ? { viewer: formatInvite({ origin, clubId, clubName, role: 'viewer', key: access.viewerKey }) }
      : {}),
  };
}

/** Stores an invite's key on this tablet; the club then loads from the relay. */
export function acceptInvite(invite: Invite): void {
  const known = findKnownClub(invite.clubId);
  // Keep a viewer key this tablet already holds when an editor invite arrives (e.g. after a rotation).
  const viewerKey = invite.role === 'viewer' ? invite.key : known?.access?.viewerKey;
  const access: ClubAccess = {
    role: invite.role,
    key: invite.key,
    shared: true,
    ...(viewerKey ? { viewerKey } : {}),
  };
  rememberClub({
    id: invite.clubId,
    name: known?.name ?? invite.clubName,
    kind: known?.kind ?? 'other',
    memberCount: known?.memberCount ?? 0,
    access,
  });
}
