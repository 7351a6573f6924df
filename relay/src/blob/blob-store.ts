/**
 * Where the relay keeps a club's photos and scans: whole blobs, addressed by the hex SHA-256 of their bytes,
 * beside (not inside) the Yjs documents, which hold only the hash. Every implementation passes
 * runBlobStoreTests in blob-store-conformance.ts.
 */

/** Who may see a blob: the whole committee (a meeting's photos), or what the health document's rules allow. */
export const BlobScope = { club: 'club', health: 'health' } as const;
export type BlobScope = (typeof BlobScope)[keyof typeof BlobScope];

export interface StoredBlob {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  readonly scope: BlobScope;
}

export interface PutBlob extends StoredBlob {
  readonly clubId: string;
  readonly hash: string;
}

export interface BlobStore {
  /**
   * Stores a blob once: a second put of the same club and hash changes nothing (the bytes are the same by
   * construction) and resolves false. Resolves when durable.
   */
  put(blob: PutBlob): Promise<boolean>;
  get(clubId: string, hash: string): Promise<StoredBlob | undefined>;
  has(clubId: string, hash: string): Promise<boolean>;
  /**
   * Removes a blob (a photo erased with the member it showed, Law 91/2025/QH15) so its bytes are no longer
   * in the store's files once this resolves (PostgreSQL: once vacuumed, see its store); false when it was
   * not there. Every store passes runBlobDeleteTests.
   */
  delete(clubId: string, hash: string): Promise<boolean>;
  /** Bytes of every blob the club stores: what its blob quota counts. */
  clubBytes(clubId: string): Promise<number>;
  close(): Promise<void>;
}
