import type * as Y from 'yjs';
import {
  type DocSchema,
  getDocStatus,
  type MigrateResult,
  type Migration,
  migrateDoc,
  type SchemaStatus,
} from '../schema/doc-schema';
import { MINUTES_SCHEMA_VERSION, minutesMeta } from './minutes-layout';

/**
 * The minutes docs' migrations, run by the shared runner (schema/doc-schema.ts) when a tablet opens
 * them. To change the layout: append a step here, bump MINUTES_SCHEMA_VERSION, keep the step additive
 * and idempotent, and add a two-tablet test. A step that writes content shows up in
 * listChangesAfterApproval on approved minutes, so prefer defaults applied when reading.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    // Version 1 is the first layout: minutes stored without a version already have it, so the step
    // only records the version.
    name: 'minutes-0001-schema-version',
    to: 1,
    run: () => {},
  },
];

export const MINUTES_DOC_SCHEMA: DocSchema = {
  version: MINUTES_SCHEMA_VERSION,
  meta: minutesMeta,
  idKey: 'meetingId',
  migrations: MIGRATIONS,
};

export function getMinutesSchemaStatus(doc: Y.Doc): SchemaStatus {
  return getDocStatus(doc, MINUTES_DOC_SCHEMA);
}

export function migrateMinutes(doc: Y.Doc): MigrateResult {
  return migrateDoc(doc, MINUTES_DOC_SCHEMA);
}

export function listMinutesMigrations(): readonly string[] {
  return MIGRATIONS.map((m) => m.name);
}
