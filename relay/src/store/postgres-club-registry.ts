import type pg from 'pg';
import {
  TABLET_COLUMNS,
  type TabletRecord,
  type TabletRegisterResult,
  type TabletRegistration,
  type TabletRow,
  tabletFromRow,
} from './club-registry';
import type { ClubAccessRecord, ClubKeyHashes, ClubRegistry } from './doc-store';
import { inTransaction } from './postgres-transaction';

/**
 * The tablets' table (issue 12 §6). Additive and idempotent: migrateSchema (postgres-schema.ts) runs it on
 * every start under its advisory lock, so it needs no schema version of its own and an older relay ignores it.
 */
export const CREATE_TABLET_KEYS = `
  CREATE TABLE IF NOT EXISTS tablet_keys (
    club_id text NOT NULL, tablet_id text NOT NULL, key_hash text NOT NULL, person text NOT NULL,
    registered_at bigint NOT NULL, last_seen_at bigint, revoked_at bigint,
    PRIMARY KEY (club_id, tablet_id)
  );
  CREATE INDEX IF NOT EXISTS tablet_keys_by_hash ON tablet_keys (club_id, key_hash);
`;

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
      await client.query('DELETE FROM tablet_keys WHERE club_id = $1', [clubId]);
      const result = await client.query('DELETE FROM clubs WHERE club_id = $1', [clubId]);
      return result.rowCount === 1;
    });
  }

  async registerTablet(
    clubId: string,
    tablet: TabletRegistration,
    now: number,
  ): Promise<TabletRegisterResult> {
    // One statement each, no transaction: the insert either wins or finds the row, and the update matches
    // only the same key on a tablet not revoked, so two processes registering the same tablet agree.
    const inserted = await this.pool.query(
      `INSERT INTO tablet_keys (club_id, tablet_id, key_hash, person, registered_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (club_id, tablet_id) DO NOTHING`,
      [clubId, tablet.tabletId, tablet.keyHash, tablet.person, now],
    );
    if (inserted.rowCount === 1) return 'registered';
    const updated = await this.pool.query(
      `UPDATE tablet_keys SET person = $4
       WHERE club_id = $1 AND tablet_id = $2 AND key_hash = $3 AND revoked_at IS NULL`,
      [clubId, tablet.tabletId, tablet.keyHash, tablet.person],
    );
    return updated.rowCount === 1 ? 'updated' : 'taken';
  }

  async findTablet(clubId: string, keyHash: string): Promise<TabletRecord | undefined> {
    const { rows } = await this.pool.query<TabletRow>(
      `SELECT ${TABLET_COLUMNS} FROM tablet_keys WHERE club_id = $1 AND key_hash = $2`,
      [clubId, keyHash],
    );
    const row = rows[0];
    return row === undefined ? undefined : tabletFromRow(row);
  }

  async listTablets(clubId: string): Promise<readonly TabletRecord[]> {
    const { rows } = await this.pool.query<TabletRow>(
      `SELECT ${TABLET_COLUMNS} FROM tablet_keys WHERE club_id = $1 ORDER BY registered_at, tablet_id`,
      [clubId],
    );
    return rows.map(tabletFromRow);
  }

  async tabletSeen(clubId: string, tabletId: string, now: number): Promise<void> {
    // GREATEST: two processes recording the same tablet out of order keep the later time.
    await this.pool.query(
      `UPDATE tablet_keys SET last_seen_at = GREATEST(coalesce(last_seen_at, 0), $3)
       WHERE club_id = $1 AND tablet_id = $2`,
      [clubId, tabletId, now],
    );
  }

  async revokeTablet(clubId: string, tabletId: string, now: number): Promise<TabletRecord | undefined> {
    const { rows } = await this.pool.query<TabletRow>(
      `UPDATE tablet_keys SET revoked_at = coalesce(revoked_at, $3) WHERE club_id = $1 AND tablet_id = $2
       RETURNING ${TABLET_COLUMNS}`,
      [clubId, tabletId, now],
    );
    const row = rows[0];
    return row === undefined ? undefined : tabletFromRow(row);
  }
}
