import { createHash, timingSafeEqual } from 'node:crypto';
import { isViewerDocument, isWellFormedKey, type ParsedDocumentName } from '@chungtay/protocol';
import type { ClubRegistry } from './store/doc-store';

export type AccessRole = 'editor' | 'viewer';

export type AccessDecision =
  | { readonly type: 'granted'; readonly role: AccessRole; readonly keyHash: string }
  | {
      readonly type: 'refused';
      readonly reason: 'clubNotRegistered' | 'unauthorized' | 'keyRevoked' | 'privateDocument';
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
  const keyHash = hashKey(key);
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
  return { type: 'refused', reason: isRetired ? 'keyRevoked' : 'unauthorized' };
}
