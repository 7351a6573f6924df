import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { alice, bob, value } from '../../test/fixtures';
import {
  applyHealthStep,
  healthPeers,
  healthStep,
  MEETINGS,
  MEMBERS,
  startDoc,
} from '../../test/health-scenario';
import { LAN } from '../../test/minutes-fixtures';
import { deliver } from '../../test/peers';
import type { MeetingId, MemberId } from '../ids/ids';
import type { CheckScope } from './check-index';
import { recordHealthCheck, updateHealthThresholds } from './health-commands';
import { followHealth } from './health-follower';
import { readHealth } from './read-health';

/** A health doc of `meetings` months with `members` members weighed at each. */
function yearsOf(meetings: number, members: number): Y.Doc {
  const doc = startDoc();
  doc.transact(() => {
    for (let m = 0; m < meetings; m++)
      for (let i = 0; i < members; i++) {
        const meetingId = `meeting-m${String(m).padStart(4, '0')}` as MeetingId;
        const memberId = `member-${String(i).padStart(6, '0')}` as MemberId;
        value(
          recordHealthCheck(doc, { meetingId, memberId, takenAt: '2026-03-20', weightKg: 50 + i }, alice),
        );
      }
  }, alice);
  return doc;
}

/** What a follower of `scope` must show: the full read with that scope's checks alone. */
function scopedRead(doc: Y.Doc, scope: CheckScope) {
  const view = readHealth(doc);
  const checks = view.checks.filter((c) =>
    'meetingId' in scope ? c.meetingId === scope.meetingId : c.memberId === scope.memberId,
  );
  return { ...view, checks };
}

const SCOPES: CheckScope[] = [
  ...MEETINGS.map((meetingId) => ({ meetingId })),
  ...MEMBERS.map((memberId) => ({ memberId })),
];

describe('followHealth', () => {
  it('equals a full read after random writes on two peers delivered in random orders', () => {
    fc.assert(
      fc.property(fc.array(healthStep, { maxLength: 30 }), (steps) => {
        const peers = healthPeers();
        const followers = peers.map((doc) => followHealth(doc));
        for (const step of steps) {
          const doc = applyHealthStep(peers, step);
          followers[step.peer]?.flush();
          expect(followers[step.peer]?.view()).toEqual(readHealth(doc));
        }
        deliver(peers[0], peers[1]);
        deliver(peers[1], peers[0]);
        peers.forEach((doc, i) => {
          followers[i]?.flush();
          expect(followers[i]?.view()).toEqual(readHealth(doc));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('with a scope (one meeting, one member), equals the full read of that scope, opened early or late', () => {
    fc.assert(
      fc.property(fc.array(healthStep, { maxLength: 30 }), fc.nat(30), (steps, lateAt) => {
        const peers = healthPeers();
        // Followers from the start, on both peers, and followers opened after `lateAt` steps on peer 0.
        const early = peers.map((doc) => SCOPES.map((scope) => followHealth(doc, () => {}, scope)));
        let late: ReturnType<typeof followHealth>[] = [];
        const check = () =>
          peers.forEach((doc, p) => {
            for (const [i, scope] of SCOPES.entries()) {
              early[p]?.[i]?.flush();
              expect(early[p]?.[i]?.view()).toEqual(scopedRead(doc, scope));
            }
          });
        steps.forEach((step, n) => {
          if (n === lateAt) late = SCOPES.map((scope) => followHealth(peers[0], () => {}, scope));
          applyHealthStep(peers, step);
          check();
        });
        deliver(peers[0], peers[1]);
        deliver(peers[1], peers[0]);
        check();
        for (const [i, scope] of SCOPES.entries()) {
          late[i]?.flush();
          if (late[i]) expect(late[i]?.view()).toEqual(scopedRead(peers[0], scope));
          // And one opened now reads the same.
          expect(followHealth(peers[1], () => {}, scope).view()).toEqual(scopedRead(peers[1], scope));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('reads one meeting’s checks, not the years, when opened with a scope', () => {
    const doc = yearsOf(60, 60);
    const meetingId = 'meeting-m0059' as MeetingId;
    const view = followHealth(doc, () => {}, { meetingId }).view();
    expect(view.checks).toHaveLength(60);
    expect(view).toEqual(scopedRead(doc, { meetingId }));
    const memberId = 'member-000007' as MemberId;
    expect(
      followHealth(doc, () => {}, { memberId })
        .view()
        .checks.map((c) => c.meetingId),
    ).toHaveLength(60);
  });

  it('validates one check, not the years, when a value is typed', () => {
    const doc = yearsOf(60, 60);
    const follower = followHealth(doc);
    const meetingId = 'meeting-m0059' as MeetingId;
    const memberId = 'member-000007' as MemberId;
    value(
      recordHealthCheck(
        doc,
        { meetingId, memberId, takenAt: '2026-03-20', systolic: 150, diastolic: 95 },
        bob,
      ),
    );
    const changes = follower.flush();
    expect(changes.validated).toBe(1);
    expect(changes.rest).toBeNull();
    expect(changes.checks.order).toBeNull();
    expect(changes.checks.changed).toEqual([
      expect.objectContaining({ memberId, weightKg: 57, systolic: 150 }),
    ]);
    expect(follower.view()).toEqual(readHealth(doc));
  });

  it('reports the new order when a check comes or goes, and the rest when a threshold changes', () => {
    const doc = yearsOf(2, 2);
    const follower = followHealth(doc);
    value(
      recordHealthCheck(
        doc,
        { meetingId: MEETINGS[0] as MeetingId, memberId: LAN, takenAt: '2026-03-20', weightKg: 50 },
        alice,
      ),
    );
    expect(follower.flush().checks.order).toEqual([
      'meeting-2026-01/member-lan-0001',
      'meeting-m0000/member-000000',
      'meeting-m0000/member-000001',
      'meeting-m0001/member-000000',
      'meeting-m0001/member-000001',
    ]);
    value(updateHealthThresholds(doc, { highSystolic: 150 }, alice));
    const changes = follower.flush();
    expect(changes.rest?.thresholds.highSystolic).toBe(150);
    expect(changes.validated).toBe(0);
    expect(follower.view()).toEqual(readHealth(doc));
  });

  it('calls onChange once per batch and nothing after stop', () => {
    const doc = startDoc();
    let calls = 0;
    const follower = followHealth(doc, () => calls++);
    const input = { meetingId: MEETINGS[0] as MeetingId, memberId: LAN, takenAt: '2026-03-20' };
    value(recordHealthCheck(doc, { ...input, weightKg: 50 }, alice));
    value(recordHealthCheck(doc, { ...input, weightKg: 51 }, alice));
    expect(calls).toBe(1);
    follower.flush();
    follower.stop();
    value(recordHealthCheck(doc, { ...input, weightKg: 52 }, alice));
    expect(calls).toBe(1);
    expect(follower.pending()).toBe(false);
  });
});
