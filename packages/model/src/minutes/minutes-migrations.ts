import * as Y from 'yjs';
import {
  type DocSchema,
  getDocStatus,
  type MigrateResult,
  type Migration,
  migrateDoc,
  type SchemaStatus,
} from '../schema/doc-schema';
import { ensureText } from '../text/shared-text';
import { actionTextScope } from './action-commands';
import { AGENDA_TEXT_FIELDS, agendaTextScope } from './agenda-commands';
import { HEADER_SHARED_TEXT, HEADER_TEXT_SCOPE } from './minutes-commands';
import { actionsMap, agendaItemsMap, headerMap, MINUTES_SCHEMA_VERSION, minutesMeta } from './minutes-layout';

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
  {
    // Free text written together becomes Y.Text (agenda titles and decisions, action texts, the place).
    // Two tablets converting the same string write identical items (text/shared-text.ts), so the text is
    // never doubled and what either one types afterwards merges. The values read the same, so approved
    // minutes list no late change for it.
    name: 'minutes-0002-shared-text',
    to: 2,
    run: (doc) => {
      const header = headerMap(doc);
      for (const key of HEADER_SHARED_TEXT)
        if (typeof header.get(key) === 'string') ensureText(header, key, HEADER_TEXT_SCOPE);
      for (const [id, record] of agendaItemsMap(doc).entries()) {
        if (!(record instanceof Y.Map)) continue;
        for (const key of Object.keys(AGENDA_TEXT_FIELDS)) ensureText(record, key, agendaTextScope(id));
      }
      for (const [id, record] of actionsMap(doc).entries()) {
        if (record instanceof Y.Map) ensureText(record, 'what', actionTextScope(id));
      }
    },
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
