import type * as Y from 'yjs';
import { err, ok, type Result } from '../ids/ids';
import { migrationOrigin } from '../origin/origin';
import { metaMap, SCHEMA_VERSION, settingsMap } from './layout';
import { NATIONAL_TARGETS, SETTING_KEYS } from './types';

export type SchemaStatus =
  | { type: 'empty' }
  | { type: 'current' }
  | { type: 'outdated'; from: number }
  | { type: 'newer'; version: number };

/**
 * A migration brings a doc up to `to`. Two offline devices may run the same migration on the same doc,
 * so each one is additive and idempotent: it only fills what is missing, with values that are equal on
 * every device, and the merge of both runs is the same as one run.
 */
interface Migration {
  readonly name: string;
  readonly to: number;
  readonly run: (doc: Y.Doc) => void;
}

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
];

export function readSchemaVersion(doc: Y.Doc): number | null {
  const version = metaMap(doc).get('schemaVersion');
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : null;
}

function hasClub(doc: Y.Doc): boolean {
  return metaMap(doc).has('clubId') || readSchemaVersion(doc) !== null;
}

export function getSchemaStatus(doc: Y.Doc): SchemaStatus {
  if (!hasClub(doc)) return { type: 'empty' };
  const version = readSchemaVersion(doc) ?? 0;
  if (version > SCHEMA_VERSION) return { type: 'newer', version };
  if (version < SCHEMA_VERSION) return { type: 'outdated', from: version };
  return { type: 'current' };
}

/** A doc written by a newer app is shown but never written: an old peer could not keep its invariants. */
export function isReadOnly(doc: Y.Doc): boolean {
  return (readSchemaVersion(doc) ?? 0) > SCHEMA_VERSION;
}

export function migrateClub(
  doc: Y.Doc,
): Result<{ applied: readonly string[] }, { type: 'newer'; version: number }> {
  const status = getSchemaStatus(doc);
  if (status.type === 'newer') return err({ type: 'newer', version: status.version });
  if (status.type !== 'outdated') return ok({ applied: [] });
  const applied: string[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.to <= status.from) continue;
    doc.transact(() => {
      migration.run(doc);
      // max() keeps a concurrent migration to a later version from being rolled back.
      const current = readSchemaVersion(doc) ?? 0;
      if (current < migration.to) metaMap(doc).set('schemaVersion', migration.to);
    }, migrationOrigin(migration.name));
    applied.push(migration.name);
  }
  return ok({ applied });
}

export function listMigrations(): readonly string[] {
  return MIGRATIONS.map((m) => m.name);
}
