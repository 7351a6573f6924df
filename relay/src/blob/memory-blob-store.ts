import type { BlobStore, PutBlob, StoredBlob } from './blob-store';

/** Blobs in a Map: for tests and a relay run without a data directory. Copies in and out, as a disk would. */
export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, StoredBlob>();

  async put(blob: PutBlob): Promise<boolean> {
    const key = `${blob.clubId}/${blob.hash}`;
    if (this.blobs.has(key)) return false;
    this.blobs.set(key, { bytes: blob.bytes.slice(), contentType: blob.contentType, scope: blob.scope });
    return true;
  }

  async get(clubId: string, hash: string): Promise<StoredBlob | undefined> {
    const found = this.blobs.get(`${clubId}/${hash}`);
    return found === undefined ? undefined : { ...found, bytes: found.bytes.slice() };
  }

  async has(clubId: string, hash: string): Promise<boolean> {
    return this.blobs.has(`${clubId}/${hash}`);
  }

  async delete(clubId: string, hash: string): Promise<boolean> {
    return this.blobs.delete(`${clubId}/${hash}`);
  }

  async clubBytes(clubId: string): Promise<number> {
    let total = 0;
    for (const [key, blob] of this.blobs) if (key.startsWith(`${clubId}/`)) total += blob.bytes.length;
    return total;
  }

  async close(): Promise<void> {}
}
