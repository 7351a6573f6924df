import type * as Y from 'yjs';
import {
  type DocSchema,
  getDocStatus,
  type MigrateResult,
  type Migration,
  migrateDoc,
  type SchemaStatus,
} from '../schema/doc-schema';

/**
 * The report doc's migrations, run by the shared runner when a tablet opens it. To change the layout:
 * append a step, bump REPORT_SCHEMA_VERSION below, keep the step additive and idempotent
 * (never touch `approval`: what the chair signed stays as signed), and add a two-tablet test.
 */
const MIGRATIONS: readonly Migration[] = [{ name: 'report-0001-schema-version', to: 1, run: () => {} }];

/** The layout this build writes; report-doc.ts re-exports it (this file imports nothing of the layout). */
export const REPORT_SCHEMA_VERSION = 1;

export const REPORT_DOC_SCHEMA: DocSchema = {
  version: REPORT_SCHEMA_VERSION,
  meta: (doc) => doc.getMap('meta'),
  // createReport stamps the version; a doc without it has not been started.
  idKey: 'schemaVersion',
  migrations: MIGRATIONS,
};

export function getReportSchemaStatus(doc: Y.Doc): SchemaStatus {
  return getDocStatus(doc, REPORT_DOC_SCHEMA);
}

export function migrateReport(doc: Y.Doc): MigrateResult {
  return migrateDoc(doc, REPORT_DOC_SCHEMA);
}
