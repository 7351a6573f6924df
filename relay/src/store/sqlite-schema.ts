import type Database from 'better-sqlite3';

/**
 * The relay's SQLite schema, versioned with `PRAGMA user_version`.
 *
 * Version 2 keeps updates clustered by document (a WITHOUT ROWID table keyed by doc and seq): an append then
 * dirties one B-tree page instead of two (table and index), about 3 WAL writes per commit instead of ~4.7,
 * and loading a document reads its rows together. Version 1 (a rowid table plus an index on (doc, seq)) is
 * migrated in one transaction when such a database is opened. Version 3 adds `retired_docs`: the names of
 * retired documents (old generations, DocStore.retireDocs), whose appends are refused.
 */
const VERSION = 3;

const CREATE = `
  CREATE TABLE IF NOT EXISTS doc_updates (
    doc TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (doc, seq)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS clubs (club_id TEXT PRIMARY KEY, editor_key_hash TEXT NOT NULL, viewer_key_hash TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS retired_keys (club_id TEXT NOT NULL, key_hash TEXT NOT NULL, PRIMARY KEY (club_id, key_hash));
  CREATE TABLE IF NOT EXISTS retired_docs (doc TEXT PRIMARY KEY) WITHOUT ROWID;
`;

/** Brings the database to the current schema; throws if it was written by a newer relay. */
export function migrateSchema(db: Database.Database): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > VERSION)
    throw new Error(`relay.sqlite has schema version ${version}; this relay knows up to ${VERSION}`);
  if (version === VERSION) return;
  db.transaction(() => {
    db.exec(CREATE);
    const legacy = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'updates'",
      )
      .get();
    if (legacy !== undefined) {
      db.exec('INSERT INTO doc_updates (doc, seq, data) SELECT doc, seq, data FROM updates');
      db.exec('DROP TABLE updates');
    }
    db.pragma(`user_version = ${VERSION}`);
  })();
}

/** The highest seq ever given out, so new rows keep increasing across every document. */
export function lastSeq(db: Database.Database): number {
  const row = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM doc_updates').get();
  return row?.seq ?? 0;
}
