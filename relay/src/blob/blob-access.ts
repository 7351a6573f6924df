import { isWellFormedKey } from '@chungtay/protocol';
import { hashesEqual, hashKey } from '../access';
import type { ClubRegistry } from '../store/doc-store';
import type { BlobScope } from './blob-store';

export type BlobOperation = 'read' | 'write' | 'delete';

export type BlobAccess =
  | { readonly type: 'granted' }
  | { readonly type: 'refused'; readonly status: 401 | 403 | 404; readonly reason: BlobRefusal };

export type BlobRefusal = 'clubNotRegistered' | 'unauthorized' | 'keyRevoked' | 'privateDocument';

/**
 * The documents' rules, applied to blobs. The editor key is the committee's: it writes and reads every blob,
 * a health-scoped one too (the health document is the committee's). The viewer (supervisor) key opens only
 * the summary, which shows no photo, so it reads no blob, writes none and deletes none. `scope` is asked for even though
 * both scopes answer alike today, so that a narrower health rule changes this function only.
 */
export function decideBlobAccess(
  role: 'editor' | 'viewer',
  _operation: BlobOperation,
  _scope: BlobScope,
): BlobAccess {
  if (role === 'editor') return { type: 'granted' };
  return { type: 'refused', status: 403, reason: 'privateDocument' };
}

/** Which of the club's keys `key` is; the key is hashed at once and never kept or logged. */
export async function blobKeyRole(
  clubs: ClubRegistry,
  clubId: string,
  key: string | undefined,
): Promise<{ ok: true; role: 'editor' | 'viewer' } | { ok: false; access: BlobAccess }> {
  const record = await clubs.get(clubId);
  if (record === undefined)
    return { ok: false, access: { type: 'refused', status: 404, reason: 'clubNotRegistered' } };
  if (!isWellFormedKey(key))
    return { ok: false, access: { type: 'refused', status: 401, reason: 'unauthorized' } };
  const keyHash = hashKey(key);
  // Every hash compared (no early exit): timing says nothing about which one matched.
  const isEditor = hashesEqual(keyHash, record.editorKeyHash);
  const isViewer = hashesEqual(keyHash, record.viewerKeyHash);
  const isRetired = record.retiredKeyHashes.reduce((found, old) => hashesEqual(keyHash, old) || found, false);
  if (isEditor) return { ok: true, role: 'editor' };
  if (isViewer) return { ok: true, role: 'viewer' };
  if (isRetired) return { ok: false, access: { type: 'refused', status: 401, reason: 'keyRevoked' } };
  // A tablet's own key is an editor's, as for documents (access.ts): after a tablet is cut off the invite
  // keys change, and the other tablets go on sending and fetching photos with keys of their own.
  const tablet = await clubs.findTablet(clubId, keyHash);
  if (tablet === undefined)
    return { ok: false, access: { type: 'refused', status: 401, reason: 'unauthorized' } };
  if (tablet.revokedAt !== null)
    return { ok: false, access: { type: 'refused', status: 401, reason: 'keyRevoked' } };
  return { ok: true, role: 'editor' };
}
