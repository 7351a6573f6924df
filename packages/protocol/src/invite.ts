import { type ClubId, isClubId } from './document-name';
import { type ClubKey, isWellFormedKey } from './key';
import { platform } from './platform';
import { err, ok, type Result } from './result';

export type Role = 'editor' | 'viewer';

export interface InviteInput {
  /** Where the app is served, e.g. `https://chungtay.example`; no trailing slash needed. */
  readonly origin: string;
  readonly clubId: string;
  readonly clubName: string;
  readonly role: Role;
  readonly key: string;
  /** Editor invites also carry the viewer key, so that every editor can invite viewers. */
  readonly viewerKey?: string;
  /**
   * The sync server's origin, when it is not `origin` (the inviting tablet was set to another server): a
   * tablet joining through the link then syncs where the club is, with nothing to set by hand.
   */
  readonly relay?: string;
}

export interface Invite {
  readonly clubId: ClubId;
  readonly clubName: string;
  readonly role: Role;
  readonly key: ClubKey;
  /** The club's viewer key, carried by editor invites (absent from older links and from viewer invites). */
  readonly viewerKey?: ClubKey;
  /** The origin before `/join`, when a full link was parsed; undefined for a bare fragment. */
  readonly origin: string | undefined;
  /** The club's sync server, when the link names one (see InviteInput.relay): an http(s) origin. */
  readonly relay?: string;
}

export type InviteError = {
  readonly type: 'invalidInvite';
  readonly reason:
    | 'missingField'
    | 'invalidClubId'
    | 'invalidKey'
    | 'invalidRole'
    | 'invalidEncoding'
    | 'invalidRelay';
};

const INVITE_PATH = '/join';

/**
 * The secrets travel in the fragment (`#...`), which browsers never send to a server, so the key
 * cannot end up in the relay's or a proxy's access logs.
 */
export function formatInvite(input: InviteInput): string {
  const origin = input.origin.replace(/\/+$/, '');
  const role = input.role === 'editor' ? 'e' : 'v';
  const fields = [
    `c=${input.clubId}`,
    `k=${input.key}`,
    `r=${role}`,
    `n=${encodeURIComponent(input.clubName)}`,
  ];
  if (input.role === 'editor' && input.viewerKey !== undefined) fields.splice(2, 0, `w=${input.viewerKey}`);
  if (input.relay !== undefined) fields.push(`s=${encodeURIComponent(input.relay)}`);
  return `${origin}${INVITE_PATH}#${fields.join('&')}`;
}

/** Accepts a whole link (typed, pasted or scanned from a QR code) or just its fragment. */
export function parseInvite(text: string): Result<Invite, InviteError> {
  const trimmed = text.trim();
  const hashAt = trimmed.indexOf('#');
  const fragment = hashAt === -1 ? trimmed : trimmed.slice(hashAt + 1);
  const before = hashAt === -1 ? '' : trimmed.slice(0, hashAt);
  const origin = before.endsWith(INVITE_PATH) ? before.slice(0, -INVITE_PATH.length) : undefined;

  const fields = new Map<string, string>();
  for (const pair of fragment.split('&')) {
    const eq = pair.indexOf('=');
    if (eq === -1) continue;
    try {
      fields.set(pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1)));
    } catch {
      return err({ type: 'invalidInvite', reason: 'invalidEncoding' });
    }
  }
  const clubId = fields.get('c');
  const key = fields.get('k');
  const roleCode = fields.get('r');
  const clubName = fields.get('n');
  if (clubId === undefined || key === undefined || roleCode === undefined || clubName === undefined) {
    return err({ type: 'invalidInvite', reason: 'missingField' });
  }
  if (!isClubId(clubId)) return err({ type: 'invalidInvite', reason: 'invalidClubId' });
  if (!isWellFormedKey(key)) return err({ type: 'invalidInvite', reason: 'invalidKey' });
  if (roleCode !== 'e' && roleCode !== 'v') return err({ type: 'invalidInvite', reason: 'invalidRole' });
  const viewerKey = roleCode === 'e' ? fields.get('w') : undefined;
  if (viewerKey !== undefined && !isWellFormedKey(viewerKey))
    return err({ type: 'invalidInvite', reason: 'invalidKey' });
  const relayText = fields.get('s');
  const relay = relayText === undefined ? undefined : relayOrigin(relayText);
  if (relay === null) return err({ type: 'invalidInvite', reason: 'invalidRelay' });
  return ok({
    clubId,
    clubName,
    role: roleCode === 'e' ? 'editor' : 'viewer',
    key,
    ...(viewerKey !== undefined ? { viewerKey } : {}),
    origin: origin || undefined,
    ...(relay !== undefined ? { relay } : {}),
  });
}

/** A link's sync server: an http(s) URL naming only a server, as its origin; null for anything else. */
function relayOrigin(text: string): string | null {
  let url: InstanceType<typeof platform.URL>;
  try {
    url = new platform.URL(text);
  } catch {
    return null;
  }
  const bare = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '';
  return (url.protocol === 'https:' || url.protocol === 'http:') && bare && url.password === ''
    ? url.origin
    : null;
}
