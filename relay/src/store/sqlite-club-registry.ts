import type Database from 'better-sqlite3';
import {
  TABLET_COLUMNS,
  type TabletRecord,
  type TabletRegisterResult,
  type TabletRegistration,
  type TabletRow,
  tabletFromRow,
} from './club-registry';
import type { ClubAccessRecord, ClubKeyHashes, ClubRegistry } from './doc-store';

/**
 * The tablets' table, created by the registry itself: additive and idempotent, so it needs no bump of the
 * documents' schema version (sqlite-schema.ts), and an older relay opening the file just ignores it.
 * Looked up by key hash on every connection, hence the index.
 */
const CREATE_TABLETS = `
  CREATE TABLE IF NOT EXISTS tablet_keys (
    club_id TEXT NOT NULL, tablet_id TEXT NOT NULL, key_hash TEXT NOT NULL, person TEXT NOT NULL,
    registered_at INTEGER NOT NULL, last_seen_at INTEGER, revoked_at INTEGER,
    PRIMARY KEY (club_id, tablet_id)
  );
  CREATE INDEX IF NOT EXISTS tablet_keys_by_hash ON tablet_keys (club_id, key_hash);
`;

/** Clubs, their key hashes and their tablets in the relay's SQLite file (one process owns it). */
export class SqliteClubRegistry implements ClubRegistry {
  constructor(private readonly db: Database.Database) {
    db.exec(CREATE_TABLETS);
  }

  async get(clubId: string): Promise<ClubAccessRecord | undefined> {
    const row = this.db
      .prepare<[string], { editor_key_hash: string; viewer_key_hash: string }>(
        'SELECT editor_key_hash, viewer_key_hash FROM clubs WHERE club_id = ?',
      )
      .get(clubId);
    if (row === undefined) return undefined;
    const retired = this.db
      .prepare<[string], { key_hash: string }>('SELECT key_hash FROM retired_keys WHERE club_id = ?')
      .all(clubId)
      .map((r) => r.key_hash);
    return {
      clubId,
      editorKeyHash: row.editor_key_hash,
      viewerKeyHash: row.viewer_key_hash,
      retiredKeyHashes: retired,
    };
  }

  async create(clubId: string, hashes: ClubKeyHashes): Promise<boolean> {
    const result = this.db
      .prepare('INSERT OR IGNORE INTO clubs (club_id, editor_key_hash, viewer_key_hash) VALUES (?, ?, ?)')
      .run(clubId, hashes.editorKeyHash, hashes.viewerKeyHash);
    return result.changes === 1;
  }

  async rotate(clubId: string, expectedEditorKeyHash: string, next: ClubKeyHashes): Promise<boolean> {
    return this.db.transaction(() => {
      const current = this.db
        .prepare<[string], { editor_key_hash: string; viewer_key_hash: string }>(
          'SELECT editor_key_hash, viewer_key_hash FROM clubs WHERE club_id = ?',
        )
        .get(clubId);
      if (current === undefined || current.editor_key_hash !== expectedEditorKeyHash) return false;
      const retire = this.db.prepare('INSERT OR IGNORE INTO retired_keys (club_id, key_hash) VALUES (?, ?)');
      retire.run(clubId, current.editor_key_hash);
      retire.run(clubId, current.viewer_key_hash);
      this.db
        .prepare('UPDATE clubs SET editor_key_hash = ?, viewer_key_hash = ? WHERE club_id = ?')
        .run(next.editorKeyHash, next.viewerKeyHash, clubId);
      return true;
    })();
  }

  async delete(clubId: string): Promise<boolean> {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM retired_keys WHERE club_id = ?').run(clubId);
      this.db.prepare('DELETE FROM tablet_keys WHERE club_id = ?').run(clubId);
      return this.db.prepare('DELETE FROM clubs WHERE club_id = ?').run(clubId).changes === 1;
    })();
  }

  async registerTablet(
    clubId: string,
    tablet: TabletRegistration,
    now: number,
  ): Promise<TabletRegisterResult> {
    return this.db.transaction((): TabletRegisterResult => {
      const inserted = this.db
        .prepare(
          'INSERT OR IGNORE INTO tablet_keys (club_id, tablet_id, key_hash, person, registered_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(clubId, tablet.tabletId, tablet.keyHash, tablet.person, now);
      if (inserted.changes === 1) return 'registered';
      const updated = this.db
        .prepare(
          'UPDATE tablet_keys SET person = ? WHERE club_id = ? AND tablet_id = ? AND key_hash = ? AND revoked_at IS NULL',
        )
        .run(tablet.person, clubId, tablet.tabletId, tablet.keyHash);
      return updated.changes === 1 ? 'updated' : 'taken';
    })();
  }

  async findTablet(clubId: string, keyHash: string): Promise<TabletRecord | undefined> {
    const row = this.db
      .prepare<[string, string], TabletRow>(
        `SELECT ${TABLET_COLUMNS} FROM tablet_keys WHERE club_id = ? AND key_hash = ?`,
      )
      .get(clubId, keyHash);
    return row === undefined ? undefined : tabletFromRow(row);
  }

  async listTablets(clubId: string): Promise<readonly TabletRecord[]> {
    return this.db
      .prepare<[string], TabletRow>(
        `SELECT ${TABLET_COLUMNS} FROM tablet_keys WHERE club_id = ? ORDER BY registered_at, tablet_id`,
      )
      .all(clubId)
      .map(tabletFromRow);
  }

  async tabletSeen(clubId: string, tabletId: string, now: number): Promise<void> {
    this.db
      .prepare('UPDATE tablet_keys SET last_seen_at = ? WHERE club_id = ? AND tablet_id = ?')
      .run(now, clubId, tabletId);
  }

  async revokeTablet(clubId: string, tabletId: string, now: number): Promise<TabletRecord | undefined> {
    this.db
      .prepare(
        'UPDATE tablet_keys SET revoked_at = coalesce(revoked_at, ?) WHERE club_id = ? AND tablet_id = ?',
      )
      .run(now, clubId, tabletId);
    const row = this.db
      .prepare<[string, string], TabletRow>(
        `SELECT ${TABLET_COLUMNS} FROM tablet_keys WHERE club_id = ? AND tablet_id = ?`,
      )
      .get(clubId, tabletId);
    return row === undefined ? undefined : tabletFromRow(row);
  }
}
