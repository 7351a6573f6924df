import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alice, bob, value } from '../../test/fixtures';
import {
  CLUB,
  expectMinutesConvergence,
  forkMinutes,
  LAN,
  MEETING,
  newMinutes,
} from '../../test/minutes-fixtures';
import { deliver } from '../../test/peers';
import { createHealth, recordHealthCheck } from '../health/health-commands';
import { healthMeta, healthSettings } from '../health/health-layout';
import { getHealthSchemaStatus, HEALTH_DOC_SCHEMA, migrateHealth } from '../health/health-migrations';
import { readHealth } from '../health/read-health';
import { addAgendaItem } from '../minutes/agenda-commands';
import { updateMinutesHeader } from '../minutes/minutes-commands';
import { createMinutesDoc, headerMap, minutesMeta } from '../minutes/minutes-layout';
import {
  getMinutesSchemaStatus,
  listMinutesMigrations,
  MINUTES_DOC_SCHEMA,
  migrateMinutes,
} from '../minutes/minutes-migrations';
import { readMinutes } from '../minutes/read-minutes';
import { type DocSchema, migrateDoc } from './doc-schema';
import { CLUB_DOC_SCHEMA } from './migrations';

/** Minutes stored before the version was: the meta and content of version 1, no `schemaVersion`. */
function unversionedMinutes(): Y.Doc {
  const doc = newMinutes();
  doc.transact(() => minutesMeta(doc).delete('schemaVersion'), { type: 'remote', source: 'old-build' });
  value(addAgendaItem(doc, { title: 'Báo cáo quỹ' }, alice));
  return doc;
}

function unversionedHealth(): Y.Doc {
  const doc = new Y.Doc();
  value(createHealth(doc, { clubId: CLUB }, alice));
  value(
    recordHealthCheck(doc, { meetingId: MEETING, memberId: LAN, weightKg: 50, takenAt: '2026-03-20' }, alice),
  );
  doc.transact(() => healthMeta(doc).delete('schemaVersion'), { type: 'remote', source: 'old-build' });
  return doc;
}

/**
 * The shared runner with a hypothetical next version appended, as the next real step would be: it
 * fills a missing value with one that is equal on every tablet.
 */
function withNextStep(schema: DocSchema, name: string, run: (doc: Y.Doc) => void): DocSchema {
  return {
    ...schema,
    version: schema.version + 1,
    migrations: [...schema.migrations, { name, to: schema.version + 1, run }],
  };
}

const minutesV2 = withNextStep(MINUTES_DOC_SCHEMA, 'minutes-0003-recipients', (doc) => {
  if (!headerMap(doc).has('recipients')) headerMap(doc).set('recipients', '- Lưu: CLB');
});

function origins(doc: Y.Doc): unknown[] {
  const seen: unknown[] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => seen.push(tr.origin));
  return seen;
}

describe('every doc kind has a migration list that reaches its version', () => {
  it.each([
    ['club', CLUB_DOC_SCHEMA],
    ['minutes', MINUTES_DOC_SCHEMA],
    ['health', HEALTH_DOC_SCHEMA],
  ] as const)('%s', (_, schema) => {
    expect(schema.migrations.at(-1)?.to).toBe(schema.version);
    const targets = schema.migrations.map((m) => m.to);
    expect(targets).toEqual([...targets].sort((a, b) => a - b));
  });
});

describe('minutes migrations', () => {
  it('report empty, current, outdated and newer minutes', () => {
    expect(getMinutesSchemaStatus(createMinutesDoc())).toEqual({ type: 'empty' });
    expect(getMinutesSchemaStatus(newMinutes())).toEqual({ type: 'current' });
    expect(getMinutesSchemaStatus(unversionedMinutes())).toEqual({ type: 'outdated', from: 0 });
    const newer = newMinutes();
    minutesMeta(newer).set('schemaVersion', MINUTES_DOC_SCHEMA.version + 1);
    expect(getMinutesSchemaStatus(newer)).toEqual({ type: 'newer', version: MINUTES_DOC_SCHEMA.version + 1 });
  });

  it('run each step in its own transaction with a migration origin, keeping the content', () => {
    const doc = unversionedMinutes();
    const seen = origins(doc);
    expect(migrateMinutes(doc)).toEqual({ ok: true, value: { applied: listMinutesMigrations() } });
    expect(seen).toEqual([
      { type: 'migration', name: 'minutes-0001-schema-version' },
      { type: 'migration', name: 'minutes-0002-shared-text' },
    ]);
    expect(getMinutesSchemaStatus(doc)).toEqual({ type: 'current' });
    expect(readMinutes(doc).agenda.map((a) => a.title)).toEqual(['Báo cáo quỹ']);

    const next = unversionedMinutes();
    const nextSeen = origins(next);
    expect(migrateDoc(next, minutesV2)).toEqual({
      ok: true,
      value: { applied: [...listMinutesMigrations(), 'minutes-0003-recipients'] },
    });
    expect(nextSeen.map((o) => (o as { name: string }).name)).toEqual([
      ...listMinutesMigrations(),
      'minutes-0003-recipients',
    ]);
    expect(minutesMeta(next).get('schemaVersion')).toBe(3);
  });

  it('leave current and empty minutes untouched', () => {
    for (const doc of [newMinutes(), createMinutesDoc()]) {
      const before = Y.encodeStateAsUpdate(doc);
      expect(migrateMinutes(doc)).toEqual({ ok: true, value: { applied: [] } });
      expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    }
  });

  it('leave minutes from a newer version untouched and read-only', () => {
    const doc = newMinutes();
    doc.transact(() => minutesMeta(doc).set('schemaVersion', 9), { type: 'remote', source: 'newer-peer' });
    const before = Y.encodeStateAsUpdate(doc);
    expect(migrateMinutes(doc)).toEqual({ ok: false, error: { type: 'newer', version: 9 } });
    expect(migrateDoc(doc, minutesV2)).toEqual({ ok: false, error: { type: 'newer', version: 9 } });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(readMinutes(doc).readOnly).toBe(true);
    expect(addAgendaItem(doc, { title: 'Không được' }, alice)).toEqual({
      ok: false,
      error: { type: 'readOnly' },
    });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('converge when two tablets migrate the same minutes offline and then exchange updates', () => {
    const [a, b] = forkMinutes(unversionedMinutes(), 2) as [Y.Doc, Y.Doc];
    // Each tablet edits, then opens the minutes with the next build (a version-3 doc is read-only
    // to this build's commands, so the edits come first).
    value(updateMinutesHeader(a, { place: 'Nhà ông Hùng' }, alice));
    value(addAgendaItem(b, { title: 'Thăm hỏi' }, bob));
    value(migrateDoc(a, minutesV2));
    value(migrateDoc(b, minutesV2));
    const view = expectMinutesConvergence([a, b]);
    deliver(a, b);
    deliver(b, a);
    expect(readMinutes(a)).toEqual(readMinutes(b));
    expect(a.getMap('meta').toJSON()).toEqual(b.getMap('meta').toJSON());
    expect(minutesMeta(a).get('schemaVersion')).toBe(3);
    expect(view.header).toMatchObject({ place: 'Nhà ông Hùng', recipients: '- Lưu: CLB' });
    expect(view.agenda.map((i) => i.title)).toEqual(['Báo cáo quỹ', 'Thăm hỏi']);
    // Both tablets migrated: after the exchange neither has anything left to do.
    expect(migrateDoc(a, minutesV2)).toEqual({ ok: true, value: { applied: [] } });
    expect(migrateDoc(b, minutesV2)).toEqual({ ok: true, value: { applied: [] } });
  });
});

describe('health migrations', () => {
  const healthNext = withNextStep(HEALTH_DOC_SCHEMA, 'health-0003-threshold-defaults', (doc) => {
    if (!healthSettings(doc).has('highSystolic')) healthSettings(doc).set('highSystolic', 140);
  });

  it('report the status and record the version of an unversioned health doc', () => {
    expect(getHealthSchemaStatus(new Y.Doc())).toEqual({ type: 'empty' });
    const doc = unversionedHealth();
    expect(getHealthSchemaStatus(doc)).toEqual({ type: 'outdated', from: 0 });
    const seen = origins(doc);
    const steps = ['health-0001-schema-version', 'health-0002-locks-and-writes'];
    expect(migrateHealth(doc)).toEqual({ ok: true, value: { applied: steps } });
    expect(seen).toEqual(steps.map((name) => ({ type: 'migration', name })));
    expect(getHealthSchemaStatus(doc)).toEqual({ type: 'current' });
    expect(readHealth(doc).checks).toHaveLength(1);
  });

  it('leave a health doc from a newer version untouched and read-only', () => {
    const doc = unversionedHealth();
    doc.transact(() => healthMeta(doc).set('schemaVersion', 4), { type: 'remote', source: 'newer-peer' });
    const before = Y.encodeStateAsUpdate(doc);
    expect(migrateHealth(doc)).toEqual({ ok: false, error: { type: 'newer', version: 4 } });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(readHealth(doc).readOnly).toBe(true);
  });

  it('converge when two tablets migrate the same health doc offline and then exchange updates', () => {
    const origin = unversionedHealth();
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    Y.applyUpdate(a, Y.encodeStateAsUpdate(origin));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(origin));
    value(
      recordHealthCheck(
        b,
        { meetingId: MEETING, memberId: LAN, glucoseMmol: 6.2, takenAt: '2026-03-20' },
        bob,
      ),
    );
    value(migrateDoc(a, healthNext));
    value(migrateDoc(b, healthNext));
    deliver(a, b);
    deliver(b, a);
    expect(readHealth(a)).toEqual(readHealth(b));
    expect(readHealth(a)).toMatchObject({ schemaVersion: 3, thresholds: { highSystolic: 140 } });
    expect(readHealth(a).checks[0]).toMatchObject({ weightKg: 50, glucoseMmol: 6.2 });
    expect(migrateDoc(a, healthNext)).toEqual({ ok: true, value: { applied: [] } });
  });
});
