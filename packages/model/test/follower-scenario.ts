import fc from 'fast-check';
import * as Y from 'yjs';
import type { MeetingId, MemberId } from '../src/ids/ids';
import { remoteOrigin } from '../src/origin/origin';
import { getNested, getRecord, meetingsMap, membersMap, metaMap, settingsMap } from '../src/schema/layout';
import { migrateClub } from '../src/schema/migrations';
import { alice, bob, carol } from './fixtures';
import { deliver, forkPeers } from './peers';
import { type Base, baseClub, command, run } from './random-commands';

/**
 * Random multi-peer scenarios for the change follower (the model's and the client's store): commands
 * from random-commands.ts, single Yjs updates delivered to another peer in any order (Yjs holds back
 * what arrives before its dependencies), full syncs, and what an older or buggy peer may write.
 */

const idx = fc.nat(9);

/** Writes no command makes: an older peer's odd values, records that vanish, a v0 peer and its migration. */
const oddWrite = fc.record({
  kind: fc.constantFrom(
    'legacy',
    'migrate',
    'junkMember',
    'badMark',
    'badGender',
    'badDate',
    'replaceAttendance',
    'dropMeeting',
    'dropMember',
  ),
  k: idx,
  m: idx,
});
type OddWrite = typeof oddWrite extends fc.Arbitrary<infer W> ? W : never;

export const scenarioStep = fc.oneof(
  { weight: 6, arbitrary: fc.record({ peer: fc.nat(2), command }) },
  { weight: 3, arbitrary: fc.record({ from: fc.nat(2), to: fc.nat(2), update: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ from: fc.nat(2), to: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ peer: fc.nat(2), odd: oddWrite }) },
);
export type ScenarioStep = typeof scenarioStep extends fc.Arbitrary<infer S> ? S : never;

function at<T>(items: readonly T[], i: number): T {
  const item = items[i % items.length];
  if (item === undefined) throw new Error('empty');
  return item;
}

function writeOdd(doc: Y.Doc, base: Base, w: OddWrite): void {
  const meetingId: MeetingId = at(base.meetings, w.k);
  const memberId: MemberId = at(base.members, w.m);
  const meeting = getRecord(meetingsMap(doc), meetingId);
  const member = getRecord(membersMap(doc), memberId);
  if (w.kind === 'migrate') return void migrateClub(doc);
  doc.transact(() => {
    switch (w.kind) {
      case 'legacy':
        metaMap(doc).delete('schemaVersion');
        return settingsMap(doc).delete('olderAge');
      case 'junkMember':
        return membersMap(doc).set(`junk${w.m}`, 'not a map' as never);
      case 'badMark':
        return meeting && getNested(meeting, 'attendance')?.set(memberId, 'late');
      case 'badGender':
        return member?.set('gender', 'robot');
      case 'badDate':
        return meeting?.set('date', '10/01/2026');
      case 'replaceAttendance': {
        const attendance = new Y.Map<unknown>();
        attendance.set(memberId, 'excused');
        return meeting?.set('attendance', attendance);
      }
      case 'dropMeeting':
        return meetingsMap(doc).delete(meetingId);
      case 'dropMember':
        return membersMap(doc).delete(memberId);
    }
  }, remoteOrigin('older-peer'));
}

/** Two or three peers forked from one club, each logging every update it makes or receives. */
export function createScenario(count: number) {
  const { doc, base } = baseClub();
  const peers = forkPeers(doc, count);
  const logs: Uint8Array[][] = peers.map(() => []);
  peers.forEach((peer, i) => {
    peer.on('update', (update: Uint8Array) => logs[i]?.push(update));
  });
  const origins = [alice, bob, carol] as const;
  return {
    peers,
    /** Runs one step; returns the peer it may have changed, or null. */
    apply(step: ScenarioStep): Y.Doc | null {
      if ('command' in step) {
        const peer = at(peers, step.peer);
        run(peer, base, step.command, at(origins, step.peer));
        return peer;
      }
      if ('odd' in step) {
        const peer = at(peers, step.peer);
        writeOdd(peer, base, step.odd);
        return peer;
      }
      const from = at(peers, step.from);
      const to = at(peers, step.to);
      if (from === to) return null;
      if ('update' in step) {
        const log = at(logs, step.from);
        if (log.length === 0) return null;
        Y.applyUpdate(to, at(log, step.update), remoteOrigin('test'));
      } else deliver(from, to);
      return to;
    },
  };
}
