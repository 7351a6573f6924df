import { describe, expect, it } from 'vitest';
import { addPerson, alice, newClub, TODAY, value } from '../../test/fixtures';
import { readClub } from '../club/read-club';
import type { MeetingId, MemberId } from '../ids/ids';
import {
  addMeeting,
  type MeetingInput,
  setAttendance,
  updateMeeting,
  validateMeetingInput,
} from './meeting-commands';

const base: MeetingInput = {
  date: '2026-03-10',
  time: '08:00',
  kind: 'regular',
  place: ' Nhà văn hóa thôn Đông ',
  chairId: null,
  secretaryId: null,
};

describe('validateMeetingInput', () => {
  it('requires a real date, allows planned meetings and checks the time', () => {
    expect(validateMeetingInput(base, TODAY)).toBeNull();
    expect(validateMeetingInput({ ...base, date: '2026-12-01', time: '' }, TODAY)).toBeNull();
    expect(validateMeetingInput({}, TODAY)).toEqual({ type: 'invalid', fields: { date: 'required' } });
    expect(validateMeetingInput({ date: '2026-02-30', time: '8h', place: 'x'.repeat(201) }, TODAY)).toEqual({
      type: 'invalid',
      fields: { date: 'dateFormat', time: 'timeFormat', place: 'tooLong' },
    });
  });
});

describe('meeting commands', () => {
  it('adds a meeting with a chair and a secretary', () => {
    const { doc } = newClub();
    const chair = addPerson(doc);
    const id = value(addMeeting(doc, { ...base, chairId: chair, secretaryId: chair }, alice, TODAY));
    expect(readClub(doc).meetings).toEqual([
      { id, ...base, place: 'Nhà văn hóa thôn Đông', chairId: chair, secretaryId: chair, attendance: {} },
    ]);
  });

  it('rejects invalid input and unknown people', () => {
    const { doc } = newClub();
    expect(addMeeting(doc, { ...base, time: '25:00' }, alice, TODAY)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { time: 'timeFormat' } },
    });
    const ghost = 'ghost-member-01' as MemberId;
    expect(addMeeting(doc, { ...base, chairId: ghost }, alice, TODAY)).toEqual({
      ok: false,
      error: { type: 'notFound', id: ghost },
    });
    expect(readClub(doc).meetings).toEqual([]);
  });

  it('updates only what changed', () => {
    const { doc } = newClub();
    const id = value(addMeeting(doc, base, alice, TODAY));
    value(updateMeeting(doc, id, { kind: 'annual', time: '14:30' }, alice, TODAY));
    expect(readClub(doc).meetings[0]).toMatchObject({ kind: 'annual', time: '14:30', date: base.date });
    expect(updateMeeting(doc, id, { date: '' }, alice, TODAY)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { date: 'required' } },
    });
    const ghost = 'ghost-meeting-1' as MeetingId;
    expect(updateMeeting(doc, ghost, { place: 'x' }, alice, TODAY)).toEqual({
      ok: false,
      error: { type: 'notFound', id: ghost },
    });
  });

  it('sets, changes and clears attendance marks', () => {
    const { doc } = newClub();
    const lan = addPerson(doc);
    const id = value(addMeeting(doc, base, alice, TODAY));
    value(setAttendance(doc, { meetingId: id, memberId: lan, status: 'present' }, alice));
    expect(readClub(doc).meetings[0]?.attendance).toEqual({ [lan]: 'present' });
    value(setAttendance(doc, { meetingId: id, memberId: lan, status: 'excused' }, alice));
    expect(readClub(doc).meetings[0]?.attendance).toEqual({ [lan]: 'excused' });
    value(setAttendance(doc, { meetingId: id, memberId: lan, status: null }, alice));
    expect(readClub(doc).meetings[0]?.attendance).toEqual({});
    const ghost = 'ghost-meeting-1' as MeetingId;
    expect(setAttendance(doc, { meetingId: ghost, memberId: lan, status: 'present' }, alice).ok).toBe(false);
    expect(
      setAttendance(doc, { meetingId: id, memberId: 'nobody-x' as MemberId, status: 'present' }, alice),
    ).toEqual({
      ok: false,
      error: { type: 'notFound', id: 'nobody-x' },
    });
  });
});
