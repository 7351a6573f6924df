import { describe, expect, it } from 'vitest';
import { addPerson, alice, newClub, TODAY, value } from '../../test/fixtures';
import { updateSettings } from '../club/club-commands';
import { readClub } from '../club/read-club';
import { addGroup, assignToGroup, retireGroup } from '../groups/group-commands';
import type { MeetingId, MemberId } from '../ids/ids';
import { addMeeting, setAttendance } from '../meetings/meeting-commands';
import { markMemberLeft } from '../roster/member-commands';
import { getGroupSizes, getMeetingAttendance, getMemberAttendance } from './groups-attendance';

describe('getGroupSizes', () => {
  it('counts active members of running groups against the bounds', () => {
    const { doc } = newClub({ kind: 'other' });
    value(updateSettings(doc, { groupMin: 2, groupMax: 3 }, alice));
    const small = value(addGroup(doc, { name: 'Nhỏ' }, alice));
    const ok = value(addGroup(doc, { name: 'Vừa' }, alice));
    const big = value(addGroup(doc, { name: 'Lớn' }, alice));
    const retired = value(addGroup(doc, { name: 'Cũ' }, alice));
    const people = Array.from({ length: 5 }, (_, i) => addPerson(doc, { fullName: `Người ${i}` }));
    const assign = (groupId: typeof small, members: MemberId[]) => {
      for (const memberId of members) value(assignToGroup(doc, { groupId, memberId }, alice));
    };
    assign(small, people.slice(0, 2));
    assign(ok, people.slice(0, 3));
    assign(big, people);
    value(markMemberLeft(doc, people[0] as MemberId, { on: TODAY, reason: '' }, alice, TODAY));
    value(retireGroup(doc, retired, TODAY, alice));
    expect(getGroupSizes(readClub(doc))).toEqual([
      { groupId: small, size: 1, status: 'under' },
      { groupId: ok, size: 2, status: 'ok' },
      { groupId: big, size: 4, status: 'over' },
    ]);
  });
});

describe('attendance', () => {
  it('summarises one meeting, its rate over everyone on the roster, unmarked active members too', () => {
    const { doc } = newClub();
    const [a, b, c, d] = Array.from({ length: 4 }, (_, i) => addPerson(doc, { fullName: `Người ${i}` })) as [
      MemberId,
      MemberId,
      MemberId,
      MemberId,
    ];
    addPerson(doc, { fullName: 'Người 5' });
    const meetingId = value(
      addMeeting(
        doc,
        { date: '2026-03-01', time: '', kind: 'regular', place: '', chairId: null, secretaryId: null },
        alice,
        TODAY,
      ),
    );
    value(setAttendance(doc, { meetingId, memberId: a, status: 'present' }, alice));
    value(setAttendance(doc, { meetingId, memberId: b, status: 'present' }, alice));
    value(setAttendance(doc, { meetingId, memberId: c, status: 'excused' }, alice));
    value(setAttendance(doc, { meetingId, memberId: d, status: 'absent' }, alice));
    expect(getMeetingAttendance(readClub(doc), meetingId)).toEqual({
      present: 2,
      excused: 1,
      absent: 1,
      unmarked: 1,
      roster: 5,
      rate: 0.4,
    });
    expect(getMeetingAttendance(readClub(doc), 'nope' as MeetingId)).toEqual({
      present: 0,
      excused: 0,
      absent: 0,
      unmarked: 0,
      roster: 0,
      rate: 0,
    });
  });

  it('counts a member marked before leaving on the roster, and a half-marked meeting over everyone', () => {
    const { doc } = newClub();
    const people = Array.from({ length: 4 }, (_, i) => addPerson(doc, { fullName: `Người ${i}` }));
    const meetingId = value(
      addMeeting(
        doc,
        { date: '2026-03-01', time: '', kind: 'regular', place: '', chairId: null, secretaryId: null },
        alice,
        TODAY,
      ),
    );
    const [a, b, leaver] = people as [MemberId, MemberId, MemberId];
    value(setAttendance(doc, { meetingId, memberId: a, status: 'present' }, alice));
    value(setAttendance(doc, { meetingId, memberId: b, status: 'present' }, alice));
    value(setAttendance(doc, { meetingId, memberId: leaver, status: 'present' }, alice));
    value(markMemberLeft(doc, leaver, { on: TODAY, reason: '' }, alice, TODAY));
    // Three marked, all present: 3 of the 4 on the list, not 100 % of those marked.
    expect(getMeetingAttendance(readClub(doc), meetingId)).toMatchObject({
      present: 3,
      unmarked: 1,
      roster: 4,
      rate: 0.75,
    });
  });

  it("summarises one member's attendance over the meetings where they were marked", () => {
    const { doc } = newClub();
    const lan = addPerson(doc);
    const meetings = ['2026-01-10', '2026-02-10', '2026-03-10'].map((date) =>
      value(
        addMeeting(
          doc,
          { date, time: '', kind: 'regular', place: '', chairId: null, secretaryId: null },
          alice,
          TODAY,
        ),
      ),
    );
    value(
      setAttendance(doc, { meetingId: meetings[0] as MeetingId, memberId: lan, status: 'present' }, alice),
    );
    value(
      setAttendance(doc, { meetingId: meetings[1] as MeetingId, memberId: lan, status: 'absent' }, alice),
    );
    expect(getMemberAttendance(readClub(doc), lan)).toEqual({ present: 1, marked: 2, rate: 0.5 });
    expect(getMemberAttendance(readClub(doc), 'nobody' as MemberId)).toEqual({
      present: 0,
      marked: 0,
      rate: 0,
    });
  });
});
