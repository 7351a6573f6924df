import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alice, bob, markNewer, value } from '../../test/fixtures';
import { AT, CLUB, HUNG, LAN, MAI, MEETING, newMinutes } from '../../test/minutes-fixtures';
import type { MeetingId, MemberId } from '../ids/ids';
import type { Meeting } from '../schema/types';
import { approveMinutes } from './approval';
import {
  copyAttendanceFromMeeting,
  createMinutes,
  minutesInputFromMeeting,
  setMinutesAttendance,
  updateMinutesHeader,
} from './minutes-commands';
import { createMinutesDoc, MINUTES_SCHEMA_VERSION, minutesDocName } from './minutes-layout';
import { readMinutes } from './read-minutes';

const meeting: Meeting = {
  id: MEETING,
  date: '2026-03-20',
  time: '08:00',
  kind: 'regular',
  place: 'Nhà văn hóa thôn Đông',
  chairId: LAN,
  secretaryId: HUNG,
  attendance: { [LAN]: 'present', [HUNG]: 'present', [MAI]: 'excused' },
};

describe('createMinutes', () => {
  it('starts the minutes prefilled from the club meeting', () => {
    const doc = createMinutesDoc();
    expect(doc.gc).toBe(false);
    value(createMinutes(doc, minutesInputFromMeeting(CLUB, meeting), alice));
    const view = readMinutes(doc);
    expect(view).toMatchObject({
      clubId: CLUB,
      meetingId: MEETING,
      schemaVersion: MINUTES_SCHEMA_VERSION,
      readOnly: false,
    });
    expect(view.header).toEqual({
      date: '2026-03-20',
      startedAt: '08:00',
      closedAt: '',
      place: 'Nhà văn hóa thôn Đông',
      chairId: LAN,
      secretaryId: HUNG,
      number: '',
      recipients: '',
      healthChecksTaken: false,
      printHealthChecks: false,
    });
    expect(view.attendance).toEqual(meeting.attendance);
    expect(view.approval).toEqual({
      chair: null,
      secretary: null,
      status: 'draft',
      approvedAt: null,
      pendingSeal: false,
    });
    expect(minutesDocName(CLUB, MEETING)).toBe('club-dong-0001/meeting/meeting-2026-03');
  });

  it('rejects bad input, and throws on a doc that already holds minutes', () => {
    const doc = createMinutesDoc();
    expect(
      createMinutes(
        doc,
        { clubId: CLUB, meetingId: MEETING, header: { startedAt: '8h', place: 'x'.repeat(201) } },
        alice,
      ),
    ).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { startedAt: 'timeFormat', place: 'tooLong' } },
    });
    expect(createMinutes(doc, { clubId: CLUB, meetingId: 'bad id' as MeetingId }, alice)).toEqual({
      ok: false,
      error: { type: 'notFound', id: 'bad id' },
    });
    expect(readMinutes(doc).meetingId).toBeNull();
    expect(() => createMinutes(newMinutes(), { clubId: CLUB, meetingId: MEETING }, alice)).toThrow();
  });
});

describe('header and attendance', () => {
  it('updates only the given header fields, trimmed', () => {
    const doc = newMinutes();
    value(
      updateMinutesHeader(
        doc,
        { closedAt: '10:45', number: ' 05/BB-CLB ', recipients: '- UBND xã\n- Lưu: CLB' },
        alice,
      ),
    );
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    value(updateMinutesHeader(doc, { closedAt: '10:45' }, alice));
    expect(updates).toHaveLength(0);
    expect(readMinutes(doc).header).toMatchObject({
      startedAt: '08:00',
      closedAt: '10:45',
      number: '05/BB-CLB',
      recipients: '- UBND xã\n- Lưu: CLB',
      chairId: LAN,
    });
    expect(updateMinutesHeader(doc, { chairId: 'x' as MemberId }, alice)).toEqual({
      ok: false,
      error: { type: 'notFound', id: 'x' },
    });
  });

  it('marks, changes and clears attendance, and copies the club meeting marks', () => {
    const doc = newMinutes();
    value(setMinutesAttendance(doc, { memberId: LAN, status: 'absent' }, alice));
    value(setMinutesAttendance(doc, { memberId: 'member-other-01' as MemberId, status: 'present' }, bob));
    value(setMinutesAttendance(doc, { memberId: 'member-other-01' as MemberId, status: null }, bob));
    expect(readMinutes(doc).attendance).toEqual({ [LAN]: 'absent' });
    expect(value(copyAttendanceFromMeeting(doc, meeting, alice))).toBe(3);
    expect(readMinutes(doc).attendance).toEqual(meeting.attendance);
    expect(value(copyAttendanceFromMeeting(doc, meeting, alice))).toBe(0);
  });

  it('refuses every edit while approved, and on a doc from a newer schema', () => {
    const doc = newMinutes();
    value(approveMinutes(doc, { role: 'chair', by: LAN, at: AT }, alice));
    value(approveMinutes(doc, { role: 'secretary', by: HUNG, at: AT }, bob));
    const before = Y.encodeStateAsUpdate(doc);
    expect(updateMinutesHeader(doc, { place: 'x' }, alice)).toEqual({
      ok: false,
      error: { type: 'approved' },
    });
    expect(setMinutesAttendance(doc, { memberId: LAN, status: 'absent' }, alice)).toEqual({
      ok: false,
      error: { type: 'approved' },
    });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    const newer = newMinutes();
    markNewer(newer);
    expect(readMinutes(newer).readOnly).toBe(true);
    expect(updateMinutesHeader(newer, { place: 'x' }, alice)).toEqual({
      ok: false,
      error: { type: 'readOnly' },
    });
  });
});
