import type { viMeetingLock } from './vi-meeting-lock';

export const enMeetingLock: typeof viMeetingLock = {
  attendance: {
    line: 'The minutes of this meeting were approved on {{ date }}, so the attendance is locked and read-only. To change it, the chair reopens the minutes.',
    refused:
      'The minutes of this meeting are approved, so the attendance is locked; this mark was not saved.',
    late: '{{ count }} attendance marks were made on another tablet before it knew the minutes were approved. They are kept, and listed with the minutes’ changes after approval.',
  },
  late: {
    title: 'Attendance on the meeting page, marked after approval',
    item: '{{ name }}: {{ approved }} when approved, now {{ current }}',
    unmarked: 'not marked',
  },
};
