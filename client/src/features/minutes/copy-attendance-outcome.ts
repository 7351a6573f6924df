import type { AttendanceStatus } from '@chungtay/model';

export interface CopyAttendanceOutcome {
  readonly key: 'healthCheck.copy.done' | 'healthCheck.copy.same' | 'healthCheck.copy.nothing';
  readonly counts: { readonly present: number; readonly excused: number; readonly absent: number };
}

/**
 * What "Chép điểm danh" says it did, in words that never read as a failure: "Đã chép 0 dấu điểm danh"
 * made secretaries think the copy had failed when the minutes already matched the meeting. It names the
 * counts the minutes now hold, says when there was nothing new, and says why when the meeting has no marks.
 */
export function copyAttendanceOutcome(
  attendance: Readonly<Record<string, AttendanceStatus>>,
  changed: number,
): CopyAttendanceOutcome {
  const counts = { present: 0, excused: 0, absent: 0 };
  for (const status of Object.values(attendance)) counts[status] += 1;
  const marked = counts.present + counts.excused + counts.absent;
  const key =
    marked === 0
      ? 'healthCheck.copy.nothing'
      : changed === 0
        ? 'healthCheck.copy.same'
        : 'healthCheck.copy.done';
  return { key, counts };
}
