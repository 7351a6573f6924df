import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { UsageSource } from '../quota';
import { type DocStore, prefixEnd, RetiredDocumentError, type Storage, type StoredDoc } from './doc-store';
import { SqliteClubRegistry } from './sqlite-club-registry';
import { lastSeq, migrateSchema } from './sqlite-schema';

/** When the write-ahead log is folded back into the database file (see `WalCheckpointer`). */
export interface CheckpointPolicy {
  /** Checkpoint once no append has committed for this long. */
  readonly quietMs: number;
  /** Checkpoint regardless once the WAL file is this large. */
  readonly maxWalBytes: number;
}

export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = { quietMs: 1000, maxWalBytes: 256 * 1024 * 1024 };

/**
 * Updates in one SQLite table (see sqlite-schema.ts), seq increasing across all documents.
 *
 * Each append is committed at once, in its own transaction, before `append` returns (the promise is already
 * settled): with the database opened in exclusive locking mode a commit is a WAL write of a few pages and
 * no lock or shared-memory calls, about 10–30 µs here, so batching appends bought nothing but latency.
 */
export class SqliteDocStore implements DocStore {
  private readonly insert;
  private readonly selectDoc;
  private readonly deleteThrough;
  /** The last seq given out; seqs increase across all documents. */
  private seq: number;
  /**
   * Retired documents (retired_docs), read once: one process owns a SQLite file, so this copy stays true and
   * an append pays a Set lookup, not a query.
   */
  private readonly retired: Set<string>;
  /** performance.now() of the last commit, for the checkpointer. */
  lastCommitAt = 0;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare<[string, number, Uint8Array]>(
      'INSERT INTO doc_updates (doc, seq, data) VALUES (?, ?, ?)',
    );
    this.selectDoc = db.prepare<[string], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM doc_updates WHERE doc = ? ORDER BY seq',
    );
    this.deleteThrough = db.prepare<[string, number]>('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?');
    this.seq = lastSeq(db);
    this.retired = new Set(
      db
        .prepare<[], { doc: string }>('SELECT doc FROM retired_docs')
        .all()
        .map((row) => row.doc),
    );
  }

  async load(name: string): Promise<StoredDoc> {
    const rows = this.selectDoc.all(name);
    return { updates: rows.map((row) => new Uint8Array(row.data)), lastSeq: rows.at(-1)?.seq ?? 0 };
  }

  append(name: string, update: Uint8Array): Promise<number> {
    if (this.retired.has(name)) return Promise.reject(new RetiredDocumentError(name));
    try {
      const seq = this.seq + 1;
      this.insert.run(name, seq, update);
      this.seq = seq;
      this.lastCommitAt = performance.now();
      return Promise.resolve(seq);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async compact(name: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    if (this.retired.has(name)) return;
    // The snapshot takes over the seq of the last row it replaces, so load order stays append order.
    this.db.transaction(() => {
      this.deleteThrough.run(name, throughSeq);
      this.insert.run(name, throughSeq, snapshot);
    })();
    this.lastCommitAt = performance.now();
  }

  async deleteClubDocs(clubId: string): Promise<number> {
    // `<clubId>/` up to `<clubId>0` ('0' follows '/'): exactly the names under the club, by the key's index.
    const range: [string, string, string] = [clubId, `${clubId}/`, `${clubId}0`];
    const where = 'doc = ? OR (doc >= ? AND doc < ?)';
    return this.db.transaction(() => {
      const counted = this.db
        .prepare<typeof range, { documents: number }>(
          `SELECT count(DISTINCT doc) AS documents FROM doc_updates WHERE ${where}`,
        )
        .get(...range);
      // secure_delete (openSqliteStorage) zeroes the removed rows and the pages they free.
      this.db.prepare<typeof range>(`DELETE FROM doc_updates WHERE ${where}`).run(...range);
      this.db.prepare<typeof range>(`DELETE FROM retired_docs WHERE ${where}`).run(...range);
      for (const name of [...this.retired])
        if (name === clubId || name.startsWith(`${clubId}/`)) this.retired.delete(name);
      this.lastCommitAt = performance.now();
      return counted?.documents ?? 0;
    })();
  }

  async listDocs(prefix: string): Promise<string[]> {
    return this.db
      .prepare<[string, string], { doc: string }>(
        'SELECT DISTINCT doc FROM doc_updates WHERE doc >= ? AND doc < ? ORDER BY doc',
      )
      .all(prefix, prefixEnd(prefix))
      .map((row) => row.doc);
  }

  async retireDocs(names: readonly string[]): Promise<number> {
    const count = this.db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM doc_updates WHERE doc = ? LIMIT 1',
    );
    const remove = this.db.prepare<[string]>('DELETE FROM doc_updates WHERE doc = ?');
    const mark = this.db.prepare<[string]>('INSERT OR IGNORE INTO retired_docs (doc) VALUES (?)');
    const held = this.db.transaction(() => {
      let documents = 0;
      for (const name of names) {
        if ((count.get(name)?.n ?? 0) > 0) documents += 1;
        // secure_delete (openSqliteStorage) zeroes the removed rows and the pages they free; the WAL is
        // folded back by the checkpointer, and truncated then (see WalCheckpointer).
        remove.run(name);
        mark.run(name);
      }
      return documents;
    })();
    for (const name of names) this.retired.add(name);
    this.lastCommitAt = performance.now();
    return held;
  }

  async close(): Promise<void> {}
}

/**
 * Folds the WAL back into the database file when the relay is quiet.
 *
 * Why not SQLite's automatic checkpoint: it runs inside whichever commit crosses 1,000 WAL pages, and with
 * its fsyncs it blocked the event loop for 10–25 ms about every second under the benchmark's load, which
 * every client of every room felt as latency. Clubs write in bursts (a meeting, then hours of nothing), so
 * the relay checkpoints after a quiet second instead, and only under sustained load once the WAL reaches
 * `maxWalBytes` (bounded disk use, one longer pause). A checkpoint never loses anything: committed
 * transactions are durable in the WAL, and SQLite replays it after a crash.
 */
class WalCheckpointer {
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly db: Database.Database,
    private readonly store: SqliteDocStore,
    private readonly walPath: string,
    private readonly policy: CheckpointPolicy,
  ) {
    this.timer = setInterval(() => this.tick(), Math.max(50, Math.min(policy.quietMs, 1000)));
    this.timer.unref();
  }

  private tick(): void {
    // lastCommitAt is 0 when nothing was committed since the last checkpoint.
    if (this.store.lastCommitAt === 0) return;
    const quiet = performance.now() - this.store.lastCommitAt >= this.policy.quietMs;
    if (quiet || walSize(this.walPath) >= this.policy.maxWalBytes) this.checkpoint();
  }

  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.store.lastCommitAt = 0;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

function walSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export type SqliteSynchronous = 'normal' | 'full';

/** SQLite storage, with what only it can do: say what a club stores (quotas) and back itself up while open. */
export interface SqliteStorage extends Storage {
  readonly usage: UsageSource;
  /** Online backup (SQLite's backup API) into a new file, consistent, while appends go on (see backup.ts). */
  backup(destination: string): Promise<void>;
}

function sqliteUsage(db: Database.Database): UsageSource {
  // Documents of a club are `<clubId>` and `<clubId>/…`: a range of the primary key, since '0' follows '/'.
  const club = db.prepare<[string, string, string], { documents: number; bytes: number }>(
    'SELECT count(DISTINCT doc) AS documents, coalesce(sum(length(data)), 0) AS bytes FROM doc_updates WHERE doc = ? OR (doc >= ? AND doc < ?)',
  );
  const one = db.prepare<[string], { found: number }>(
    'SELECT 1 AS found FROM doc_updates WHERE doc = ? LIMIT 1',
  );
  return {
    clubUsage: async (clubId) => club.get(clubId, `${clubId}/`, `${clubId}0`) ?? { documents: 0, bytes: 0 },
    hasDocument: async (name) => one.get(name) !== undefined,
  };
}

/**
 * Opens `<dataDir>/relay.sqlite` in WAL mode, locked for this process alone.
 *
 * synchronous defaults to NORMAL: in WAL mode a committed transaction then survives any process crash
 * (SIGKILL, OOM, a bug) and the file is never corrupted, but the last commits before a power cut or kernel
 * crash may be lost. That loss is made up by the clients: each keeps its edits (y-indexeddb) and re-sends
 * whatever the relay lacks on its next sync. FULL adds an fsync per commit, which blocks the event loop:
 * in the benchmark it raised p99 propagation from ~16 ms to ~190 ms. Operators on hardware without a
 * battery-backed disk who prefer power-cut durability choose `full` (SQLITE_SYNCHRONOUS).
 *
 * Exclusive locking: the relay is the database's only user, so SQLite can skip file locks and the shared
 * wal-index on every transaction (about a third of the cost of a commit here). Another process (the sqlite3
 * shell) cannot open the file while the relay runs: the relay backs itself up (`backup`, see backup.ts).
 */
export function openSqliteStorage(
  dataDir: string,
  synchronous: SqliteSynchronous = 'normal',
  checkpoints: CheckpointPolicy = DEFAULT_CHECKPOINT_POLICY,
): SqliteStorage {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'relay.sqlite');
  const db = new Database(path);
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('wal_autocheckpoint = 0');
  // Erasure (Law 91/2025/QH15): a compaction's deleted rows, and the pages it frees, are overwritten with
  // zeros, so an erased name or phone leaves the file's free pages too (the WAL's old frames go at the next
  // TRUNCATE checkpoint). Costs a write of each freed page; compactions are rare.
  db.pragma('secure_delete = ON');
  try {
    migrateSchema(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const docs = new SqliteDocStore(db);
  const checkpointer = new WalCheckpointer(db, docs, `${path}-wal`, checkpoints);
  return {
    docs,
    clubs: new SqliteClubRegistry(db),
    usage: sqliteUsage(db),
    backup: async (destination) => {
      await db.backup(destination);
    },
    close: async () => {
      checkpointer.stop();
      await docs.close();
      checkpointer.checkpoint();
      db.close();
    },
  };
}
