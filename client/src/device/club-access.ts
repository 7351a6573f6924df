import {
  type ApiError,
  formatInvite,
  generateKey,
  type Invite,
  registerClubPath,
  rotateKeysPath,
} from '@chungtay/protocol';
import {
  type ClubAccess,
  findKnownClub,
  listKnownClubs,
  readRelayOrigin,
  rememberClub,
  saveClubAccess,
  saveRelayOrigin,
} from './device';
import { resendHeldDocs } from './unsent-docs';

export type ShareError =
  | { readonly type: 'network' }
  | { readonly type: 'relay'; readonly error: ApiError['error'] | 'unknown' };

/** A POST to this tablet's relay's API; a failure is a value (network, or the relay's error type). */
export async function post(
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
  if (result.ok) {
    saveClubAccess(clubId, { ...access, shared: true });
    // A server that did not know the club holds none of its minutes or health records either.
    resendHeldDocs(clubId);
  }
  return result;
}

/**
 * A lost tablet: new keys for everyone; old ones are refused from now on. The new keys are saved on this
 * tablet before the request goes (as pendingKeys), and a retry reuses them: if the relay rotated but its
 * answer was lost, the retry is confirmed (the relay recognises its current keys) instead of refused.
 */
export async function rotateClubKeys(clubId: string) {
  const access = findKnownClub(clubId)?.access;
  if (access?.role !== 'editor')
    return { ok: false as const, error: { type: 'relay' as const, error: 'unauthorized' as const } };
  const pending = access.pendingKeys ?? { key: generateKey(), viewerKey: generateKey() };
  saveClubAccess(clubId, { ...access, pendingKeys: pending });
  const result = await post(
    rotateKeysPath(clubId),
    { editorKey: pending.key, viewerKey: pending.viewerKey },
    access.key,
  );
  if (result.ok) {
    // A tablet key of its own is not changed by a rotation (only the invite keys are), so it is kept.
    const { tabletKey, pendingTabletKey } = access;
    saveClubAccess(clubId, {
      role: 'editor',
      key: pending.key,
      viewerKey: pending.viewerKey,
      shared: true,
      ...(tabletKey ? { tabletKey } : {}),
      ...(pendingTabletKey ? { pendingTabletKey } : {}),
    });
  } else if (result.error.type === 'relay' && result.error.error !== 'unknown') {
    // The relay answered and did not rotate to these keys (another editor rotated first): drop them.
    // A network failure or an unreadable answer keeps them: the rotation may have happened.
    const { pendingKeys: _dropped, ...rest } = access;
    saveClubAccess(clubId, rest);
  }
  return result;
}

/** Whether a rotation started on this tablet still waits for the relay's answer. */
export function hasPendingRotation(clubId: string): boolean {
  return findKnownClub(clubId)?.access?.pendingKeys !== undefined;
}

/**
 * What goes aside when an invite brings another key. A rotation this tablet started and has not seen
 * confirmed goes with it: if the relay accepts the invite's key, that rotation did not take effect (its
 * keys would be the current ones) and retrying it would undo the one that did; if the relay refuses the
 * invite's key, the held keys and the rotation come back together.
 */
function heldKeys(access: ClubAccess): NonNullable<ClubAccess['replacedKeys']> {
  const { role, key, viewerKey, pendingKeys } = access;
  return { role, key, ...(viewerKey ? { viewerKey } : {}), ...(pendingKeys ? { pendingKeys } : {}) };
}

export function inviteLinks(clubId: string, clubName: string): { editor?: string; viewer?: string } {
  const access = findKnownClub(clubId)?.access;
  if (!access?.shared) return {};
  const origin = location.origin;
  // A link opens the app at `origin`, whose default sync server is `origin` too; a tablet set to another
  // server says so in its links, or the joining tablet would look for the club in the wrong place.
  const server = readRelayOrigin();
  const relay = server !== origin ? { relay: server } : {};
  return {
    ...(access.role === 'editor'
      ? {
          editor: formatInvite({
            origin,
            clubId,
            clubName,
            role: 'editor',
            key: access.key,
            ...(access.viewerKey ? { viewerKey: access.viewerKey } : {}),
            ...relay,
          }),
        }
      : {}),
    ...(access.viewerKey
      ? {
          viewer: formatInvite({ origin, clubId, clubName, role: 'viewer', key: access.viewerKey, ...relay }),
        }
      : {}),
  };
}

/**
 * What joining through this invite does to the tablet's sync server: nothing (the link names none, or the
 * one set here); `follow`, the tablet is set to the link's server; or `keep`, it stays where it is.
 *
 * The server is one setting for the whole tablet, so following a link moves every club on it, keys and
 * all. Only a tablet with no other club that syncs (shared from here, or joined) follows by itself: a forged
 * link must not carry the other clubs' keys and records to its server. The join page says which case applies
 * before the user accepts.
 */
export function inviteRelayChange(invite: Invite): 'none' | 'follow' | 'keep' {
  if (invite.relay === undefined || invite.relay === readRelayOrigin()) return 'none';
  const others = listKnownClubs().some((club) => club.id !== invite.clubId && club.access?.shared === true);
  return others ? 'keep' : 'follow';
}

/** What an invite would change for a club this tablet already holds, before anything is stored or sent. */
export type HeldClubChange =
  | { readonly ask: false }
  | {
      readonly ask: true;
      /** The invite names another sync server than the one this tablet uses. */
      readonly relay?: { readonly from: string; readonly to: string };
      /** The invite's key would replace the one held here. */
      readonly key: boolean;
    };

/**
 * Whether joining through `invite` must be agreed to first. The club id is in every viewer link, so anyone
 * can forge an editor link for a club held here with a key and a server of their own: taking it silently
 * would offer every document of the club (health included) to that server. A club held here therefore
 * keeps its server and key unless the user agrees, after a warning that says what changes; nothing is
 * stored or sent before. A new club, or a link with the server and key held here, asks nothing.
 */
export function heldClubChange(invite: Invite): HeldClubChange {
  const known = findKnownClub(invite.clubId);
  if (known === undefined) return { ask: false };
  // Only a server the tablet would move to counts: one it keeps (`keep`, other clubs sync here) changes nothing.
  const relay =
    inviteRelayChange(invite) === 'follow' && invite.relay !== undefined
      ? { from: readRelayOrigin(), to: invite.relay }
      : null;
  const access = known.access;
  // An editor's tablet that opens a viewer link keeps its editor key (see acceptInvite): no key changes.
  const key =
    access === undefined ||
    (invite.role === 'viewer' && access.role === 'editor'
      ? false
      : access.key !== invite.key && access.pendingKeys?.key !== invite.key);
  if (relay === null && !key) return { ask: false };
  return { ask: true, key, ...(relay ? { relay } : {}) };
}

/**
 * Stores an invite's keys on this tablet; the club then loads from the relay. A link that names its sync
 * server sets the tablet to it when `inviteRelayChange` says so.
 *
 * An editor's tablet that opens a viewer link (its own QR code, to check it) stays an editor and takes the
 * viewer key only if it holds none: demoting it would throw away the only key here that can edit the club
 * or change its keys. A link with another key than the one held may be older than it: the held keys are
 * kept aside (`replacedKeys`) until the relay accepts or refuses the new one.
 */
export function acceptInvite(invite: Invite): void {
  if (inviteRelayChange(invite) === 'follow' && invite.relay !== undefined)
    saveRelayOrigin(invite.relay === location.origin ? '' : invite.relay);
  const known = findKnownClub(invite.clubId);
  const current = known?.access;
  if (invite.role === 'viewer' && current?.role === 'editor') {
    // A viewer link may be older than the viewer key held here: take it only when none is held.
    saveClubAccess(invite.clubId, { ...current, viewerKey: current.viewerKey ?? invite.key, shared: true });
    return;
  }
  // An editor link carries the current viewer key; an older one does not, so keep the one held here.
  const viewerKey = invite.role === 'viewer' ? invite.key : (invite.viewerKey ?? current?.viewerKey);
  const replaces =
    current !== undefined && current.key !== invite.key && current.pendingKeys?.key !== invite.key;
  const access: ClubAccess = {
    role: invite.role,
    key: invite.key,
    shared: true,
    ...(viewerKey ? { viewerKey } : {}),
    ...(replaces ? { replacedKeys: current.replacedKeys ?? heldKeys(current) } : {}),
  };
  rememberClub({
    id: invite.clubId,
    name: known?.name ?? invite.clubName,
    kind: known?.kind ?? 'other',
    memberCount: known?.memberCount ?? 0,
    access,
  });
}
