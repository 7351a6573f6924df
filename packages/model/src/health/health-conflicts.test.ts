import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alice, bob, carol, value } from '../../test/fixtures';
import { CLUB, HUNG, LAN, MEETING } from '../../test/minutes-fixtures';
import { deliver, permutations } from '../../test/peers';
import {
  createHealth,
  eraseMemberHealthData,
  type HealthCheckInput,
  recordHealthCheck,
} from './health-commands';
import { resolveHealthConflict } from './health-conflicts';
import { checksMap } from './health-layout';
import { followMinutesApproval } from './health-locks';
import { type HealthCheck, readHealth } from './read-health';

const at = (time: string) => `2026-03-20T${time}:00.000Z`;
const check = (values: Partial<HealthCheckInput>, time: string): HealthCheckInput => ({
  meetingId: MEETING,
  memberId: LAN,
  takenAt: '2026-03-20',
  recordedAt: at(time),
  ...values,
});

/** A health doc with Lan weighed at 52 and copies of it for `count` tablets, all holding that much. */
function tablets(count: number): Y.Doc[] {
  const start = new Y.Doc();
  value(createHealth(start, { clubId: CLUB }, alice));
  value(recordHealthCheck(start, check({ weightKg: 52 }, '09:30'), alice));
  return Array.from({ length: count }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(start));
    return doc;
  });
}

function replica(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Lan's check on every replica after the tablets exchange their updates in every order; all must agree. */
function exchanged(docs: readonly Y.Doc[]): HealthCheck | undefined {
  const seen: (HealthCheck | undefined)[] = [];
  docs.forEach((doc, i) => {
    for (const order of permutations(docs.filter((_, j) => j !== i))) {
      const copy = replica(doc);
      for (const other of order) deliver(other, copy);
      seen.push(readHealth(copy).checks.find((c) => c.memberId === LAN));
    }
  });
  for (const other of seen) expect(other).toEqual(seen[0]);
  return seen[0];
}

/** Every tablet gets every other's updates (all tablets then hold the same). */
function syncAll(docs: readonly Y.Doc[]): void {
  for (const from of docs) for (const to of docs) if (from !== to) deliver(from, to);
}

describe('a measurement two tablets set differently while apart', () => {
  it('keeps both values, with who and when, in every order the updates travel', () => {
    const [a, b] = tablets(2) as [Y.Doc, Y.Doc];
    value(recordHealthCheck(a, check({ weightKg: 52.5 }, '10:02'), alice));
    value(recordHealthCheck(b, check({ weightKg: 55 }, '10:05'), bob));
    const lan = exchanged([a, b]);
    expect(lan?.conflicts).toEqual([
      {
        field: 'weightKg',
        options: [
          { id: expect.any(String), value: 52.5, by: 'alice', name: 'Lan', at: at('10:02') },
          { id: expect.any(String), value: 55, by: 'bob', name: 'Hùng', at: at('10:05') },
        ],
      },
    ]);
    // Yjs picked one of the two as the value; the other is still offered.
    expect([52.5, 55]).toContain(lan?.weightKg);
  });

  it('flags each of three tablets’ values, and blood pressure per number', () => {
    const [a, b, c] = tablets(3) as [Y.Doc, Y.Doc, Y.Doc];
    value(recordHealthCheck(a, check({ weightKg: 52.5, systolic: 130, diastolic: 80 }, '10:02'), alice));
    value(recordHealthCheck(b, check({ weightKg: 55, systolic: 130, diastolic: 85 }, '10:05'), bob));
    value(recordHealthCheck(c, check({ weightKg: 53 }, '10:07'), carol));
    const lan = exchanged([a, b, c]);
    expect(lan?.conflicts?.map((f) => [f.field, f.options.map((o) => o.value)])).toEqual([
      ['weightKg', [52.5, 55, 53]],
      ['diastolic', [80, 85]],
    ]);
  });

  it('never flags a value only one tablet changed, one set the same twice, or one changed after seeing the other', () => {
    const [a, b] = tablets(2) as [Y.Doc, Y.Doc];
    value(recordHealthCheck(a, check({ weightKg: 52.5 }, '10:02'), alice));
    value(recordHealthCheck(b, check({ systolic: 120, diastolic: 80 }, '10:03'), bob));
    expect(exchanged([a, b])?.conflicts).toBeUndefined();

    value(recordHealthCheck(a, check({ glucoseMmol: 6.1 }, '10:04'), alice));
    value(recordHealthCheck(b, check({ glucoseMmol: 6.1 }, '10:04'), bob));
    expect(exchanged([a, b])?.conflicts).toBeUndefined();

    syncAll([a, b]);
    value(recordHealthCheck(b, check({ weightKg: 53 }, '10:06'), bob));
    expect(exchanged([a, b])).toMatchObject({ weightKg: 53, systolic: 120, glucoseMmol: 6.1 });
    expect(exchanged([a, b])?.conflicts).toBeUndefined();
  });

  it('is settled on every tablet by one choice, and a choice already overtaken is refused', () => {
    const [a, b, c] = tablets(3) as [Y.Doc, Y.Doc, Y.Doc];
    value(recordHealthCheck(a, check({ weightKg: 52.5 }, '10:02'), alice));
    value(recordHealthCheck(b, check({ weightKg: 55 }, '10:05'), bob));
    syncAll([a, b, c]);
    const options = readHealth(c).checks[0]?.conflicts?.[0]?.options ?? [];
    const [lans, hoas] = options as [(typeof options)[number], (typeof options)[number]];
    value(
      resolveHealthConflict(
        c,
        { meetingId: MEETING, memberId: LAN, field: 'weightKg', writeId: hoas.id },
        carol,
        at('10:10'),
      ),
    );
    // Tablet A chose the other value meanwhile, from what it had seen: both choices name both writes.
    value(
      resolveHealthConflict(
        a,
        { meetingId: MEETING, memberId: LAN, field: 'weightKg', writeId: lans.id },
        alice,
        at('10:11'),
      ),
    );
    const lan = exchanged([a, b, c]);
    expect(lan?.conflicts?.map((f) => f.options.map((o) => o.value))).toEqual([[55, 52.5]]);
    syncAll([a, b, c]);
    const latest = readHealth(b).checks[0]?.conflicts?.[0]?.options.at(-1);
    value(
      resolveHealthConflict(
        b,
        { meetingId: MEETING, memberId: LAN, field: 'weightKg', writeId: latest?.id ?? '' },
        bob,
        at('10:12'),
      ),
    );
    expect(
      resolveHealthConflict(
        b,
        { meetingId: MEETING, memberId: LAN, field: 'weightKg', writeId: lans.id },
        bob,
        at('10:13'),
      ),
    ).toMatchObject({ ok: false, error: { type: 'notFound' } });
    const settled = exchanged([a, b, c]);
    expect(settled?.conflicts).toBeUndefined();
    expect(settled?.weightKg).toBe(latest?.value);
  });

  it('is left as it is once the meeting’s minutes are approved, and erased with the member', () => {
    const [a, b] = tablets(2) as [Y.Doc, Y.Doc];
    value(recordHealthCheck(a, check({ weightKg: 52.5 }, '10:02'), alice));
    value(recordHealthCheck(b, check({ weightKg: 55 }, '10:05'), bob));
    syncAll([a, b]);
    value(followMinutesApproval(a, { meetingId: MEETING, approvedAt: at('11:00'), reopenings: 0 }, alice));
    const writeId = readHealth(a).checks[0]?.conflicts?.[0]?.options[0]?.id ?? '';
    expect(
      resolveHealthConflict(
        a,
        { meetingId: MEETING, memberId: LAN, field: 'weightKg', writeId },
        alice,
        at('11:05'),
      ),
    ).toEqual({ ok: false, error: { type: 'approved' } });

    value(recordHealthCheck(b, check({ memberId: HUNG, weightKg: 60 }, '10:06'), bob));
    value(eraseMemberHealthData(b, LAN, bob));
    expect([...checksMap(b).keys()].filter((key) => key.includes(LAN))).toEqual([]);
    expect(readHealth(b).checks.map((c) => c.memberId)).toEqual([HUNG]);
  });
});
