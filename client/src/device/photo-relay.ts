import { findKnownClub, readRelayOrigin, syncKey } from './device';

/** What an upload came to: sent (or already there), refused for good, or to be tried again later. */
export type UploadOutcome = 'sent' | 'refused' | 'retry';

export interface PhotoRelay {
  upload(
    clubId: string,
    hash: string,
    bytes: Blob,
    contentType: string,
    scope: 'club' | 'health',
  ): Promise<UploadOutcome>;
  /** The photo's bytes; undefined when the relay cannot give them now (offline, not there, not allowed). */
  download(clubId: string, hash: string): Promise<Blob | undefined>;
  /** Deletes the relay's copy (erasure); 'sent' also when it was not there. */
  remove(clubId: string, hash: string): Promise<UploadOutcome>;
}

function blobUrl(clubId: string, hash: string): string {
  return `${readRelayOrigin()}/api/clubs/${encodeURIComponent(clubId)}/blobs/${hash}`;
}

/**
 * The key this tablet syncs with (its own once the relay took it, else the invite's): a cut-off elsewhere
 * changes the invite keys, and photos must go on as the documents do. Undefined for a club not shared.
 */
function bearer(clubId: string): string | undefined {
  const access = findKnownClub(clubId)?.access;
  return access?.shared ? `Bearer ${syncKey(access)}` : undefined;
}

/** PUT/GET/DELETE /api/clubs/:clubId/blobs/:hash on the relay the tablet syncs with (relay/README.md). */
export const httpPhotoRelay: PhotoRelay = {
  async upload(clubId, hash, bytes, contentType, scope) {
    const authorization = bearer(clubId);
    if (authorization === undefined) return 'retry';
    try {
      const response = await fetch(blobUrl(clubId, hash), {
        method: 'PUT',
        headers: { authorization, 'content-type': contentType, 'x-blob-scope': scope },
        body: bytes,
      });
      if (response.ok) return 'sent';
      // Over quota, too large, refused key: sending again will not help until something changes.
      return response.status >= 500 && response.status !== 507 ? 'retry' : 'refused';
    } catch {
      return 'retry';
    }
  },
  async remove(clubId, hash) {
    const authorization = bearer(clubId);
    if (authorization === undefined) return 'retry';
    try {
      const response = await fetch(blobUrl(clubId, hash), { method: 'DELETE', headers: { authorization } });
      if (response.ok || response.status === 404) return 'sent';
      return response.status >= 500 ? 'retry' : 'refused';
    } catch {
      return 'retry';
    }
  },
  async download(clubId, hash) {
    const authorization = bearer(clubId);
    if (authorization === undefined) return undefined;
    try {
      const response = await fetch(blobUrl(clubId, hash), { headers: { authorization } });
      return response.ok ? await response.blob() : undefined;
    } catch {
      return undefined;
    }
  },
};
