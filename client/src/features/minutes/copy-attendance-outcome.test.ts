import { describe, expect, it } from 'vitest';
import { copyAttendanceOutcome } from './copy-attendance-outcome';

describe('copyAttendanceOutcome', () => {
  const marks = { a: 'present', b: 'present', c: 'excused', d: 'absent' } as const;

  it('says what was copied, with the counts the minutes now hold', () => {
    expect(copyAttendanceOutcome(marks, 4)).toEqual({
      key: 'healthCheck.copy.done',
      counts: { present: 2, excused: 1, absent: 1 },
    });
  });

  it('says the minutes already match rather than "0 copied"', () => {
    expect(copyAttendanceOutcome(marks, 0).key).toBe('healthCheck.copy.same');
  });

  it('says the meeting has no marks yet when there is nothing to copy', () => {
    expect(copyAttendanceOutcome({}, 0)).toEqual({
      key: 'healthCheck.copy.nothing',
      counts: { present: 0, excused: 0, absent: 0 },
    });
  });
});
