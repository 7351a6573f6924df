import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type ClubChanges, followClub, type ListChanges } from '../src/club/club-follower';
import { readClub } from '../src/club/read-club';
import type { ClubView } from '../src/schema/types';
import { createScenario, scenarioStep } from './follower-scenario';
import { syncAll } from './peers';

type Plain = { -readonly [K in keyof ClubView]: ClubView[K] };

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function patchList<T extends { readonly id: string }>(list: readonly T[], changes: ListChanges<T>): T[] {
  const next = [...list];
  const index = new Map(next.map((item, i) => [item.id as string, i]));
  const fresh = new Map<string, T>();
  for (const item of changes.changed) {
    const i = index.get(item.id);
    if (i === undefined) fresh.set(item.id, copy(item));
    else next[i] = copy(item);
  }
  if (changes.order === null) return next;
  return changes.order.map((id) => {
    const i = index.get(id);
    const item = i === undefined ? fresh.get(id) : next[i];
    if (item === undefined) throw new Error(`order names ${id}, which no change brought`);
    return item;
  });
}

/** What a consumer does with a flush's changes, on a plain copy: the changes must be all it needs. */
function patch(view: Plain, c: ClubChanges): void {
  if (c.header) Object.assign(view, c.header);
  if (c.profile) view.profile = copy(c.profile);
  if (c.settings) view.settings = copy(c.settings);
  if (c.dismissedDuplicates) view.dismissedDuplicates = [...c.dismissedDuplicates];
  view.members = patchList(view.members, c.members);
  view.groups = patchList(view.groups, c.groups);
  // Marks first: they name meetings by id, and a new order may follow.
  const meetings = view.meetings.map((m) => ({ ...m, attendance: { ...m.attendance } }));
  for (const mark of c.marks) {
    const meeting = meetings.find((m) => m.id === mark.meetingId);
    if (meeting === undefined) throw new Error('mark for a meeting not shown');
    if (mark.status === null) delete meeting.attendance[mark.memberId];
    else meeting.attendance[mark.memberId] = mark.status;
  }
  view.meetings = patchList(meetings, c.meetings);
}

function checkScenario(peerCount: number, runs: number): void {
  fc.assert(
    fc.property(fc.array(scenarioStep, { maxLength: 30 }), (steps) => {
      const scenario = createScenario(peerCount);
      const followers = scenario.peers.map((peer) => followClub(peer));
      const copies = scenario.peers.map((peer) => copy(readClub(peer)) as Plain);
      const check = (peer: Y.Doc) => {
        const i = scenario.peers.indexOf(peer);
        const follower = followers[i];
        const plain = copies[i];
        if (follower === undefined || plain === undefined) throw new Error('no peer');
        patch(plain, follower.flush());
        const full = readClub(peer);
        expect(follower.view()).toEqual(full);
        expect(plain).toEqual(full);
      };
      for (const step of steps) {
        const peer = scenario.apply(step);
        if (peer !== null) check(peer);
      }
      syncAll(scenario.peers);
      for (const peer of scenario.peers) check(peer);
      for (const follower of followers) follower.stop();
    }),
    { numRuns: runs },
  );
}

describe('the club follower on random command sequences', () => {
  it('keeps its view, and a copy patched from its changes, equal to a full read on two peers', () => {
    checkScenario(2, 60);
  });

  it('keeps its view, and a copy patched from its changes, equal to a full read on three peers', () => {
    checkScenario(3, 60);
  });
});
