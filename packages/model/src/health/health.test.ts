import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alice, bob, markNewer, value } from '../../test/fixtures';
import { CLUB, HUNG, LAN, MEETING } from '../../test/minutes-fixtures';
import { deliver } from '../../test/peers';
import type { MeetingId } from '../ids/ids';
import {
  clearHealthCheck,
  createHealth,
  eraseMemberHealthData,
  recordHealthCheck,
  restoreDefaultHealthThresholds,
  updateHealthThresholds,
  validateHealthThresholds,
} from './health-commands';
import { DEFAULT_HEALTH_THRESHOLDS, flagHealthCheck } from './health-flags';
import { checksMap, healthDocName, healthSettings } from './health-layout';
import { listFollowUps, listHealthChecks, readHealth } from './read-health';

const OTHER = 'meeting-2026-02' as MeetingId;
const base = { meetingId: MEETING, memberId: LAN, takenAt: '2026-03-20' };

function newHealth(): Y.Doc {
  const doc = new Y.Doc();
  value(createHealth(doc, { clubId: CLUB }, alice));
  return doc;
}

describe('health checks', () => {
  it('records, corrects and lists checks per meeting', () => {
    const doc = newHealth();
    expect(healthDocName(CLUB)).toBe('club-dong-0001/health');
    value(
      recordHealthCheck(
        doc,
        { ...base, weightKg: 52.5, systolic: 150, diastolic: 95, glucoseMmol: 6.1 },
        alice,
      ),
    );
    value(recordHealthCheck(doc, { ...base, memberId: HUNG, weightKg: 60 }, alice));
    value(recordHealthCheck(doc, { ...base, meetingId: OTHER, glucoseMmol: 12 }, alice));
    value(recordHealthCheck(doc, { ...base, weightKg: 53, glucoseMmol: null }, bob));
    const view = readHealth(doc);
    expect(view).toMatchObject({
      clubId: CLUB,
      schemaVersion: 2,
      readOnly: false,
      thresholds: DEFAULT_HEALTH_THRESHOLDS,
    });
    expect(listHealthChecks(view, MEETING)).toEqual([
      {
        meetingId: MEETING,
        memberId: HUNG,
        weightKg: 60,
        systolic: null,
        diastolic: null,
        glucoseMmol: null,
        takenAt: '2026-03-20',
        takenBy: 'alice',
      },
      {
        meetingId: MEETING,
        memberId: LAN,
        weightKg: 53,
        systolic: 150,
        diastolic: 95,
        glucoseMmol: null,
        takenAt: '2026-03-20',
        takenBy: 'bob',
      },
    ]);
    expect(listHealthChecks(view, OTHER)).toHaveLength(1);
  });

  it('rejects implausible values with numberRange and unpaired blood pressure', () => {
    const doc = newHealth();
    expect(
      recordHealthCheck(
        doc,
        { ...base, weightKg: 520, systolic: 300, diastolic: 20, glucoseMmol: 0.5 },
        alice,
      ),
    ).toEqual({
      ok: false,
      error: {
        type: 'invalid',
        fields: {
          weightKg: 'numberRange',
          systolic: 'numberRange',
          diastolic: 'numberRange',
          glucoseMmol: 'numberRange',
        },
      },
    });
    expect(recordHealthCheck(doc, { ...base, systolic: 130 }, alice)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { diastolic: 'required' } },
    });
    expect(recordHealthCheck(doc, { ...base }, alice)).toMatchObject({
      ok: false,
      error: { fields: { weightKg: 'required' } },
    });
    expect(readHealth(doc).checks).toEqual([]);
  });

  it('clears one check and erases all of a member’s data', () => {
    const doc = newHealth();
    value(recordHealthCheck(doc, { ...base, weightKg: 50 }, alice));
    value(recordHealthCheck(doc, { ...base, meetingId: OTHER, weightKg: 51 }, alice));
    value(recordHealthCheck(doc, { ...base, memberId: HUNG, weightKg: 70 }, alice));
    value(clearHealthCheck(doc, { meetingId: OTHER, memberId: LAN }, alice));
    expect(clearHealthCheck(doc, { meetingId: OTHER, memberId: LAN }, alice)).toMatchObject({
      ok: false,
      error: { type: 'notFound' },
    });
    // The weight, its write record, the day and who took it.
    expect(value(eraseMemberHealthData(doc, LAN, alice))).toBe(4);
    expect(readHealth(doc).checks.map((c) => c.memberId)).toEqual([HUNG]);
    expect([...checksMap(doc).keys()].some((k) => k.includes(LAN))).toBe(false);
  });

  it('keeps a weighing and a blood-pressure reading taken on two tablets at once', () => {
    const [a, b] = [newHealth(), newHealth()];
    value(recordHealthCheck(a, { ...base, weightKg: 48 }, alice));
    value(recordHealthCheck(b, { ...base, systolic: 120, diastolic: 80 }, bob));
    deliver(a, b);
    deliver(b, a);
    expect(readHealth(a)).toEqual(readHealth(b));
    expect(readHealth(a).checks[0]).toMatchObject({ weightKg: 48, systolic: 120, diastolic: 80 });
  });

  it('refuses writes on a newer schema', () => {
    const doc = newHealth();
    markNewer(doc);
    expect(recordHealthCheck(doc, { ...base, weightKg: 50 }, alice)).toEqual({
      ok: false,
      error: { type: 'readOnly' },
    });
  });
});

describe('follow-up flags', () => {
  const check = (systolic: number | null, diastolic: number | null, glucoseMmol: number | null) => ({
    systolic,
    diastolic,
    glucoseMmol,
  });

  it('flags blood pressure and glucose at the default thresholds', () => {
    expect(flagHealthCheck(check(120, 80, 5.5))).toEqual([]);
    expect(flagHealthCheck(check(140, 80, null))).toEqual(['highBloodPressure']);
    expect(flagHealthCheck(check(130, 90, null))).toEqual(['highBloodPressure']);
    expect(flagHealthCheck(check(85, 55, null))).toEqual(['lowBloodPressure']);
    expect(flagHealthCheck(check(null, null, 11.1))).toEqual(['highGlucose']);
    expect(flagHealthCheck(check(null, null, 3.8))).toEqual(['lowGlucose']);
    expect(flagHealthCheck(check(null, null, 3.9))).toEqual([]);
  });

  it('uses the club thresholds for follow-ups', () => {
    const doc = newHealth();
    value(recordHealthCheck(doc, { ...base, systolic: 135, diastolic: 85 }, alice));
    value(recordHealthCheck(doc, { ...base, memberId: HUNG, glucoseMmol: 12.5 }, alice));
    expect(listFollowUps(readHealth(doc)).map((f) => [f.check.memberId, f.flags])).toEqual([
      [HUNG, ['highGlucose']],
    ]);
    value(updateHealthThresholds(doc, { highSystolic: 130 }, alice));
    expect(listFollowUps(readHealth(doc), MEETING)).toHaveLength(2);
    expect(updateHealthThresholds(doc, { lowGlucoseMmol: -1 }, alice)).toMatchObject({ ok: false });
  });
});

describe('health thresholds', () => {
  it('refuses values outside the plausible ranges and writes nothing', () => {
    const doc = newHealth();
    const before = Y.encodeStateAsUpdate(doc);
    expect(
      updateHealthThresholds(
        doc,
        { highSystolic: 1400, lowDiastolic: 0, highGlucoseMmol: Number.NaN, lowGlucoseMmol: 0.39 },
        alice,
      ),
    ).toEqual({
      ok: false,
      error: {
        type: 'invalid',
        fields: {
          highSystolic: 'numberRange',
          lowDiastolic: 'numberRange',
          highGlucoseMmol: 'numberRange',
          lowGlucoseMmol: 'numberRange',
        },
      },
    });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    // The bounds themselves are allowed.
    expect(
      validateHealthThresholds(DEFAULT_HEALTH_THRESHOLDS, { highSystolic: 220, lowGlucoseMmol: 2 }),
    ).toBeNull();
  });

  it('keeps each low threshold below its high one, against the club’s current values', () => {
    const doc = newHealth();
    value(updateHealthThresholds(doc, { highGlucoseMmol: 7 }, alice));
    // 7.0 is inside the low range, but not below the club's high threshold (now 7.0).
    expect(updateHealthThresholds(doc, { lowGlucoseMmol: 7 }, alice)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { lowGlucoseMmol: 'numberOrder', highGlucoseMmol: 'numberOrder' } },
    });
    expect(
      validateHealthThresholds(DEFAULT_HEALTH_THRESHOLDS, { lowSystolic: 120, highSystolic: 110 }),
    ).toEqual({ type: 'invalid', fields: { lowSystolic: 'numberOrder', highSystolic: 'numberOrder' } });
    // Moving both of a pair at once is judged on the new pair.
    value(updateHealthThresholds(doc, { lowSystolic: 100, highSystolic: 130 }, alice));
    expect(readHealth(doc).thresholds).toMatchObject({
      lowSystolic: 100,
      highSystolic: 130,
      highGlucoseMmol: 7,
    });
  });

  it('restores the national defaults by removing the club’s own values', () => {
    const doc = newHealth();
    value(updateHealthThresholds(doc, { highSystolic: 130, highDiastolic: 80, lowGlucoseMmol: 4 }, alice));
    expect(readHealth(doc).thresholds).not.toEqual(DEFAULT_HEALTH_THRESHOLDS);
    const seen: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => seen.push(tr.origin));
    value(restoreDefaultHealthThresholds(doc, alice));
    expect(seen).toEqual([alice]);
    expect(readHealth(doc).thresholds).toEqual(DEFAULT_HEALTH_THRESHOLDS);
    expect([...healthSettings(doc).keys()]).toEqual([]);
  });

  it('refuses threshold changes on a health doc from a newer version', () => {
    const doc = newHealth();
    markNewer(doc);
    const before = Y.encodeStateAsUpdate(doc);
    expect(updateHealthThresholds(doc, { highSystolic: 130 }, alice)).toEqual({
      ok: false,
      error: { type: 'readOnly' },
    });
    expect(restoreDefaultHealthThresholds(doc, alice)).toEqual({ ok: false, error: { type: 'readOnly' } });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
