import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newClub } from '../../test/fixtures';
import { expectConvergence, forkPeers } from '../../test/peers';
import { readClub } from '../club/read-club';
import { metaMap, SCHEMA_VERSION, settingsMap } from './layout';
import { getSchemaStatus, isReadOnly, listMigrations, migrateClub } from './migrations';
import { NATIONAL_TARGETS } from './types';

/** A version-0 prototype doc: a club id and a profile, no schema version, no settings. */
function prototypeDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    metaMap(doc).set('clubId', 'proto-club-0001');
    doc.getMap('profile').set('name', 'CLB cũ');
    settingsMap(doc).set('olderAge', 55);
  });
  return doc;
}

describe('schema status', () => {
  it('reports empty, current, outdated and newer docs', () => {
    expect(getSchemaStatus(new Y.Doc())).toEqual({ type: 'empty' });
    expect(getSchemaStatus(newClub().doc)).toEqual({ type: 'current' });
    expect(getSchemaStatus(prototypeDoc())).toEqual({ type: 'outdated', from: 0 });
    const newer = newClub().doc;
    metaMap(newer).set('schemaVersion', SCHEMA_VERSION + 1);
    expect(getSchemaStatus(newer)).toEqual({ type: 'newer', version: SCHEMA_VERSION + 1 });
    expect(isReadOnly(newer)).toBe(true);
    expect(readClub(newer).readOnly).toBe(true);
  });
});

describe('migrateClub', () => {
  it('applies the named migrations in order with a migration origin', () => {
    const doc = prototypeDoc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    expect(migrateClub(doc)).toEqual({ ok: true, value: { applied: listMigrations() } });
    expect(origins).toEqual(listMigrations().map((name) => ({ type: 'migration', name })));
    expect(getSchemaStatus(doc)).toEqual({ type: 'current' });
    // Additive: the value the club had set is kept, the missing ones are filled.
    expect(readClub(doc).settings).toEqual({ ...NATIONAL_TARGETS, olderAge: 55 });
  });

  it('does nothing on a current or empty doc', () => {
    const { doc } = newClub();
    const before = Y.encodeStateAsUpdate(doc);
    expect(migrateClub(doc)).toEqual({ ok: true, value: { applied: [] } });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(migrateClub(new Y.Doc())).toEqual({ ok: true, value: { applied: [] } });
  });

  it('refuses a newer doc without writing', () => {
    const doc = new Y.Doc();
    metaMap(doc).set('schemaVersion', 7);
    const before = Y.encodeStateAsUpdate(doc);
    expect(migrateClub(doc)).toEqual({ ok: false, error: { type: 'newer', version: 7 } });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('is idempotent when two offline devices migrate the same doc', () => {
    const peers = forkPeers(prototypeDoc(), 2);
    for (const peer of peers) migrateClub(peer);
    const view = expectConvergence(peers);
    expect(view.schemaVersion).toBe(SCHEMA_VERSION);
    expect(view.settings).toEqual({ ...NATIONAL_TARGETS, olderAge: 55 });
  });
});
