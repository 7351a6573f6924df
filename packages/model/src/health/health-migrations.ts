import type * as Y from 'yjs';
import {
  type DocSchema,
  getDocStatus,
  type MigrateResult,
  type Migration,
  migrateDoc,
  type SchemaStatus,
} from '../schema/doc-schema';
import { HEALTH_SCHEMA_VERSION, healthMeta } from './health-layout';

/**
 * The health doc's migrations, run by the shared runner (schema/doc-schema.ts) when a tablet opens it.
 * To change the layout: append a step here, bump HEALTH_SCHEMA_VERSION, keep the step additive and
 * idempotent (never recreate `checks`: it holds every reading), and add a two-tablet test.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    // Version 1 is the first layout: a health doc stored without a version already has it, so the
    // step only records the version.
    name: 'health-0001-schema-version',
    to: 1,
    run: () => {},
  },
  {
    // Version 2 adds `locks` (approved meetings) and the write records beside each measurement. Nothing to
    // move: the step records the version, so a tablet still on version 1, which knows neither, opens the
    // doc read-only instead of writing into an approved meeting or writing values with no record.
    name: 'health-0002-locks-and-writes',
    to: 2,
    run: () => {},
  },
];

export const HEALTH_DOC_SCHEMA: DocSchema = {
  version: HEALTH_SCHEMA_VERSION,
  meta: healthMeta,
  idKey: 'clubId',
  migrations: MIGRATIONS,
};

export function getHealthSchemaStatus(doc: Y.Doc): SchemaStatus {
  return getDocStatus(doc, HEALTH_DOC_SCHEMA);
}

export function migrateHealth(doc: Y.Doc): MigrateResult {
  return migrateDoc(doc, HEALTH_DOC_SCHEMA);
}

export function listHealthMigrations(): readonly string[] {
  return MIGRATIONS.map((m) => m.name);
}
