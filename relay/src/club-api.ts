import { timingSafeEqual } from 'node:crypto';
import {
  type ApiError,
  type ApiSuccess,
  isClubId,
  parseBearerKey,
  parseRegisterClubRequest,
  parseRotateKeysRequest,
} from '@chungtay/protocol';
import { hashesEqual, hashKey } from './access';
import type { ClubRegistry } from './store/doc-store';

export interface ApiResponse {
  readonly status: number;
  readonly body: ApiSuccess | ApiError;
}

export interface ClubApiContext {
  readonly clubs: ClubRegistry;
  /** RELAY_REGISTRATION_CODE; undefined means anyone may register a club. */
  readonly registrationCode: string | undefined;
  /** Called after a rotation so open connections using the old keys are closed with 4410. */
  readonly onKeysRotated: (clubId: string) => void;
}

const error = (status: number, type: ApiError['error']): ApiResponse => ({ status, body: { error: type } });

function codeMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** POST /api/clubs/:clubId/register */
export async function registerClub(
  context: ClubApiContext,
  clubId: string,
  body: unknown,
): Promise<ApiResponse> {
  if (!isClubId(clubId)) return error(400, 'invalidClubId');
  const request = parseRegisterClubRequest(body);
  if (!request.ok) return error(400, 'invalidBody');
  if (
    context.registrationCode !== undefined &&
    !codeMatches(context.registrationCode, request.value.registrationCode)
  ) {
    return error(403, 'registrationCodeRequired');
  }
  const hashes = {
    editorKeyHash: hashKey(request.value.editorKey),
    viewerKeyHash: hashKey(request.value.viewerKey),
  };
  if (await context.clubs.create(clubId, hashes)) return { status: 201, body: { result: 'registered' } };
  // A device retrying its first share (it never saw the 201) must not be told the club is taken.
  const existing = await context.clubs.get(clubId);
  if (existing !== undefined && hashesEqual(existing.editorKeyHash, hashes.editorKeyHash)) {
    return { status: 200, body: { result: 'alreadyRegistered' } };
  }
  return error(409, 'alreadyRegisteredWithOtherKeys');
}

/** POST /api/clubs/:clubId/rotate with `Authorization: Bearer <current editor key>` */
export async function rotateKeys(
  context: ClubApiContext,
  clubId: string,
  authorization: string | undefined,
  body: unknown,
): Promise<ApiResponse> {
  if (!isClubId(clubId)) return error(400, 'invalidClubId');
  const record = await context.clubs.get(clubId);
  if (record === undefined) return error(404, 'clubNotRegistered');
  const bearer = parseBearerKey(authorization);
  if (bearer === undefined) return error(401, 'unauthorized');
  const bearerHash = hashKey(bearer);
  const request = parseRotateKeysRequest(body);
  const next = request.ok
    ? { editorKeyHash: hashKey(request.value.editorKey), viewerKeyHash: hashKey(request.value.viewerKey) }
    : undefined;
  // A retry of the rotation that already happened (its answer was lost on the way back): the tablet still
  // holds the old key, which is now retired, and the new keys it asked for, which are now current. Saying
  // "revoked" would leave nobody with the club's keys; knowing the current editor key is authority enough.
  if (
    next !== undefined &&
    hashesEqual(next.editorKeyHash, record.editorKeyHash) &&
    hashesEqual(next.viewerKeyHash, record.viewerKeyHash)
  )
    return { status: 200, body: { result: 'rotated' } };
  if (!hashesEqual(bearerHash, record.editorKeyHash)) {
    const revoked = record.retiredKeyHashes.some((retired) => hashesEqual(bearerHash, retired));
    return revoked ? error(410, 'keyRevoked') : error(401, 'unauthorized');
  }
  if (next === undefined) return error(400, 'invalidBody');
  // Compare-and-set: if another device rotated in between, this bearer is no longer current.
  if (!(await context.clubs.rotate(clubId, bearerHash, next))) return error(401, 'unauthorized');
  context.onKeysRotated(clubId);
  return { status: 200, body: { result: 'rotated' } };
}
