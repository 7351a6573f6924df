import type { Meeting, MeetingId, MemberId } from '@chungtay/model';
import { newMeetingId } from '@chungtay/model';

/** A regular meeting at the village hall, as the tests of minutes start from; `attendance` as given. */
export function testMeeting(
  chairId: MemberId,
  secretaryId: MemberId,
  attendance: Meeting['attendance'] = {},
): Meeting {
  return {
    id: newMeetingId() as MeetingId,
    date: '2026-03-05',
    time: '08:00',
    kind: 'regular',
    place: 'Nhà văn hóa thôn Đông',
    chairId,
    secretaryId,
    attendance,
  } as Meeting;
}
