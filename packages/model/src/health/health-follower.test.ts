import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alice, bob, value } from '../../test/fixtures';
import { CLUB, HUNG, LAN, MAI } from '../../test/minutes-fixtures';
import { deliver } from '../../test/peers';
import type { MeetingId, MemberId } from '../ids/ids';
import { markFollowedUp } from './follow-ups';
import {
  clearHealthCheck,
  createHealth,
  eraseMemberHealthData,
  recordHealthCheck,
  updateHealthThresholds,
} from './health-commands';
import { resolveHealthConflict } from './health-conflicts';
import { followHealth } from './health-follower';
import { checksMap } from './health-layout';
import { followMinutesApproval } from './health-locks';
import { readHealth } from './read-health';
import { recordVisitHealthNote } from './visit-notes';

const MEETINGS = ['meeting-2026-01', 'meeting-2026-02', 'meeting-2026-03'] as MeetingId[];
const MEMBERS = [LAN, HUNG, MAI] as MemberId[];

function startDoc(): Y.Doc {
  const doc = new Y.Doc();
  value(createHealth(doc, { clubId: CLUB }, alice));
  return doc;
}

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

const pick = <T>(items: readonly T[]) =>
  fc.integer({ min: 0, max: items.length - 1 }).map((i) => items[i] as T);
const meeting = pick(MEETINGS);
const member = pick(MEMBERS);
const at = fc.integer({ min: 0, max: 59 }).map((m) => `2026-03-20T09:${String(m).padStart(2, '0')}:00.000Z`);
type Write = (doc: Y.Doc) => void;
const origin = fc.constantFrom(alice, bob);
/** Every kind of change a health doc takes, each a model command (the result may be a refusal: a lock). */
const write: fc.Arbitrary<Write> = fc.oneof(
  fc
    .tuple(
      meeting,
      member,
      fc.integer({ min: 40, max: 90 }),
      fc.option(fc.integer({ min: 90, max: 180 })),
      at,
      origin,
    )
    .map(([meetingId, memberId, weightKg, systolic, recordedAt, by]) => (doc: Y.Doc) => {
      recordHealthCheck(
        doc,
        {
          meetingId,
          memberId,
          takenAt: '2026-03-20',
          weightKg,
          systolic,
          diastolic: systolic && 80,
          recordedAt,
        },
        by,
      );
    }),
  fc.tuple(meeting, member).map(([meetingId, memberId]) => (doc: Y.Doc) => {
    clearHealthCheck(doc, { meetingId, memberId }, alice);
  }),
  fc.tuple(meeting, member).map(([meetingId, memberId]) => (doc: Y.Doc) => {
    const conflict = readHealth(doc).checks.find((c) => c.meetingId === meetingId && c.memberId === memberId)
      ?.conflicts?.[0];
    const writeId = conflict?.options[0]?.id;
    if (conflict && writeId)
      resolveHealthConflict(
        doc,
        { meetingId, memberId, field: conflict.field, writeId },
        alice,
        '2026-03-21',
      );
  }),
  fc.tuple(meeting, member).map(([meetingId, memberId]) => (doc: Y.Doc) => {
    markFollowedUp(doc, { meetingId, memberId, on: '2026-03-22' }, bob);
  }),
  fc.tuple(meeting, fc.boolean()).map(([meetingId, approved]) => (doc: Y.Doc) => {
    followMinutesApproval(
      doc,
      { meetingId, approvedAt: approved ? '2026-03-21' : null, reopenings: 0 },
      alice,
    );
  }),
  fc.integer({ min: 120, max: 160 }).map((highSystolic) => (doc: Y.Doc) => {
    updateHealthThresholds(doc, { highSystolic }, alice);
  }),
  member.map((memberId) => (doc: Y.Doc) => {
    recordVisitHealthNote(
      doc,
      { visitId: `visit-${memberId}`, memberId, date: '2026-03-23', note: 'Khỏe' },
      bob,
    );
  }),
  member.map((memberId) => (doc: Y.Doc) => {
    eraseMemberHealthData(doc, memberId, alice);
  }),
  // Keys the model never writes: the follower must leave them out as the full read does.
  fc.constantFrom('bad/key', 'x/y/weightKg', `${MEETINGS[0]}/${LAN}/unknown`).map((key) => (doc: Y.Doc) => {
    doc.transact(() => checksMap(doc).set(key, 1), alice);
  }),
);
/** A step: a write on one of the two peers, or one peer receiving what it lacks from the other. */
const step = fc.oneof(
  fc.tuple(fc.constantFrom(0, 1), write).map(([peer, w]) => ({ peer, w })),
  fc.constantFrom(0, 1).map((peer) => ({ peer, w: null })),
);

describe('followHealth', () => {
  it('equals a full read after random writes on two peers delivered in random orders', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const start = startDoc();
        const peers = [0, 1].map(() => {
          const doc = new Y.Doc();
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(start));
          return doc;
        }) as [Y.Doc, Y.Doc];
        const followers = peers.map((doc) => followHealth(doc));
        for (const { peer, w } of steps) {
          const doc = peers[peer] as Y.Doc;
          if (w === null) deliver(peers[1 - peer] as Y.Doc, doc);
          else w(doc);
          followers[peer]?.flush();
          expect(followers[peer]?.view()).toEqual(readHealth(doc));
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
