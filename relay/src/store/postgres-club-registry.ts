import type pg from 'pg';
import type { ClubAccessRecord, ClubKeyHashes, ClubRegistry } from './doc-store';
import { inTransaction } from './postgres-transaction';

/** Clubs and their key hashes in PostgreSQL (see postgres-schema.ts), shared by every relay process. */
export class PostgresClubRegistry implements ClubRegistry {
  constructor(private readonly pool: pg.Pool) {}

  async get(clubId: string): Promise<ClubAccessRecord | undefined> {
    // One statement, so the keys and the retired list come from the same snapshot even during a rotation.
    const { rows } = await this.pool.query<{
      editor_key_hash: string;
      viewer_key_hash: string;
      retired: string[];
    }>(
      `SELECT editor_key_hash, viewer_key_hash,
         ARRAY(SELECT key_hash FROM retired_keys r WHERE r.club_id = c.club_id) AS retired
       FROM clubs c WHERE club_id = $1`,
      [clubId],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    return {
      clubId,
      editorKeyHash: row.editor_key_hash,
      viewerKeyHash: row.viewer_key_hash,
      retiredKeyHashes: row.retired,
    };
  }

  async create(clubId: string, hashes: ClubKeyHashes): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO clubs (club_id, editor_key_hash, viewer_key_hash) VALUES ($1, $2, $3)
       ON CONFLICT (club_id) DO NOTHING`,
      [clubId, hashes.editorKeyHash, hashes.viewerKeyHash],
    );
    return result.rowCount === 1;
  }

  async rotate(clubId: string, expectedEditorKeyHash: string, next: ClubKeyHashes): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      // FOR UPDATE: two processes rotating at once with the same expected key; the second waits and then
      // sees the new editor hash, so only one rotation wins, as in the single-process registries.
      const { rows } = await client.query<{ editor_key_hash: string; viewer_key_hash: string }>(
        'SELECT editor_key_hash, viewer_key_hash FROM clubs WHERE club_id = $1 FOR UPDATE',
        [clubId],
      );
      const current = rows[0];
      if (current === undefined || current.editor_key_hash !== expectedEditorKeyHash) return false;
      await client.query(
        `INSERT INTO retired_keys (club_id, key_hash) VALUES ($1, $2), ($1, $3)
         ON CONFLICT DO NOTHING`,
        [clubId, current.editor_key_hash, current.viewer_key_hash],
      );
      await client.query('UPDATE clubs SET editor_key_hash = $2, viewer_key_hash = $3 WHERE club_id = $1', [
        clubId,
        next.editorKeyHash,
        next.viewerKeyHash,
      ]);
      return true;
    });
  }
  async delete(clubId: string): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      await client.query('DELETE FROM retired_keys WHERE club_id = $1', [clubId]);
      const result = await client.query('DELETE FROM clubs WHERE club_id = $1', [clubId]);
      return result.rowCount === 1;
    });
  }
}
