import type { Pool } from 'pg';
import { CREATE_TABLET_KEYS } from './postgres-club-registry';
import { inTransaction } from './postgres-transaction';

/**
 * The relay's PostgreSQL schema, versioned in the one-row table `relay_schema`.
 *
 * `documents` holds one row per document: the last seq given out and how far the log was compacted. Appends
 * bump `last_seq` with a row lock, which orders one document's appends across every relay process: seqs are
 * committed in the order they were given out, so a load always sees a prefix of the log (see
 * postgres-doc-store.ts). `doc_updates` is clustered by its primary key (doc, seq), so a load reads one
 * document's rows in order from the index. Document names compare bytewise (COLLATE "C", whatever the
 * database's locale), so a club's documents, `<clubId>` and `<clubId>/…`, are one range of that index.
 */
const VERSION = 1;

/** Any fixed number: the advisory lock that lets only one starting relay migrate at a time. */
const MIGRATION_LOCK = 0x63687479; // "chty"

const CREATE_V1 = `
  CREATE TABLE documents (
    doc text COLLATE "C" PRIMARY KEY,
    last_seq bigint NOT NULL,
    compacted_through bigint NOT NULL DEFAULT 0
  );
  CREATE TABLE doc_updates (
    doc text COLLATE "C" NOT NULL, seq bigint NOT NULL, data bytea NOT NULL, PRIMARY KEY (doc, seq)
  );
  CREATE TABLE clubs (club_id text PRIMARY KEY, editor_key_hash text NOT NULL, viewer_key_hash text NOT NULL);
  CREATE TABLE retired_keys (club_id text NOT NULL, key_hash text NOT NULL, PRIMARY KEY (club_id, key_hash));
`;

/** A retired document (an old generation, DocStore.retireDocs): its appends are refused in every process. */
const ADD_RETIRED = 'ALTER TABLE documents ADD COLUMN IF NOT EXISTS retired boolean NOT NULL DEFAULT false';

/**
 * Brings the database to the current schema; throws if it was written by a newer relay. Idempotent, and safe
 * when several relays start at once: the whole migration runs in one transaction under an advisory lock
 * (without it, two concurrent `CREATE TABLE IF NOT EXISTS` can still collide on the catalog).
 */
export async function migrateSchema(pool: Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS relay_schema (version integer NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM relay_schema');
    const version = rows[0]?.version ?? 0;
    if (version > VERSION) {
      throw new Error(
        `the PostgreSQL database has relay schema version ${version}; this relay knows up to ${VERSION}`,
      );
    }
    if (version < 1) await client.query(CREATE_V1);
    // Additive and idempotent, so it runs on every start without a version of its own.
    await client.query(CREATE_TABLET_KEYS);
    await client.query(ADD_RETIRED);
    if (rows.length === 0) await client.query('INSERT INTO relay_schema (version) VALUES ($1)', [VERSION]);
    else await client.query('UPDATE relay_schema SET version = $1', [VERSION]);
  });
}
