import {
  type ApiError,
  type ApiSuccess,
  isClubId,
  isTabletId,
  parseBearerKey,
  parseDocumentName,
  parseRegisterTabletRequest,
  type TabletList,
} from '@chungtay/protocol';
import { authorizeHash, hashKey } from './access';
import type { ClubRegistry } from './store/doc-store';

/**
 * Each tablet's own key (issue 12 §6; the paths and bodies are in packages/protocol/src/tablet-api.ts).
 * Only editors reach these routes: the invite's editor key, or a tablet's own key that is not cut off.
 */
export interface TabletApiContext {
  readonly clubs: ClubRegistry;
  /** Called once a tablet is revoked: closes the connections using its key, here and on every process. */
  readonly onTabletRevoked: (clubId: string, keyHash: string) => void;
  /** Milliseconds since the epoch: the share screen shows these times to people. */
  readonly now: () => number;
}

export interface TabletApiResponse {
  readonly status: number;
  readonly body: ApiSuccess | ApiError | TabletList;
}

const error = (status: number, type: ApiError['error']): TabletApiResponse => ({
  status,
  body: { error: type },
});

type Editor =
  | { readonly ok: true; readonly tabletId: string | undefined }
  | { readonly ok: false; readonly response: TabletApiResponse };

/** Who is asking, from `Authorization: Bearer`: an editor (maybe a tablet), or the answer that refuses. */
async function editor(
  context: TabletApiContext,
  clubId: string,
  authorization: string | undefined,
): Promise<Editor> {
  const club = parseDocumentName(clubId);
  if (!isClubId(clubId) || !club.ok) return { ok: false, response: error(400, 'invalidClubId') };
  const bearer = parseBearerKey(authorization);
  if (bearer === undefined) return { ok: false, response: error(401, 'unauthorized') };
  // The club doc itself: a viewer key is refused for it, so only editors pass.
  const decision = await authorizeHash(context.clubs, club.value, hashKey(bearer));
  if (decision.type === 'granted') return { ok: true, tabletId: decision.tabletId };
  switch (decision.reason) {
    case 'clubNotRegistered':
      return { ok: false, response: error(404, 'clubNotRegistered') };
    case 'keyRevoked':
      return { ok: false, response: error(410, 'keyRevoked') };
    case 'tabletRevoked':
      return { ok: false, response: error(410, 'tabletRevoked') };
    default:
      return { ok: false, response: error(401, 'unauthorized') };
  }
}

/**
 * POST: a tablet exchanges the invite key for its own (or, with its own key, records who now uses it).
 * The invite key stays valid: other tablets join with it until the committee rotates it.
 */
export async function registerTablet(
  context: TabletApiContext,
  clubId: string,
  authorization: string | undefined,
  body: unknown,
): Promise<TabletApiResponse> {
  const asker = await editor(context, clubId, authorization);
  if (!asker.ok) return asker.response;
  const request = parseRegisterTabletRequest(body);
  if (!request.ok) return error(400, 'invalidBody');
  // A tablet's own key speaks for that tablet alone; only the invite key brings a new tablet in.
  if (asker.tabletId !== undefined && asker.tabletId !== request.value.tabletId)
    return error(401, 'unauthorized');
  const result = await context.clubs.registerTablet(
    clubId,
    {
      tabletId: request.value.tabletId,
      keyHash: hashKey(request.value.tabletKey),
      person: request.value.person,
    },
    context.now(),
  );
  if (result === 'taken') return error(409, 'tabletTaken');
  return { status: result === 'registered' ? 201 : 200, body: { result } };
}

/** GET: the club's tablets (who, registered, last seen, cut off), for the share screen. */
export async function listTablets(
  context: TabletApiContext,
  clubId: string,
  authorization: string | undefined,
): Promise<TabletApiResponse> {
  const asker = await editor(context, clubId, authorization);
  if (!asker.ok) return asker.response;
  const tablets = await context.clubs.listTablets(clubId);
  return {
    status: 200,
    body: {
      tablets: tablets.map(({ tabletId, person, registeredAt, lastSeenAt, revokedAt }) => ({
        tabletId,
        person,
        registeredAt,
        lastSeenAt,
        revokedAt,
      })),
    },
  };
}

/** POST …/tablets/:tabletId/revoke: cuts one tablet off; every other key keeps working. */
export async function revokeTablet(
  context: TabletApiContext,
  clubId: string,
  tabletId: string,
  authorization: string | undefined,
): Promise<TabletApiResponse> {
  const asker = await editor(context, clubId, authorization);
  if (!asker.ok) return asker.response;
  if (!isTabletId(tabletId)) return error(404, 'notFound');
  const revoked = await context.clubs.revokeTablet(clubId, tabletId, context.now());
  if (revoked === undefined) return error(404, 'notFound');
  context.onTabletRevoked(clubId, revoked.keyHash);
  return { status: 200, body: { result: 'revoked' } };
}
