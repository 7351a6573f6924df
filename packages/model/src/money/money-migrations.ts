import type * as Y from 'yjs';
import {
  type DocSchema,
  getDocStatus,
  type MigrateResult,
  type Migration,
  migrateDoc,
  type SchemaStatus,
} from '../schema/doc-schema';
import { MONEY_SCHEMA_VERSION, moneyMeta } from './money-layout';

/**
 * The money doc's layout migrations, run by the shared runner when a tablet opens it. Append a step,
 * bump MONEY_SCHEMA_VERSION, keep it additive and idempotent: never rewrite `entries` (the books are
 * append-only; a changed shape is read by a tolerant reader, not rewritten).
 */
const MIGRATIONS: readonly Migration[] = [
  { name: 'money-0001-schema-version', to: 1, run: () => {} },
  // Entries of the cash-count kinds (cashShort, cashOver) may appear: a build that does not know them
  // would leave them out of every balance, so it must open the book read-only and say a newer one wrote it.
  { name: 'money-0002-cash-count-kinds', to: 2, run: () => {} },
];

export const MONEY_DOC_SCHEMA: DocSchema = {
  version: MONEY_SCHEMA_VERSION,
  meta: moneyMeta,
  idKey: 'clubId',
  migrations: MIGRATIONS,
};

export function getMoneySchemaStatus(doc: Y.Doc): SchemaStatus {
  return getDocStatus(doc, MONEY_DOC_SCHEMA);
}

export function migrateMoney(doc: Y.Doc): MigrateResult {
  return migrateDoc(doc, MONEY_DOC_SCHEMA);
}

export function listMoneyMigrations(): readonly string[] {
  return MIGRATIONS.map((m) => m.name);
}
