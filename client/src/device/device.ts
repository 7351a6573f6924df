import type { Author, ClubKind } from '@chungtay/model';
import { resendHeldDocs } from './unsent-docs';

// Device preferences (session scope): kept in localStorage, never synced.
const USER_KEY = 'chungtay.user';
const CLUBS_KEY = 'chungtay.clubs';
const RELAY_KEY = 'chungtay.relay';

/**
 * This tablet's credentials for a club's documents on the relay. They are
 * device data, never written into the club's doc, which viewers can read.
 */
export interface ClubAccess {
  readonly role: 'editor' | 'viewer';
  readonly key: string;
  /** Kept by the tablet that created the club (or last rotated the keys), to invite viewers. */
  readonly viewerKey?: string;
  /** Whether the keys are registered with the relay, so the club syncs. */
  readonly shared: boolean;
  /**
   * Keys of a rotation this tablet asked for and has not seen confirmed. Kept before the request goes, so
   * that a lost answer cannot leave the club with keys nobody holds: the rotation is retried with them.
   */
  readonly pendingKeys?: { readonly key: string; readonly viewerKey: string };
  /**
   * The keys this tablet held before an invite gave it a different key. A link can be older than the
   * keys held here (tapped in a chat after a rotation); taking it blindly would leave the tablet with a
   * retired key and nothing to rotate with. Restored when the relay calls the new key revoked, forgotten
   * once the new key syncs (see `settleReplacedKeys`).
   */
  readonly replacedKeys?: Pick<ClubAccess, 'role' | 'key' | 'viewerKey' | 'pendingKeys'>;
  /**
   * This tablet's own key at the relay (issue 12 §6, tablet-key.ts), used for syncing instead of `key` once
   * the relay took it, so the committee can cut this tablet off alone. `key` stays for inviting others.
   */
  readonly tabletKey?: string;
  /** A tablet key sent to the relay whose answer has not come: the retry sends the same one. */
  readonly pendingTabletKey?: string;
}

export interface KnownClub {
  readonly id: string;
  readonly name: string;
  readonly kind: ClubKind;
  readonly memberCount: number;
  readonly openedAt: number;
  readonly access?: ClubAccess;
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function readJson(storage: Storage, key: string): unknown {
  try {
    return JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

export function readDeviceUser(storage: Storage = localStorage): Author | null {
  const value = readJson(storage, USER_KEY);
  if (value && typeof value === 'object' && 'id' in value && 'name' in value) {
    const { id, name } = value as { id: unknown; name: unknown };
    if (typeof id === 'string' && typeof name === 'string' && name.trim()) return { id, name };
  }
  return null;
}

export function saveDeviceUser(name: string, storage: Storage = localStorage): Author {
  const existing = readDeviceUser(storage);
  const user = { id: existing?.id ?? randomId(), name: name.trim() };
  storage.setItem(USER_KEY, JSON.stringify(user));
  return user;
}

export function listKnownClubs(storage: Storage = localStorage): readonly KnownClub[] {
  const value = readJson(storage, CLUBS_KEY);
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (c): c is KnownClub =>
        c && typeof c.id === 'string' && typeof c.name === 'string' && typeof c.kind === 'string',
    )
    .map((c) => ({ ...c, memberCount: Number(c.memberCount) || 0, openedAt: Number(c.openedAt) || 0 }))
    .sort((a, b) => b.openedAt - a.openedAt);
}

/** Adds or refreshes a club in this tablet's list; fields not given keep their stored values. */
export function rememberClub(club: Omit<KnownClub, 'openedAt'>, storage: Storage = localStorage): void {
  const known = listKnownClubs(storage);
  const previous = known.find((c) => c.id === club.id);
  const others = known.filter((c) => c.id !== club.id);
  storage.setItem(CLUBS_KEY, JSON.stringify([{ ...previous, ...club, openedAt: Date.now() }, ...others]));
}

export function findKnownClub(id: string, storage: Storage = localStorage): KnownClub | undefined {
  return listKnownClubs(storage).find((c) => c.id === id);
}

/** Drops a club and its keys from this tablet's list (removing the club from the tablet: remove-club.ts). */
export function forgetClub(id: string, storage: Storage = localStorage): void {
  storage.setItem(CLUBS_KEY, JSON.stringify(listKnownClubs(storage).filter((c) => c.id !== id)));
}

export function saveClubAccess(id: string, access: ClubAccess, storage: Storage = localStorage): void {
  const known = listKnownClubs(storage);
  storage.setItem(CLUBS_KEY, JSON.stringify(known.map((c) => (c.id === id ? { ...c, access } : c))));
}

/**
 * The relay answered the key taken from an invite: `revoked` puts back the keys held before it (true when
 * it did, so the caller reconnects with them); `accepted` forgets them.
 */
export function settleReplacedKeys(
  id: string,
  answer: 'revoked' | 'accepted',
  storage: Storage = localStorage,
): boolean {
  const access = findKnownClub(id, storage)?.access;
  if (access?.replacedKeys === undefined) return false;
  const { replacedKeys, ...rest } = access;
  if (answer === 'accepted') {
    saveClubAccess(id, rest, storage);
    return false;
  }
  const { viewerKey = rest.viewerKey, ...held } = replacedKeys;
  saveClubAccess(id, { ...rest, ...held, ...(viewerKey ? { viewerKey } : {}) }, storage);
  return true;
}

/**
 * What decides a club's relay connection (its key, and the relay address, a setting of this tablet); a
 * change of anything else (name, member count) is not news.
 */
export function clubAccessSignature(id: string, storage: Storage = localStorage): string {
  const access = findKnownClub(id, storage)?.access;
  return access
    ? JSON.stringify([access.role, syncKey(access), access.shared, readRelayOrigin(storage)])
    : '';
}

/** The key this tablet syncs with: its own once the relay took it, else the invite's. */
export function syncKey(access: ClubAccess): string {
  return access.tabletKey ?? access.key;
}

/**
 * Calls `listener` when another tab on this tablet changes the list of clubs (shares one, rotates its
 * keys, accepts an invite) or the relay address. The `storage` event fires only in the other tabs: the
 * tab that made the change reconnects by itself.
 */
export function onClubsChangedElsewhere(
  listener: () => void,
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
): () => void {
  const onStorage = (event: StorageEvent) => {
    // key null: the other tab cleared the storage.
    if (event.key === null || event.key === CLUBS_KEY || event.key === RELAY_KEY) listener();
  };
  target.addEventListener('storage', onStorage);
  return () => target.removeEventListener('storage', onStorage);
}

/** The relay this tablet syncs with: by default the origin the app was served from. */
export function readRelayOrigin(storage: Storage = localStorage): string {
  return storage.getItem(RELAY_KEY) || location.origin;
}

export function saveRelayOrigin(origin: string, storage: Storage = localStorage): void {
  const before = readRelayOrigin(storage);
  if (origin.trim()) storage.setItem(RELAY_KEY, origin.trim().replace(/\/+$/, ''));
  else storage.removeItem(RELAY_KEY);
  // What the old server confirmed, the new one may not hold: every club's docs are offered to it again.
  // A tablet's own key belongs to the server that took it: the new one gets the invite key, then its own.
  if (readRelayOrigin(storage) !== before)
    for (const club of listKnownClubs(storage)) {
      resendHeldDocs(club.id, storage);
      forgetTabletKey(club.id, storage);
    }
}

/**
 * Drops this tablet's own key for a club, so it connects with the invite key and exchanges it anew: on
 * another server, or when the server no longer knows the key (4401, its data restored from before). Never
 * for a key that was cut off (4411): the committee meant it.
 */
export function forgetTabletKey(id: string, storage: Storage = localStorage): boolean {
  const access = findKnownClub(id, storage)?.access;
  if (access?.tabletKey === undefined && access?.pendingTabletKey === undefined) return false;
  const { tabletKey: _own, pendingTabletKey: _pending, ...rest } = access;
  saveClubAccess(id, rest, storage);
  return true;
}
