import * as Y from 'yjs';
import { ensureText } from '../text/shared-text';
import {
  type DocSchema,
  getDocStatus,
  isNewerDoc,
  type MigrateResult,
  type Migration,
  migrateDoc,
  readDocVersion,
  type SchemaStatus,
} from './doc-schema';
import { meetingsMap, membersMap, metaMap, SCHEMA_VERSION, settingsMap, type YRecord } from './layout';
import { NATIONAL_TARGETS, SETTING_KEYS } from './types';

export type { SchemaStatus };

/** The club doc's migrations; the runner and its rules are shared with every doc kind (doc-schema.ts). */
const MIGRATIONS: readonly Migration[] = [
  {
    // Docs written before settings existed (version 0 prototypes) get the national targets.
    name: '0001-settings-defaults',
    to: 1,
    run: (doc) => {
      const settings = settingsMap(doc);
      for (const key of SETTING_KEYS) {
        if (typeof settings.get(key) !== 'number') settings.set(key, NATIONAL_TARGETS[key]);
      }
    },
  },
  {
    // Members' notes and meetings' places become Y.Text, merged character by character. Two tablets
    // converting one string write identical items (text/shared-text.ts), so it is never doubled. Empty
    // values are left as they are: the first edit converts them the same deterministic way, and each
    // conversion adds a client to the doc's state vector, so converting hundreds of empty fields would
    // cost every sync for nothing.
    name: '0002-shared-text',
    to: 2,
    run: (doc) => {
      convertNonEmpty(membersMap(doc), 'notes', (id) => `members/${id}`);
      convertNonEmpty(meetingsMap(doc), 'place', (id) => `meetings/${id}`);
    },
  },
];

function convertNonEmpty(parent: Y.Map<YRecord>, key: string, scope: (id: string) => string): void {
  for (const [id, record] of parent.entries()) {
    if (!(record instanceof Y.Map)) continue;
    const value = record.get(key);
    if (typeof value === 'string' && value !== '') ensureText(record, key, scope(id));
  }
}

export const CLUB_DOC_SCHEMA: DocSchema = {
  version: SCHEMA_VERSION,
  meta: metaMap,
  idKey: 'clubId',
  migrations: MIGRATIONS,
};

export function readSchemaVersion(doc: Y.Doc): number | null {
  return readDocVersion(doc, CLUB_DOC_SCHEMA);
}

export function getSchemaStatus(doc: Y.Doc): SchemaStatus {
  return getDocStatus(doc, CLUB_DOC_SCHEMA);
}

/** A doc written by a newer app is shown but never written: an old peer could not keep its invariants. */
export function isReadOnly(doc: Y.Doc): boolean {
  return isNewerDoc(doc, CLUB_DOC_SCHEMA);
}

export function migrateClub(doc: Y.Doc): MigrateResult {
  return migrateDoc(doc, CLUB_DOC_SCHEMA);
}

export function listMigrations(): readonly string[] {
  return MIGRATIONS.map((m) => m.name);
}
