import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alice, bob, value } from '../../test/fixtures';
import { AT, CLUB, HUNG, LAN, MEETING, newMinutes } from '../../test/minutes-fixtures';
import { deliver, permutations } from '../../test/peers';
import type { MeetingId } from '../ids/ids';
import { approveMinutes, reopenMinutes } from '../minutes/approval';
import { readMinutes } from '../minutes/read-minutes';
import { clearHealthCheck, createHealth, eraseMemberHealthData, recordHealthCheck } from './health-commands';
import { followMinutesApproval, isHealthLocked } from './health-locks';
import { listHealthChecks, readHealth } from './read-health';

const OTHER = 'meeting-2026-02' as MeetingId;
const LATER = '2026-03-21T09:00:00.000Z';
const weigh = (weightKg: number, meetingId: MeetingId = MEETING) => ({
  meetingId,
  memberId: LAN,
  takenAt: '2026-03-20',
  weightKg,
});

function newHealth(): Y.Doc {
  const doc = new Y.Doc();
  value(createHealth(doc, { clubId: CLUB }, alice));
  return doc;
}

/** Real minutes, approved by their secretary and chair. */
function approvedMinutes(): Y.Doc {
  const minutes = newMinutes();
  value(approveMinutes(minutes, { role: 'secretary', by: HUNG, at: AT }, bob));
  value(approveMinutes(minutes, { role: 'chair', by: LAN, at: LATER }, alice));
  return minutes;
}

/** What the minutes page hands the health doc after every change of the minutes. */
function follow(health: Y.Doc, minutes: Y.Doc) {
  const view = readMinutes(minutes);
  return value(
    followMinutesApproval(
      health,
      {
        meetingId: view.meetingId as MeetingId,
        approvedAt: view.approval.approvedAt,
        reopenings: view.reopenings.length,
      },
      alice,
    ),
  );
}

const refused = { ok: false, error: { type: 'approved' } };

describe('health values lock with their approved minutes', () => {
  it('refuses every change to an approved meeting’s measurements and writes nothing', () => {
    const health = newHealth();
    value(recordHealthCheck(health, weigh(52), alice));
    expect(follow(health, approvedMinutes())).toBe(true);
    expect(isHealthLocked(health, MEETING)).toBe(true);
    const before = Y.encodeStateAsUpdate(health);
    expect(recordHealthCheck(health, weigh(55), alice)).toEqual(refused);
    expect(recordHealthCheck(health, { ...weigh(55), memberId: HUNG }, alice)).toEqual(refused);
    expect(clearHealthCheck(health, { meetingId: MEETING, memberId: LAN }, alice)).toEqual(refused);
    expect(Y.encodeStateAsUpdate(health)).toEqual(before);
    expect(listHealthChecks(readHealth(health), MEETING).map((c) => c.weightKg)).toEqual([52]);
    expect(readHealth(health).locks).toEqual({ [MEETING]: { approvedAt: LATER, reopenings: 0 } });
    // Another meeting is not locked, and an erasure (the law's) still reaches the locked one.
    value(recordHealthCheck(health, weigh(51, OTHER), alice));
    value(eraseMemberHealthData(health, LAN, alice));
    expect(readHealth(health).checks).toEqual([]);
  });

  it('writes the lock once: following the same approval again writes nothing', () => {
    const health = newHealth();
    const minutes = approvedMinutes();
    follow(health, minutes);
    const updates: Uint8Array[] = [];
    health.on('update', (u: Uint8Array) => updates.push(u));
    expect(follow(health, minutes)).toBe(false);
    expect(updates).toEqual([]);
  });

  it('opens again when the minutes are reopened, and locks again when they are approved again', () => {
    const health = newHealth();
    const minutes = approvedMinutes();
    follow(health, minutes);
    value(reopenMinutes(minutes, { by: LAN, at: LATER, reason: 'Sửa cân nặng' }, alice));
    expect(follow(health, minutes)).toBe(true);
    expect(isHealthLocked(health, MEETING)).toBe(false);
    value(recordHealthCheck(health, weigh(53), alice));
    value(approveMinutes(minutes, { role: 'secretary', by: HUNG, at: '2026-03-22T08:00:00.000Z' }, bob));
    value(approveMinutes(minutes, { role: 'chair', by: LAN, at: '2026-03-22T09:00:00.000Z' }, alice));
    expect(follow(health, minutes)).toBe(true);
    expect(readHealth(health).locks).toEqual({
      [MEETING]: { approvedAt: '2026-03-22T09:00:00.000Z', reopenings: 1 },
    });
    expect(recordHealthCheck(health, weigh(54), alice)).toEqual(refused);
  });

  it('keeps a value written offline before the lock arrived, then refuses the next one on both tablets', () => {
    const start = newHealth();
    value(recordHealthCheck(start, weigh(52), alice));
    const minutes = approvedMinutes();
    for (const order of permutations(['a', 'b'])) {
      const a = new Y.Doc();
      const b = new Y.Doc();
      Y.applyUpdate(a, Y.encodeStateAsUpdate(start));
      Y.applyUpdate(b, Y.encodeStateAsUpdate(start));
      follow(a, minutes);
      // Tablet B has not heard of the approval: its weighing is written.
      value(recordHealthCheck(b, { ...weigh(60), memberId: HUNG }, bob));
      const [first, second] = order[0] === 'a' ? [a, b] : [b, a];
      deliver(first, second);
      deliver(second, first);
      expect(readHealth(a)).toEqual(readHealth(b));
      expect(listHealthChecks(readHealth(a), MEETING).map((c) => c.weightKg)).toEqual([60, 52]);
      expect(recordHealthCheck(a, weigh(53), alice)).toEqual(refused);
      expect(recordHealthCheck(b, weigh(53), bob)).toEqual(refused);
    }
  });

  it('agrees on one lock when two tablets follow the same approval at once', () => {
    const minutes = approvedMinutes();
    const a = newHealth();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    follow(a, minutes);
    follow(b, minutes);
    deliver(a, b);
    deliver(b, a);
    expect(readHealth(a).locks).toEqual({ [MEETING]: { approvedAt: LATER, reopenings: 0 } });
    expect(readHealth(b)).toEqual(readHealth(a));
  });

  it('is never lifted or replaced by a tablet whose minutes are older than the lock', () => {
    const health = newHealth();
    const draft = newMinutes();
    const minutes = new Y.Doc({ gc: false });
    Y.applyUpdate(minutes, Y.encodeStateAsUpdate(draft));
    value(approveMinutes(minutes, { role: 'secretary', by: HUNG, at: AT }, bob));
    value(approveMinutes(minutes, { role: 'chair', by: LAN, at: LATER }, alice));
    follow(health, minutes);
    // A tablet that was offline at the approval still holds the draft: it opens nothing.
    expect(follow(health, draft)).toBe(false);
    expect(isHealthLocked(health, MEETING)).toBe(true);
    // Reopened and approved again; the minutes of the first approval do not bring the old lock back.
    const first = new Y.Doc({ gc: false });
    Y.applyUpdate(first, Y.encodeStateAsUpdate(minutes));
    value(reopenMinutes(minutes, { by: LAN, at: '2026-03-22T08:00:00.000Z', reason: 'Sửa' }, alice));
    value(approveMinutes(minutes, { role: 'secretary', by: HUNG, at: '2026-03-22T08:30:00.000Z' }, bob));
    value(approveMinutes(minutes, { role: 'chair', by: LAN, at: '2026-03-22T09:00:00.000Z' }, alice));
    follow(health, minutes);
    expect(follow(health, first)).toBe(false);
    expect(readHealth(health).locks?.[MEETING]).toEqual({
      approvedAt: '2026-03-22T09:00:00.000Z',
      reopenings: 1,
    });
  });
});
