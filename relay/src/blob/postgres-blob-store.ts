import pg from 'pg';
import { postgresPoolConfig } from '../store/postgres-doc-store';
import { inTransaction } from '../store/postgres-transaction';
import type { BlobScope, BlobStore, PutBlob, StoredBlob } from './blob-store';

/**
 * Photos and scans in the PostgreSQL database the relay processes share (chosen with DATABASE_URL), so a
 * photo uploaded through one process is served by every other. `data` is stored EXTERNAL: JPEG and WebP are
 * compressed already, and PostgreSQL's own compression would spend CPU on every upload for nothing.
 */
const CREATE_BLOBS = `
  CREATE TABLE IF NOT EXISTS blobs (
    club_id text COLLATE "C" NOT NULL,
    hash text COLLATE "C" NOT NULL,
    content_type text NOT NULL,
    scope text NOT NULL,
    size integer NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (club_id, hash)
  );
  ALTER TABLE blobs ALTER COLUMN data SET STORAGE EXTERNAL;
`;

/** Any fixed number, another than the documents' schema lock: relays starting together create the table once. */
const BLOBS_LOCK = 0x63687462; // "chtb"

/**
 * Its own pool, of this many connections: an upload of a few MB holds its connection for the transfer, and the
 * documents' appends, which every tablet's "Synced" waits for, must never queue behind photos.
 */
export const BLOB_POOL_MAX = 2;

export class PostgresBlobStore implements BlobStore {
  constructor(private readonly pool: pg.Pool) {}

  async put(blob: PutBlob): Promise<boolean> {
    const { rowCount } = await this.pool.query({
      name: 'relay-blob-put',
      text: `INSERT INTO blobs (club_id, hash, content_type, scope, size, data) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (club_id, hash) DO NOTHING`,
      values: [
        blob.clubId,
        blob.hash,
        blob.contentType,
        blob.scope,
        blob.bytes.length,
        Buffer.from(blob.bytes),
      ],
    });
    return rowCount === 1;
  }

  async get(clubId: string, hash: string): Promise<StoredBlob | undefined> {
    const { rows } = await this.pool.query<{ content_type: string; scope: BlobScope; data: Buffer }>({
      name: 'relay-blob-get',
      text: 'SELECT content_type, scope, data FROM blobs WHERE club_id = $1 AND hash = $2',
      values: [clubId, hash],
    });
    const row = rows[0];
    if (row === undefined) return undefined;
    return { bytes: new Uint8Array(row.data), contentType: row.content_type, scope: row.scope };
  }

  async has(clubId: string, hash: string): Promise<boolean> {
    const { rowCount } = await this.pool.query({
      name: 'relay-blob-has',
      text: 'SELECT 1 FROM blobs WHERE club_id = $1 AND hash = $2',
      values: [clubId, hash],
    });
    return rowCount === 1;
  }

  /**
   * The row goes at once and the photo is no longer served; PostgreSQL frees its TOAST pages for reuse at the
   * next (auto)vacuum but does not overwrite them, so the bytes leave the disk only when reused or when the
   * operator's scheduled VACUUM FULL rewrites the table (relay README, "Erasure on PostgreSQL").
   */
  async delete(clubId: string, hash: string): Promise<boolean> {
    const { rowCount } = await this.pool.query({
      name: 'relay-blob-delete',
      text: 'DELETE FROM blobs WHERE club_id = $1 AND hash = $2',
      values: [clubId, hash],
    });
    return rowCount === 1;
  }

  async clubBytes(clubId: string): Promise<number> {
    const { rows } = await this.pool.query<{ total: string }>({
      name: 'relay-blob-club-bytes',
      text: 'SELECT coalesce(sum(size), 0) AS total FROM blobs WHERE club_id = $1',
      values: [clubId],
    });
    return Number(rows[0]?.total ?? 0);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * Opens a pool on `url` (with the documents' connection settings, synchronous commit on) and the table.
 * `onPoolError`: an idle connection failed (PostgreSQL restarted); the pool opens another when next asked.
 */
export async function openPostgresBlobStore(
  url: string,
  onPoolError: (error: Error) => void = () => {},
): Promise<PostgresBlobStore> {
  const pool = new pg.Pool(postgresPoolConfig(url, BLOB_POOL_MAX));
  // Without a listener, an idle connection's error would end the process.
  pool.on('error', onPoolError);
  try {
    await inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [BLOBS_LOCK]);
      await client.query(CREATE_BLOBS);
    });
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresBlobStore(pool);
}
