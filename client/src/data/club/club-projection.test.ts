import type { ClubView, MeetingId, MemberId } from '@chungtay/model';
import * as model from '@chungtay/model';
import fc from 'fast-check';
import { createComputed, createRoot } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
// The model's multi-peer scenarios: the same random sequences its own follower test runs.
import { createScenario, scenarioStep } from '../../../../packages/model/test/follower-scenario';
import { syncAll } from '../../../../packages/model/test/peers';
import { projectClub } from './club-projection';

const me = model.localOrigin({ id: 'tablet-1:lan', name: 'Lan' });
const TODAY = '2026-03-20';

/** Lets the projection's microtask run. */
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

/** What the screens see, as plain data. */
const plain = (view: ClubView): unknown => JSON.parse(JSON.stringify(unwrap(view)));

function clubOf(size: number) {
  const doc = new Y.Doc();
  model.createClub(doc, { name: 'CLB thôn Đông', kind: 'selfHelp' }, me, TODAY);
  const ids: MemberId[] = [];
  doc.transact(() => {
    for (let i = 0; i < size; i++) {
      const added = model.addMember(
        doc,
        {
          fullName: `Nguyễn Văn Số ${i}`,
          gender: i % 3 === 0 ? 'male' : 'female',
          birthYear: 1950 + (i % 30),
          phone: '',
          hamlet: 'thôn Đông',
          household: 'none',
          ethnicMinority: false,
          joinedOn: '2024-01-10',
          role: 'none',
          notes: '',
        },
        me,
        TODAY,
      );
      if (added.ok) ids.push(added.value);
    }
  }, me);
  const meeting = model.addMeeting(
    doc,
    { date: TODAY, time: '08:00', kind: 'regular', place: '', chairId: null, secretaryId: null },
    me,
    TODAY,
  );
  if (!meeting.ok) throw new Error('setup');
  const meetingId: MeetingId = meeting.value;
  doc.transact(() => {
    for (const memberId of ids) model.setAttendance(doc, { meetingId, memberId, status: 'present' }, me);
  }, me);
  return { doc, ids, meetingId };
}

describe('projectClub', () => {
  it('keeps the store equal to a full read through random commands on two and three peers', async () => {
    for (const peerCount of [2, 3]) {
      await fc.assert(
        fc.asyncProperty(fc.array(scenarioStep, { maxLength: 25 }), async (steps) => {
          const scenario = createScenario(peerCount);
          const projections = scenario.peers.map((peer) => projectClub(peer));
          const check = () =>
            scenario.peers.forEach((peer, i) => {
              expect(plain(projections[i]?.view as ClubView)).toEqual(model.readClub(peer));
            });
          for (const step of steps) {
            scenario.apply(step);
            await settle();
            check();
          }
          syncAll(scenario.peers);
          await settle();
          check();
          for (const projection of projections) projection.stop();
        }),
        { numRuns: 40 },
      );
    }
    // 80 random scenarios of up to 25 steps each: 8 to 14 s on the shared 2-core machine while others build,
    // where it failed on vitest's default 5 s.
  }, 60_000);

  it.each([70, 700])(
    'writes one attendance key for a tap in a club of %i, leaving other readers alone',
    async (size) => {
      const { doc, ids, meetingId } = clubOf(size);
      const { view, stop } = projectClub(doc);
      const [tapped, other] = [ids[size - 1], ids[0]] as [MemberId, MemberId];
      const firstMember = unwrap(view).members[0];
      let listRuns = 0;
      let otherMarkRuns = 0;
      let tappedMarks: (string | undefined)[] = [];
      const dispose = createRoot((dispose) => {
        createComputed(() => {
          void view.members.length;
          listRuns++;
        });
        createComputed(() => {
          void view.meetings[0]?.attendance[other];
          otherMarkRuns++;
        });
        createComputed(() => {
          tappedMarks = [...tappedMarks, view.meetings[0]?.attendance[tapped]];
        });
        return dispose;
      });
      model.setAttendance(doc, { meetingId, memberId: tapped, status: 'absent' }, me);
      model.setAttendance(doc, { meetingId, memberId: tapped, status: null }, me);
      await settle();
      // Both taps of the tick land in one batch: the mark ends removed, as the full read leaves it out.
      expect(tappedMarks).toEqual(['present', undefined]);
      expect(listRuns).toBe(1);
      expect(otherMarkRuns).toBe(1);
      expect(unwrap(view).members[0]).toBe(firstMember);
      expect(plain(view)).toEqual(model.readClub(doc));
      dispose();
      stop();
    },
  );

  it('moves a renamed member in the list and keeps the other members’ objects', async () => {
    const { doc, ids } = clubOf(5);
    const { view, stop } = projectClub(doc);
    const before = new Map(unwrap(view).members.map((m) => [m.id, m]));
    // Given names 'Số 0'…'Số 4' sort by their digits, before any letter: Xuân goes last.
    const renamed = ids[0] as MemberId;
    model.updateMember(doc, renamed, { fullName: 'Trần Thị Xuân' }, me, TODAY);
    await settle();
    expect(view.members[0]?.id).toBe(ids[1]);
    expect(view.members[4]?.id).toBe(renamed);
    for (const m of unwrap(view).members) expect(m).toBe(before.get(m.id));
    expect(plain(view)).toEqual(model.readClub(doc));
    stop();
  });

  it('stops following the doc when stopped', async () => {
    const { doc, ids } = clubOf(2);
    const { view, stop } = projectClub(doc);
    stop();
    model.updateMember(doc, ids[0] as MemberId, { fullName: 'Trần Thị An' }, me, TODAY);
    await settle();
    expect(view.members.map((m) => m.fullName)).not.toContain('Trần Thị An');
  });
});
