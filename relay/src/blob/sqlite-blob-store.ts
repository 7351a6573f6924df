import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BlobScope, BlobStore, PutBlob, StoredBlob } from './blob-store';

/**
 * Blobs in their own SQLite file (blobs.sqlite beside the documents' database), so a photo upload never
 * holds the write lock the document log commits under, and a backup of the documents stays small.
 */
export class SqliteBlobStore implements BlobStore {
  private readonly insert;
  private readonly select;
  private readonly exists;
  private readonly sum;
  private readonly remove;

  constructor(private readonly db: Database.Database) {
    db.pragma('journal_mode = WAL');
    // Erasure: a deleted photo's row and the pages it frees are overwritten with zeros, not left readable
    // in the file's free pages (as the documents' database does, store/sqlite-doc-store.ts).
    db.pragma('secure_delete = ON');
    db.exec(`CREATE TABLE IF NOT EXISTS blobs (
      club_id TEXT NOT NULL,
      hash TEXT NOT NULL,
      content_type TEXT NOT NULL,
      scope TEXT NOT NULL,
      size INTEGER NOT NULL,
      data BLOB NOT NULL,
      PRIMARY KEY (club_id, hash)
    ) WITHOUT ROWID`);
    this.insert = db.prepare<[string, string, string, string, number, Uint8Array]>(
      'INSERT OR IGNORE INTO blobs (club_id, hash, content_type, scope, size, data) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.select = db.prepare<[string, string], { content_type: string; scope: BlobScope; data: Buffer }>(
      'SELECT content_type, scope, data FROM blobs WHERE club_id = ? AND hash = ?',
    );
    this.exists = db.prepare<[string, string], { one: number }>(
      'SELECT 1 AS one FROM blobs WHERE club_id = ? AND hash = ?',
    );
    this.remove = db.prepare<[string, string]>('DELETE FROM blobs WHERE club_id = ? AND hash = ?');
    this.sum = db.prepare<[string], { total: number | null }>(
      'SELECT SUM(size) AS total FROM blobs WHERE club_id = ?',
    );
  }

  async put(blob: PutBlob): Promise<boolean> {
    const { changes } = this.insert.run(
      blob.clubId,
      blob.hash,
      blob.contentType,
      blob.scope,
      blob.bytes.length,
      blob.bytes,
    );
    return changes > 0;
  }

  async get(clubId: string, hash: string): Promise<StoredBlob | undefined> {
    const row = this.select.get(clubId, hash);
    if (row === undefined) return undefined;
    return { bytes: new Uint8Array(row.data), contentType: row.content_type, scope: row.scope };
  }

  async has(clubId: string, hash: string): Promise<boolean> {
    return this.exists.get(clubId, hash) !== undefined;
  }

  async delete(clubId: string, hash: string): Promise<boolean> {
    const { changes } = this.remove.run(clubId, hash);
    // The WAL still holds the frames that wrote the photo: fold them into the (zeroed) file and truncate
    // it now, so the bytes leave the disk with the answer rather than at some later checkpoint.
    if (changes > 0) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return changes > 0;
  }

  async clubBytes(clubId: string): Promise<number> {
    return this.sum.get(clubId)?.total ?? 0;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** Opens (creating if needed) dataDir/blobs.sqlite. */
export function openSqliteBlobStore(dataDir: string): SqliteBlobStore {
  mkdirSync(dataDir, { recursive: true });
  return new SqliteBlobStore(new Database(join(dataDir, 'blobs.sqlite')));
}
