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
import type { Metrics } from './metrics';
import type { SharedBudget } from './room/bus';
import type { ClubRegistry } from './store/doc-store';

export interface ApiResponse {
  readonly status: number;
  readonly body: ApiSuccess | ApiError;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ClubApiContext {
  readonly clubs: ClubRegistry;
  /** RELAY_REGISTRATION_CODE; undefined means anyone may register a club. */
  readonly registrationCode: string | undefined;
  /** Called after a rotation so open connections using the old keys are closed with 4410. */
  readonly onKeysRotated: (clubId: string) => void;
  /** Called once a club's record is deleted: closes its connections and rooms, then deletes its documents. */
  readonly onClubDeleted: (clubId: string) => Promise<void>;
  /**
   * Budget of failed registration codes (see REGISTRATION_CODE_BURST): a TokenBucket in one process, in
   * Redis when several processes share it (RoomBus.budget).
   */
  readonly failedCodes: SharedBudget;
  readonly metrics: Metrics;
  readonly now: () => number;
}

const error = (status: number, type: ApiError['error']): ApiResponse => ({ status, body: { error: type } });

function codeMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * While the budget of failed codes is spent, every attempt carrying a code is refused, the right one too:
 * answering it would tell a guesser which guess was right. A request without a code guesses nothing.
 */
async function checkCode(
  context: ClubApiContext,
  expected: string,
  given: string | undefined,
): Promise<ApiResponse | undefined> {
  const { failedCodes, metrics } = context;
  if (given === undefined) {
    metrics.countRegistrationRefused('missingCode');
    return error(403, 'registrationCodeRequired');
  }
  const now = context.now();
  const waitMs = await failedCodes.msUntilToken(now);
  if (waitMs > 0) {
    metrics.countRegistrationRefused('tooManyAttempts');
    const retryAfter = Math.ceil(waitMs / 1000);
    return {
      status: 429,
      body: { error: 'tooManyAttempts' },
      headers: { 'retry-after': String(retryAfter) },
    };
  }
  if (codeMatches(expected, given)) return undefined;
  await failedCodes.take(now);
  metrics.countRegistrationRefused('wrongCode');
  return error(403, 'registrationCodeRequired');
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
  if (context.registrationCode !== undefined) {
    const refused = await checkCode(context, context.registrationCode, request.value.registrationCode);
    if (refused !== undefined) return refused;
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

/**
 * DELETE /api/clubs/:clubId with `Authorization: Bearer <editor key>`: the club leaves the relay (Law
 * 91/2025/QH15, issue 12 §2). The record goes first, so no new connection is admitted while the documents
 * are deleted; only the current editor key may do it, as for a rotation.
 */
export async function deleteClub(
  context: ClubApiContext,
  clubId: string,
  authorization: string | undefined,
): Promise<ApiResponse> {
  if (!isClubId(clubId)) return error(400, 'invalidClubId');
  const record = await context.clubs.get(clubId);
  if (record === undefined) return error(404, 'clubNotRegistered');
  const bearer = parseBearerKey(authorization);
  if (bearer === undefined) return error(401, 'unauthorized');
  const bearerHash = hashKey(bearer);
  if (!hashesEqual(bearerHash, record.editorKeyHash)) {
    const revoked = record.retiredKeyHashes.some((retired) => hashesEqual(bearerHash, retired));
    return revoked ? error(410, 'keyRevoked') : error(401, 'unauthorized');
  }
  // Another request deleted it meanwhile: nothing left to do here.
  if (!(await context.clubs.delete(clubId))) return error(404, 'clubNotRegistered');
  await context.onClubDeleted(clubId);
  return { status: 200, body: { result: 'deleted' } };
}
