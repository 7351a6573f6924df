import { decodeBase64url, encodeBase64url } from './base64url';
import { platform } from './platform';

/** 256 random bits: well above the 128 the requirement asks for, and cheap to carry in a link or QR code. */
export const KEY_BYTES = 32;
/** Unpadded base64url length of KEY_BYTES. */
export const KEY_LENGTH = 43;

export type ClubKey = string & { readonly __brand: 'ClubKey' };

export function generateKey(): ClubKey {
  const bytes = platform.crypto.getRandomValues(new Uint8Array(KEY_BYTES));
  return encodeBase64url(bytes) as ClubKey;
}

export function isWellFormedKey(value: unknown): value is ClubKey {
  if (typeof value !== 'string' || value.length !== KEY_LENGTH) return false;
  const bytes = decodeBase64url(value);
  return bytes !== undefined && bytes.length === KEY_BYTES;
}
