import pg from 'pg';
import type { UsageSource } from '../quota';
import { type DocStore, prefixEnd, RetiredDocumentError, type Storage, type StoredDoc } from './doc-store';
import { PostgresClubRegistry } from './postgres-club-registry';
import { migrateSchema } from './postgres-schema';
import { inTransaction } from './postgres-transaction';

/** One append waiting for its document's next batch. */
interface PendingAppend {
  readonly data: Buffer;
  resolve(seq: number): void;
  reject(error: unknown): void;
}

/** At most this many updates, or about this many bytes, go into one INSERT. */
const MAX_BATCH_ROWS = 256;
const MAX_BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Bumps the document's last_seq and inserts the batch in one statement, so one transaction: the row lock on
 * `documents` is held until the commit, so a second process appending to the same document waits, then
 * reads the bumped value. Seqs are therefore committed in the order they are given out, per document, and a
 * load (one statement, one snapshot) sees a prefix of the log: never row 12 without row 11.
 */
const APPEND = `
  WITH bumped AS (
    INSERT INTO documents AS d (doc, last_seq) VALUES ($1, $3::bigint)
    ON CONFLICT (doc) DO UPDATE SET last_seq = d.last_seq + $3::bigint WHERE NOT d.retired
    RETURNING last_seq
  ), inserted AS (
    INSERT INTO doc_updates (doc, seq, data)
    SELECT $1, bumped.last_seq - $3::bigint + u.ord, u.data
    FROM bumped, unnest($2::bytea[]) WITH ORDINALITY AS u(data, ord)
    RETURNING 1
  )
  SELECT last_seq, (SELECT count(*) FROM inserted) AS rows FROM bumped`;

/**
 * Updates in PostgreSQL (see postgres-schema.ts), seq increasing per document, shared by every relay process
 * pointed at the same database.
 *
 * Appends to one document are queued and sent as one INSERT at a time, so they resolve in call order; the
 * appends that arrive while one INSERT is in flight go together in the next (a document's group commit).
 * Different documents write in parallel, up to the pool's size. An append resolves only after PostgreSQL
 * reported the commit, which with `synchronous_commit = on` (forced per connection) means the WAL reached
 * the disk.
 */
export class PostgresDocStore implements DocStore {
  /** Appends queued per document; a document is present while its queue is being written. */
  private readonly queues = new Map<string, PendingAppend[]>();
  private readonly draining = new Set<Promise<void>>();

  constructor(private readonly pool: pg.Pool) {}

  async load(name: string): Promise<StoredDoc> {
    const { rows } = await this.pool.query<{ seq: string; data: Buffer }>({
      name: 'relay-load',
      text: 'SELECT seq, data FROM doc_updates WHERE doc = $1 ORDER BY seq',
      values: [name],
    });
    return {
      updates: rows.map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength)),
      lastSeq: Number(rows.at(-1)?.seq ?? 0),
    };
  }

  append(name: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      // Copy now: the caller's buffer may be a view into a reused network buffer.
      const pending = { data: Buffer.from(update), resolve, reject };
      const queue = this.queues.get(name);
      if (queue !== undefined) {
        queue.push(pending);
        return;
      }
      const fresh = [pending];
      this.queues.set(name, fresh);
      const drained = this.drain(name, fresh).finally(() => this.draining.delete(drained));
      this.draining.add(drained);
    });
  }

  /** Writes a document's queue batch by batch until it is empty; a failed batch rejects only its appends. */
  private async drain(name: string, queue: PendingAppend[]): Promise<void> {
    while (queue.length > 0) {
      const batch = takeBatch(queue);
      try {
        const { rows } = await this.pool.query<{ last_seq: string; rows: string }>({
          name: 'relay-append',
          text: APPEND,
          values: [name, batch.map((p) => p.data), batch.length],
        });
        const row = rows[0];
        // A retired document's row is locked but not bumped: nothing comes back (see retireDocs).
        if (row === undefined) throw new RetiredDocumentError(name);
        if (Number(row.rows) !== batch.length) {
          throw new Error(`append to ${name} stored ${row?.rows ?? 0} of ${batch.length} rows`);
        }
        const first = Number(row.last_seq) - batch.length + 1;
        for (const [i, pending] of batch.entries()) pending.resolve(first + i);
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    this.queues.delete(name);
  }

  /**
   * Replaces the rows up to throughSeq by the snapshot, in a transaction that first locks the document's
   * `documents` row (SELECT ... FOR UPDATE). That lock serializes compactions of one document across all
   * processes and holds appends to it for the few milliseconds of the transaction; rows appended after
   * throughSeq are untouched. A compaction whose rows another process already folded (compacted_through
   * ≥ throughSeq) changes nothing: that snapshot already contains them.
   */
  async compact(name: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ last_seq: string; compacted_through: string; retired: boolean }>(
        'SELECT last_seq, compacted_through, retired FROM documents WHERE doc = $1 FOR UPDATE',
        [name],
      );
      const current = rows[0];
      if (current === undefined || current.retired || Number(current.compacted_through) >= throughSeq) return;
      if (throughSeq > Number(current.last_seq)) {
        throw new Error(`cannot compact ${name} through ${throughSeq}: its last row is ${current.last_seq}`);
      }
      await client.query('DELETE FROM doc_updates WHERE doc = $1 AND seq <= $2', [name, throughSeq]);
      // The snapshot takes over the seq of the last row it replaces, so load order stays append order.
      // pg sends a Uint8Array as bytea without copying it.
      await client.query('INSERT INTO doc_updates (doc, seq, data) VALUES ($1, $2, $3)', [
        name,
        throughSeq,
        snapshot,
      ]);
      await client.query('UPDATE documents SET compacted_through = $2 WHERE doc = $1', [name, throughSeq]);
    });
  }

  async deleteClubDocs(clubId: string): Promise<number> {
    // Names compare bytewise (COLLATE "C"): `<clubId>/` up to `<clubId>0` is exactly the club's range.
    const range = [clubId, `${clubId}/`, `${clubId}0`];
    const where = 'doc = $1 OR (doc >= $2 AND doc < $3)';
    return inTransaction(this.pool, async (client) => {
      await client.query(`DELETE FROM doc_updates WHERE ${where}`, range);
      const removed = await client.query(`DELETE FROM documents WHERE ${where}`, range);
      return removed.rowCount ?? 0;
    });
  }

  async listDocs(prefix: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ doc: string }>(
      'SELECT doc FROM documents WHERE doc >= $1 AND doc < $2 AND NOT retired ORDER BY doc',
      [prefix, prefixEnd(prefix)],
    );
    return rows.map((row) => row.doc);
  }

  /**
   * Marks each document retired in `documents` (creating the row if need be) and deletes its rows, in one
   * transaction. The mark is what every process's append checks (APPEND bumps only a row that is not
   * retired), so no process can write a retired generation back. The deleted rows' bytes stay in the table's
   * pages until VACUUM reuses them, and in the WAL until it is recycled: see relay/README.md, "Erasure".
   */
  async retireDocs(names: readonly string[]): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      let held = 0;
      for (const name of names) {
        await client.query(
          `INSERT INTO documents AS d (doc, last_seq, retired) VALUES ($1, 0, true)
           ON CONFLICT (doc) DO UPDATE SET retired = true`,
          [name],
        );
        const removed = await client.query('DELETE FROM doc_updates WHERE doc = $1', [name]);
        if ((removed.rowCount ?? 0) > 0) held += 1;
      }
      return held;
    });
  }

  async close(): Promise<void> {
    while (this.draining.size > 0) await Promise.all(this.draining);
  }
}

function takeBatch(queue: PendingAppend[]): PendingAppend[] {
  let count = 0;
  let bytes = 0;
  while (count < queue.length && count < MAX_BATCH_ROWS && (count === 0 || bytes < MAX_BATCH_BYTES)) {
    bytes += queue[count]?.data.byteLength ?? 0;
    count += 1;
  }
  return queue.splice(0, count);
}

/** What a club stores, for the quotas; every process reads the same figures from the shared database. */
function postgresUsage(pool: pg.Pool): UsageSource {
  return {
    async clubUsage(clubId) {
      // '0' follows '/' bytewise: the range holds `<clubId>/…` and nothing of another club.
      const { rows } = await pool.query<{ documents: number; bytes: string }>({
        name: 'relay-club-usage',
        text: `SELECT count(DISTINCT doc)::int AS documents, coalesce(sum(octet_length(data)), 0) AS bytes
               FROM doc_updates WHERE doc = $1 OR (doc >= $2 AND doc < $3)`,
        values: [clubId, `${clubId}/`, `${clubId}0`],
      });
      return { documents: rows[0]?.documents ?? 0, bytes: Number(rows[0]?.bytes ?? 0) };
    },
    async hasDocument(name) {
      const { rowCount } = await pool.query({
        name: 'relay-has-document',
        text: 'SELECT 1 FROM documents WHERE doc = $1',
        values: [name],
      });
      return rowCount === 1;
    },
  };
}

/** PostgreSQL storage, with the club usage the quotas need. */
export interface PostgresStorage extends Storage {
  readonly usage: UsageSource;
}

export interface PostgresStorageOptions {
  /** Connections this process keeps at most (see the README's "PostgreSQL"). */
  readonly poolMax?: number | undefined;
  /** An idle connection failed (the server restarted, the network dropped); the pool replaces it. */
  readonly onPoolError?: (error: Error) => void;
}

export const DEFAULT_POOL_MAX = 10;

/**
 * The relay's pool settings. Synchronous commit is set per connection (see openPostgresStorage). The
 * timeouts turn a hung database into errors the room handles (its clients get 1011 and re-sync) instead of
 * appends that never settle: a connection attempt gives up after 10 s, a statement after 30 s (a compaction
 * of the largest document takes well under a second), and TCP keepalive finds a peer that vanished.
 */
export function postgresPoolConfig(url: string, poolMax = DEFAULT_POOL_MAX): pg.PoolConfig {
  return {
    connectionString: url,
    max: poolMax,
    application_name: 'chungtay-relay',
    options: '-c synchronous_commit=on -c statement_timeout=30000',
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
  };
}

/**
 * Opens a pool on `url` (postgres://…) and brings the schema up to date.
 *
 * Every connection sets `synchronous_commit = on` itself, whatever the server or database default, because
 * the relay acknowledges an update as stored once its append resolved: with it off, a crash of PostgreSQL
 * could lose up to three times wal_writer_delay of acknowledged updates.
 */
export async function openPostgresStorage(
  url: string,
  options: PostgresStorageOptions = {},
): Promise<PostgresStorage> {
  const pool = new pg.Pool(postgresPoolConfig(url, options.poolMax));
  // Without a listener an idle connection's error (a server restart) would crash the process.
  pool.on('error', (error) => options.onPoolError?.(error));
  try {
    await migrateSchema(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const docs = new PostgresDocStore(pool);
  return {
    docs,
    clubs: new PostgresClubRegistry(pool),
    usage: postgresUsage(pool),
    close: async () => {
      await docs.close();
      await pool.end();
    },
  };
}
