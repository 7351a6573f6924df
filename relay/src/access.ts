import { createHash, timingSafeEqual } from 'node:crypto';
import { isViewerDocument, isWellFormedKey, type ParsedDocumentName } from '@chungtay/protocol';
import type { ClubAccessRecord, ClubRegistry } from './store/doc-store';

export type AccessRole = 'editor' | 'viewer';

export type AccessDecision =
  | {
      readonly type: 'granted';
      readonly role: AccessRole;
      readonly keyHash: string;
      /** Set when the key is a tablet's own (issue 12 §6), so its connections record when it was last seen. */
      readonly tabletId?: string;
    }
  | {
      readonly type: 'refused';
      readonly reason:
        | 'clubNotRegistered'
        | 'unauthorized'
        | 'keyRevoked'
        | 'privateDocument'
        | 'tabletRevoked';
    };

/** Hex SHA-256 of a key: what the registry stores. A 256-bit random key needs no salt or slow hash. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex hashes, so response timing says nothing about how close a guess was. */
export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** Decides who may open a document. The key is hashed at once and never kept or logged. */
export async function authorize(
  clubs: ClubRegistry,
  document: ParsedDocumentName,
  key: string | undefined,
): Promise<AccessDecision> {
  const record = await clubs.get(document.clubId);
  if (record === undefined) return { type: 'refused', reason: 'clubNotRegistered' };
  if (!isWellFormedKey(key)) return { type: 'refused', reason: 'unauthorized' };
  return decide(clubs, record, document, hashKey(key));
}

/**
 * The same decision from a key's hash, for connections already admitted (they keep only the hash): after a
 * rotation, or once the room bus is back, each is checked again.
 */
export async function authorizeHash(
  clubs: ClubRegistry,
  document: ParsedDocumentName,
  keyHash: string,
): Promise<AccessDecision> {
  const record = await clubs.get(document.clubId);
  if (record === undefined) return { type: 'refused', reason: 'clubNotRegistered' };
  return decide(clubs, record, document, keyHash);
}

async function decide(
  clubs: ClubRegistry,
  record: ClubAccessRecord,
  document: ParsedDocumentName,
  keyHash: string,
): Promise<AccessDecision> {
  // Compare against every hash (no early exit) so timing does not reveal which one matched.
  const isEditor = hashesEqual(keyHash, record.editorKeyHash);
  const isViewer = hashesEqual(keyHash, record.viewerKeyHash);
  const isRetired = record.retiredKeyHashes.reduce(
    (found, retired) => hashesEqual(keyHash, retired) || found,
    false,
  );
  if (isEditor) return { type: 'granted', role: 'editor', keyHash };
  if (isViewer) {
    // A viewer (supervisor) opens the summary alone: the club doc holds the roster, and the health,
    // money, care and minutes documents are the committee's too (issue 15: totals, never people).
    if (!isViewerDocument(document.name)) return { type: 'refused', reason: 'privateDocument' };
    return { type: 'granted', role: 'viewer', keyHash };
  }
  if (isRetired) return { type: 'refused', reason: 'keyRevoked' };
  // A tablet's own key is an editor's (only editor invites are exchanged for one). Looked up by its hash:
  // the hash of a 256-bit random key tells a guesser nothing, so an indexed lookup leaks nothing either.
  const tablet = await clubs.findTablet(document.clubId, keyHash);
  if (tablet === undefined) return { type: 'refused', reason: 'unauthorized' };
  if (tablet.revokedAt !== null) return { type: 'refused', reason: 'tabletRevoked' };
  return { type: 'granted', role: 'editor', keyHash, tabletId: tablet.tabletId };
}
