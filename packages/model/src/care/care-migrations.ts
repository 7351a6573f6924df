import type * as Y from 'yjs';
import {
  type DocSchema,
  getDocStatus,
  type MigrateResult,
  type Migration,
  migrateDoc,
  type SchemaStatus,
} from '../schema/doc-schema';
import { CARE_SCHEMA_VERSION, careMeta } from './care-layout';

/**
 * The care doc's migrations, run by the shared runner (schema/doc-schema.ts) when a tablet opens it.
 * To change the layout: append a step here, bump CARE_SCHEMA_VERSION, keep the step additive and
 * idempotent (never recreate `visits`: it holds every visit), and add a two-tablet test.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    // Version 1 is the first layout: a care doc stored without a version already has it, so the
    // step only records the version.
    name: 'care-0001-schema-version',
    to: 1,
    run: () => {},
  },
];

export const CARE_DOC_SCHEMA: DocSchema = {
  version: CARE_SCHEMA_VERSION,
  meta: careMeta,
  idKey: 'clubId',
  migrations: MIGRATIONS,
};

export function getCareSchemaStatus(doc: Y.Doc): SchemaStatus {
  return getDocStatus(doc, CARE_DOC_SCHEMA);
}

export function migrateCare(doc: Y.Doc): MigrateResult {
  return migrateDoc(doc, CARE_DOC_SCHEMA);
}

export function listCareMigrations(): readonly string[] {
  return MIGRATIONS.map((m) => m.name);
}
