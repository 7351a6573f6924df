import { type ClubKey, isWellFormedKey } from './key';
import { err, ok, type Result } from './result';

/** POST: first share of a club. 201 created, 200 same editor key again, 409 other keys, 403 code, 400 body. */
export function registerClubPath(clubId: string): string {
  return `/api/clubs/${clubId}/register`;
}

/** POST with `Authorization: Bearer <current editor key>`: replace both keys; the old ones are then revoked. */
export function rotateKeysPath(clubId: string): string {
  return `/api/clubs/${clubId}/rotate`;
}

export const HEALTH_PATH = '/healthz';
export const METRICS_PATH = '/metrics';

export interface RegisterClubRequest {
  readonly editorKey: ClubKey;
  readonly viewerKey: ClubKey;
  /** Required only when the relay operator set RELAY_REGISTRATION_CODE. */
  readonly registrationCode?: string;
}

export interface RotateKeysRequest {
  readonly editorKey: ClubKey;
  readonly viewerKey: ClubKey;
}

export type ApiSuccess = {
  readonly result: 'registered' | 'alreadyRegistered' | 'rotated' | 'deleted' | 'revoked' | 'updated';
};

export type ApiErrorType =
  | 'invalidClubId'
  | 'invalidBody'
  | 'registrationCodeRequired'
  | 'alreadyRegisteredWithOtherKeys'
  | 'unauthorized'
  | 'keyRevoked'
  | 'clubNotRegistered'
  | 'notFound'
  | 'bodyTooLarge'
  /** A tablet id held with another key, or cut off (tablet-api.ts). */
  | 'tabletTaken'
  /** This tablet's own key was cut off. */
  | 'tabletRevoked'
  /** Too many wrong registration codes lately, relay-wide: wait and try again. */
  | 'tooManyAttempts';

export type ApiError = { readonly error: ApiErrorType };

export type HealthResponse = { readonly status: 'ok'; readonly protocolVersion: number };

export type BodyError = { readonly type: 'invalidBody'; readonly reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseKeyPair(body: unknown): Result<RotateKeysRequest, BodyError> {
  if (!isRecord(body)) return err({ type: 'invalidBody', reason: 'body must be a JSON object' });
  const { editorKey, viewerKey } = body;
  if (!isWellFormedKey(editorKey))
    return err({ type: 'invalidBody', reason: 'editorKey is not a well-formed key' });
  if (!isWellFormedKey(viewerKey))
    return err({ type: 'invalidBody', reason: 'viewerKey is not a well-formed key' });
  // Equal keys would make every viewer an editor.
  if (editorKey === viewerKey)
    return err({ type: 'invalidBody', reason: 'editorKey and viewerKey must differ' });
  return ok({ editorKey, viewerKey });
}

export function parseRegisterClubRequest(body: unknown): Result<RegisterClubRequest, BodyError> {
  const keys = parseKeyPair(body);
  if (!keys.ok) return keys;
  const code = (body as Record<string, unknown>).registrationCode;
  if (code === undefined) return keys;
  if (typeof code !== 'string')
    return err({ type: 'invalidBody', reason: 'registrationCode must be a string' });
  return ok({ ...keys.value, registrationCode: code });
}

export function parseRotateKeysRequest(body: unknown): Result<RotateKeysRequest, BodyError> {
  return parseKeyPair(body);
}

/** Reads the key from `Authorization: Bearer <key>`; undefined when absent or not a well-formed key. */
export function parseBearerKey(header: string | undefined): ClubKey | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '');
  const key = match?.[1];
  return isWellFormedKey(key) ? key : undefined;
}
