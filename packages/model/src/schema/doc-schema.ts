import type * as Y from 'yjs';
import { err, ok, type Result } from '../ids/ids';
import { migrationOrigin } from '../origin/origin';

/**
 * Schema versions and migrations for every kind of document (club, minutes, health). Each kind
 * describes itself with a DocSchema; the status, read-only rule and migration runner are shared, so
 * the three kinds cannot drift apart in how they treat an older or a newer doc.
 */

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
export interface Migration {
  readonly name: string;
  readonly to: number;
  readonly run: (doc: Y.Doc) => void;
}

export interface DocSchema {
  /** The version this build writes. */
  readonly version: number;
  /** The top-level map holding `schemaVersion`. */
  readonly meta: (doc: Y.Doc) => Y.Map<unknown>;
  /** A meta key every started doc of this kind holds; without it and without a version the doc is empty. */
  readonly idKey: string;
  /** Ordered by `to`; the last one reaches `version`. */
  readonly migrations: readonly Migration[];
}

export type MigrateResult = Result<{ applied: readonly string[] }, { type: 'newer'; version: number }>;

export function readDocVersion(doc: Y.Doc, schema: DocSchema): number | null {
  const version = schema.meta(doc).get('schemaVersion');
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : null;
}

export function getDocStatus(doc: Y.Doc, schema: DocSchema): SchemaStatus {
  const version = readDocVersion(doc, schema);
  if (version === null && !schema.meta(doc).has(schema.idKey)) return { type: 'empty' };
  const current = version ?? 0;
  if (current > schema.version) return { type: 'newer', version: current };
  if (current < schema.version) return { type: 'outdated', from: current };
  return { type: 'current' };
}

/** A doc written by a newer app is shown but never written: an old peer could not keep its invariants. */
export function isNewerDoc(doc: Y.Doc, schema: DocSchema): boolean {
  return (readDocVersion(doc, schema) ?? 0) > schema.version;
}

/**
 * Runs the migrations above the doc's version, each in its own transaction with a migration origin,
 * and returns the names applied. A newer doc is refused without a write; an empty or current doc is
 * left alone (an empty doc is stamped by the command that starts it).
 */
export function migrateDoc(doc: Y.Doc, schema: DocSchema): MigrateResult {
  const status = getDocStatus(doc, schema);
  if (status.type === 'newer') return err({ type: 'newer', version: status.version });
  if (status.type !== 'outdated') return ok({ applied: [] });
  const applied: string[] = [];
  for (const migration of schema.migrations) {
    if (migration.to <= status.from) continue;
    doc.transact(() => {
      migration.run(doc);
      // Only upward: a concurrent migration to a later version must not be rolled back.
      const current = readDocVersion(doc, schema) ?? 0;
      if (current < migration.to) schema.meta(doc).set('schemaVersion', migration.to);
    }, migrationOrigin(migration.name));
    applied.push(migration.name);
  }
  return ok({ applied });
}
