import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type {
  ClubAccessRecord,
  ClubKeyHashes,
  ClubRegistry,
  DocStore,
  Storage,
  StoredDoc,
} from './doc-store';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS updates (seq INTEGER PRIMARY KEY, doc TEXT NOT NULL, data BLOB NOT NULL);
  CREATE INDEX IF NOT EXISTS updates_by_doc ON updates (doc, seq);
  CREATE TABLE IF NOT EXISTS clubs (club_id TEXT PRIMARY KEY, editor_key_hash TEXT NOT NULL, viewer_key_hash TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS retired_keys (club_id TEXT NOT NULL, key_hash TEXT NOT NULL, PRIMARY KEY (club_id, key_hash));
`;

interface PendingAppend {
  readonly name: string;
  readonly update: Uint8Array;
  readonly resolve: (seq: number) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Updates in one SQLite table; seq is the rowid, so it increases across all documents.
 *
 * Appends arriving in the same event-loop turn are committed in one transaction (group commit), each append
 * resolving only once its transaction committed. One commit per turn instead of one per update halved the
 * relay's CPU time in the benchmark (and, with synchronous=FULL, pays the fsync once per turn); committing
 * each update in its own microtask instead gained ~0.3 ms of median latency, not worth it.
 */
export class SqliteDocStore implements DocStore {
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private readonly insert;
  private readonly selectDoc;
  private readonly deleteThrough;
  private readonly insertWithSeq;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare<[string, Uint8Array]>('INSERT INTO updates (doc, data) VALUES (?, ?)');
    this.selectDoc = db.prepare<[string], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM updates WHERE doc = ? ORDER BY seq',
    );
    this.deleteThrough = db.prepare<[string, number]>('DELETE FROM updates WHERE doc = ? AND seq <= ?');
    this.insertWithSeq = db.prepare<[number, string, Uint8Array]>(
      'INSERT INTO updates (seq, doc, data) VALUES (?, ?, ?)',
    );
  }

  async load(name: string): Promise<StoredDoc> {
    const rows = this.selectDoc.all(name);
    return { updates: rows.map((row) => new Uint8Array(row.data)), lastSeq: rows.at(-1)?.seq ?? 0 };
  }

  append(name: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ name, update: update.slice(), resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let seqs: number[];
    try {
      seqs = this.db.transaction(() =>
        batch.map((item) => Number(this.insert.run(item.name, item.update).lastInsertRowid)),
      )();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      item.resolve(seqs[i] ?? 0);
    });
  }

  async compact(name: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    // The snapshot takes over the seq of the last row it replaces, so load order stays append order.
    this.db.transaction(() => {
      this.deleteThrough.run(name, throughSeq);
      this.insertWithSeq.run(throughSeq, name, snapshot);
    })();
  }

  async close(): Promise<void> {
    this.flush();
  }
}

export class SqliteClubRegistry implements ClubRegistry {
  constructor(private readonly db: Database.Database) {}

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
}

export type SqliteSynchronous = 'normal' | 'full';

/**
 * Opens `<dataDir>/relay.sqlite` in WAL mode, so loads read while appends write.
 *
 * synchronous defaults to NORMAL: in WAL mode a committed transaction then survives any process crash
 * (SIGKILL, OOM, a bug) and the file is never corrupted, but the last commits before a power cut or kernel
 * crash may be lost. That loss is made up by the clients: each keeps its edits (y-indexeddb) and re-sends
 * whatever the relay lacks on its next sync. FULL adds an fsync per commit, which blocks the event loop:
 * in the benchmark it raised p99 propagation from ~16 ms to ~190 ms. Operators on hardware without a
 * battery-backed disk who prefer power-cut durability choose `full` (SQLITE_SYNCHRONOUS).
 */
export function openSqliteStorage(dataDir: string, synchronous: SqliteSynchronous = 'normal'): Storage {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'relay.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  db.exec(SCHEMA);
  const docs = new SqliteDocStore(db);
  return {
    docs,
    clubs: new SqliteClubRegistry(db),
    close: async () => {
      await docs.close();
      db.close();
    },
  };
}
