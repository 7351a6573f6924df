import { type ClubKey, isWellFormedKey } from './key';
import { err, ok, type Result } from './result';

/**
 * Each tablet's own key (issue 12 §6). A tablet that joins with the club's invite key exchanges it at once
 * for a key it made itself, and connects with that key from then on; the invite key stays valid for other
 * joiners until it is rotated.
 *
 * POST `tabletsPath` with `Authorization: Bearer <invite editor key, or this tablet's own key>` and a
 * RegisterTabletRequest: 201 registered, 200 the same tablet and key again (its person updated), 409
 * `tabletTaken` (the id has another key, or was cut off). GET `tabletsPath` with an editor's key (the
 * invite's or a tablet's own): a TabletList. POST `revokeTabletPath` with an editor's key: 200 `revoked`,
 * 404 `notFound`; the tablet's connections close with CloseCode.tabletRevoked on every relay process.
 */
export function tabletsPath(clubId: string): string {
  return `/api/clubs/${clubId}/tablets`;
}

export function revokeTabletPath(clubId: string, tabletId: string): string {
  return `/api/clubs/${clubId}/tablets/${tabletId}/revoke`;
}

/** A tablet id as signing keys name tablets: letters, digits, '-' and '_', 8–64 long. */
export function isTabletId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(value);
}

export interface RegisterTabletRequest {
  readonly tabletId: string;
  readonly tabletKey: ClubKey;
  /** The member id of the person using the tablet, '' when none is chosen yet. */
  readonly person: string;
}

export interface TabletInfo {
  readonly tabletId: string;
  readonly person: string;
  /** Milliseconds since the epoch. */
  readonly registeredAt: number;
  readonly lastSeenAt: number | null;
  readonly revokedAt: number | null;
}

export interface TabletList {
  readonly tablets: readonly TabletInfo[];
}

export type TabletBodyError = { readonly type: 'invalidBody'; readonly reason: string };

export function parseRegisterTabletRequest(body: unknown): Result<RegisterTabletRequest, TabletBodyError> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return err({ type: 'invalidBody', reason: 'body must be a JSON object' });
  const { tabletId, tabletKey, person } = body as Record<string, unknown>;
  if (!isTabletId(tabletId)) return err({ type: 'invalidBody', reason: 'tabletId is not a tablet id' });
  if (!isWellFormedKey(tabletKey))
    return err({ type: 'invalidBody', reason: 'tabletKey is not a well-formed key' });
  const who = person ?? '';
  if (typeof who !== 'string' || (who !== '' && !isTabletId(who)))
    return err({ type: 'invalidBody', reason: 'person must be a member id or empty' });
  return ok({ tabletId, tabletKey, person: who });
}

/** Validates a relay's answer to GET tabletsPath (outside input for the client). */
export function parseTabletList(body: unknown): TabletList | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const tablets = (body as { tablets?: unknown }).tablets;
  if (!Array.isArray(tablets)) return undefined;
  const out: TabletInfo[] = [];
  const time = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
  for (const raw of tablets) {
    if (typeof raw !== 'object' || raw === null) return undefined;
    const { tabletId, person, registeredAt, lastSeenAt, revokedAt } = raw as Record<string, unknown>;
    if (!isTabletId(tabletId) || typeof person !== 'string' || time(registeredAt) === null) return undefined;
    out.push({
      tabletId,
      person,
      registeredAt: registeredAt as number,
      lastSeenAt: time(lastSeenAt),
      revokedAt: time(revokedAt),
    });
  }
  return { tablets: out };
}
