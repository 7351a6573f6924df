import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPerson, alice, bob, newClub, TODAY, value } from '../../test/fixtures';
import { deliver, expectConvergence, permutations } from '../../test/peers';
import { readClub } from '../club/read-club';
import type { MeetingId, MemberId } from '../ids/ids';
import { erasePersonalData } from '../roster/member-commands';
import type { Meeting } from '../schema/types';
import type { MinutesApprovalInput } from './approval-lock';
import { followMinutesForAttendance, isAttendanceLocked, listLateMarks } from './attendance-lock';
import { addMeeting, setAttendance } from './meeting-commands';

const APPROVED_AT = '2026-03-20T10:30:00.000Z';
const approved = (meetingId: MeetingId, reopenings = 0, at = APPROVED_AT): MinutesApprovalInput => ({
  meetingId,
  approvedAt: at,
  reopenings,
});
const draft = (meetingId: MeetingId, reopenings: number): MinutesApprovalInput => ({
  meetingId,
  approvedAt: null,
  reopenings,
});
const refused = { ok: false, error: { type: 'approved' } };

/** A club with one meeting and two members, Lan marked present. */
function club() {
  const { doc } = newClub();
  const lan = addPerson(doc, { fullName: 'Nguyễn Thị Lan' });
  const hoa = addPerson(doc, { fullName: 'Trần Thị Hoa' });
  const meetingId = value(
    addMeeting(
      doc,
      { date: '2026-03-20', time: '08:00', kind: 'regular', place: '', chairId: null, secretaryId: null },
      alice,
      TODAY,
    ),
  );
  value(setAttendance(doc, { meetingId, memberId: lan, status: 'present' }, alice));
  return { doc, lan, hoa, meetingId };
}

function fork(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

const meetingOf = (doc: Y.Doc, id: MeetingId): Meeting => {
  const meeting = readClub(doc).meetings.find((m) => m.id === id);
  if (meeting === undefined) throw new Error('meeting missing');
  return meeting;
};

describe('attendance marks lock with their approved minutes', () => {
  it('refuses every change of a locked meeting’s marks and writes nothing', () => {
    const { doc, lan, hoa, meetingId } = club();
    expect(value(followMinutesForAttendance(doc, approved(meetingId), alice))).toBe(true);
    expect(isAttendanceLocked(doc, meetingId)).toBe(true);
    const before = Y.encodeStateAsUpdate(doc);
    expect(setAttendance(doc, { meetingId, memberId: lan, status: 'absent' }, alice)).toEqual(refused);
    expect(setAttendance(doc, { meetingId, memberId: lan, status: null }, alice)).toEqual(refused);
    expect(setAttendance(doc, { meetingId, memberId: hoa, status: 'excused' }, alice)).toEqual(refused);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    const meeting = meetingOf(doc, meetingId);
    expect(meeting.attendance).toEqual({ [lan]: 'present' });
    expect(meeting.attendanceLock).toEqual({
      approvedAt: APPROVED_AT,
      reopenings: 0,
      marks: { [lan]: 'present' },
    });
    expect(listLateMarks(meeting)).toEqual([]);
  });

  it('writes the lock once: following the same approval again writes nothing', () => {
    const { doc, meetingId } = club();
    value(followMinutesForAttendance(doc, approved(meetingId), alice));
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    expect(value(followMinutesForAttendance(doc, approved(meetingId), alice))).toBe(false);
    expect(updates).toEqual([]);
  });

  it('is lifted only by minutes reopened after it; an old copy of the minutes neither lifts nor replaces it', () => {
    const { doc, lan, meetingId } = club();
    value(followMinutesForAttendance(doc, approved(meetingId, 1, '2026-03-22T09:00:00.000Z'), alice));
    // A tablet whose minutes predate the reopening: its draft and its first approval change nothing.
    expect(value(followMinutesForAttendance(doc, draft(meetingId, 0), bob))).toBe(false);
    expect(value(followMinutesForAttendance(doc, approved(meetingId, 0), bob))).toBe(false);
    expect(meetingOf(doc, meetingId).attendanceLock?.reopenings).toBe(1);
    // The second reopening, recorded in the minutes, lifts it: the marks can be corrected again.
    expect(value(followMinutesForAttendance(doc, draft(meetingId, 2), alice))).toBe(true);
    expect(isAttendanceLocked(doc, meetingId)).toBe(false);
    value(setAttendance(doc, { meetingId, memberId: lan, status: 'excused' }, alice));
    value(followMinutesForAttendance(doc, approved(meetingId, 2, '2026-03-23T09:00:00.000Z'), alice));
    expect(meetingOf(doc, meetingId).attendanceLock?.marks).toEqual({ [lan]: 'excused' });
  });

  it('lets an erasure reach a locked meeting', () => {
    const { doc, lan, meetingId } = club();
    value(followMinutesForAttendance(doc, approved(meetingId), alice));
    value(erasePersonalData(doc, lan, alice, TODAY));
    expect(readClub(doc).members.find((m) => m.id === lan)?.fullName).not.toBe('Nguyễn Thị Lan');
    expect(isAttendanceLocked(doc, meetingId)).toBe(true);
  });

  it('refuses an unknown meeting', () => {
    const { doc } = club();
    const ghost = 'meeting-ghost-01' as MeetingId;
    expect(followMinutesForAttendance(doc, approved(ghost), alice)).toEqual({
      ok: false,
      error: { type: 'notFound', id: ghost },
    });
  });
});

describe('a mark made offline while another tablet approves', () => {
  /** Tablet A approves; tablet B, offline with the old copy, marks Hoa absent and clears Lan. */
  function race() {
    const { doc: a, lan, hoa, meetingId } = club();
    const b = fork(a);
    value(followMinutesForAttendance(a, approved(meetingId), alice));
    value(setAttendance(b, { meetingId, memberId: hoa, status: 'absent' }, bob));
    value(setAttendance(b, { meetingId, memberId: lan, status: null }, bob));
    return { a, b, lan, hoa, meetingId };
  }

  it('keeps the marks, locked, and lists them as late in every delivery order', () => {
    const { a, b, lan, hoa, meetingId } = race();
    const view = expectConvergence([a, b]);
    const meeting = view.meetings.find((m) => m.id === meetingId);
    expect(meeting?.attendance).toEqual({ [hoa]: 'absent' });
    expect(meeting?.attendanceLock?.marks).toEqual({ [lan]: 'present' });
    expect(meeting && listLateMarks(meeting)).toEqual(
      [
        { memberId: lan, approved: 'present', current: null },
        { memberId: hoa, approved: null, current: 'absent' },
      ].sort((x, y) => (x.memberId < y.memberId ? -1 : 1)),
    );
  });

  it('refuses tablet B’s next mark once the lock reaches it, whichever update came first', () => {
    for (const order of permutations(['toA', 'toB'] as const)) {
      const { a, b, hoa, meetingId } = race();
      for (const step of order) step === 'toA' ? deliver(b, a) : deliver(a, b);
      expect(setAttendance(b, { meetingId, memberId: hoa, status: 'present' }, bob)).toEqual(refused);
      expect(meetingOf(b, meetingId).attendance[hoa as MemberId]).toBe('absent');
    }
  });

  it('agrees on one lock when two tablets write it at once from different marks', () => {
    const { doc: a, lan, hoa, meetingId } = club();
    const b = fork(a);
    value(setAttendance(b, { meetingId, memberId: hoa, status: 'present' }, bob));
    value(followMinutesForAttendance(a, approved(meetingId), alice));
    value(followMinutesForAttendance(b, approved(meetingId), bob));
    const meeting = expectConvergence([a, b]).meetings.find((m) => m.id === meetingId);
    expect(meeting?.attendance).toEqual({ [lan]: 'present', [hoa]: 'present' });
    // Whichever copy won, a mark it lacks is listed as late, never lost.
    const late = meeting ? listLateMarks(meeting) : [];
    expect(late.length).toBeLessThanOrEqual(1);
    for (const mark of late) expect(mark).toEqual({ memberId: hoa, approved: null, current: 'present' });
  });
});
