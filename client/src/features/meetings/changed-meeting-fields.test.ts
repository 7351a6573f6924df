import type { Meeting, MeetingId } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { changedMeetingFields } from './changed-meeting-fields';

const meeting: Meeting = {
  id: 'meeting-2026-04' as MeetingId,
  date: '2026-04-05',
  time: '08:00',
  kind: 'regular',
  place: 'Nhà văn hóa',
  chairId: null,
  secretaryId: null,
  attendance: {},
};
const { id: _id, attendance: _a, ...asForm } = meeting;

describe('changedMeetingFields', () => {
  it('sends only what the form changed', () => {
    expect(changedMeetingFields(asForm, meeting)).toEqual({});
    expect(changedMeetingFields({ ...asForm, date: '2026-04-12' }, meeting)).toEqual({ date: '2026-04-12' });
  });
});
