import fc from 'fast-check';
import * as Y from 'yjs';
import { markFollowedUp } from '../src/health/follow-ups';
import {
  clearHealthCheck,
  createHealth,
  eraseMemberHealthData,
  recordHealthCheck,
  updateHealthThresholds,
} from '../src/health/health-commands';
import { resolveHealthConflict } from '../src/health/health-conflicts';
import { checksMap } from '../src/health/health-layout';
import { followMinutesApproval } from '../src/health/health-locks';
import { readHealth } from '../src/health/read-health';
import { recordVisitHealthNote } from '../src/health/visit-notes';
import type { MeetingId, MemberId } from '../src/ids/ids';
import { alice, bob, value } from './fixtures';
import { CLUB, HUNG, LAN, MAI } from './minutes-fixtures';
import { deliver } from './peers';

/**
 * Random two-peer scenarios for the health follower (the model's and the client's store): every command a
 * health doc takes, on three meetings and three members so that writes meet, keys no command writes, and
 * deliveries between the peers in any order.
 */

export const MEETINGS = ['meeting-2026-01', 'meeting-2026-02', 'meeting-2026-03'] as MeetingId[];
export const MEMBERS = [LAN, HUNG, MAI] as MemberId[];

export function startDoc(): Y.Doc {
  const doc = new Y.Doc();
  value(createHealth(doc, { clubId: CLUB }, alice));
  return doc;
}

const pick = <T>(items: readonly T[]) =>
  fc.integer({ min: 0, max: items.length - 1 }).map((i) => items[i] as T);
const meeting = pick(MEETINGS);
const member = pick(MEMBERS);
const at = fc.integer({ min: 0, max: 59 }).map((m) => `2026-03-20T09:${String(m).padStart(2, '0')}:00.000Z`);
export type Write = (doc: Y.Doc) => void;
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
export const healthStep = fc.oneof(
  fc.tuple(fc.constantFrom(0, 1), write).map(([peer, w]) => ({ peer, w })),
  fc.constantFrom(0, 1).map((peer) => ({ peer, w: null })),
);

export type HealthStep = typeof healthStep extends fc.Arbitrary<infer S> ? S : never;

/** Two peers that share a new health doc. */
export function healthPeers(): [Y.Doc, Y.Doc] {
  const start = startDoc();
  return [0, 1].map(() => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(start));
    return doc;
  }) as [Y.Doc, Y.Doc];
}

/** Runs one step on `peers`; returns the peer it changed. */
export function applyHealthStep(peers: readonly [Y.Doc, Y.Doc], { peer, w }: HealthStep): Y.Doc {
  const doc = peers[peer];
  if (w === null) deliver(peers[1 - peer] as Y.Doc, doc);
  else w(doc);
  return doc;
}
