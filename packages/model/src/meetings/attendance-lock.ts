import type * as Y from 'yjs';
import { readMark } from '../club/club-records';
import { err, isId, type MemberId, ok, type Result } from '../ids/ids';
import type { ApprovedError } from '../minutes/minutes-layout';
import type { LocalOrigin } from '../origin/origin';
import { type CommandError, notFound, runCommand } from '../schema/command';
import type { AttendanceStatus } from '../schema/enums';
import { getNested, getRecord, meetingsMap, type YRecord } from '../schema/layout';
import type { Meeting } from '../schema/types';
import { type ApprovalLock, followLock, type MinutesApprovalInput, parseApprovalLock } from './approval-lock';

/**
 * A meeting's attendance marks lock with its approved minutes (issue 12 §4), as its measurements do in
 * the health doc: the meeting record holds `attendanceLock` = `{ approvedAt, reopenings, marks }`, written
 * by `followMinutesForAttendance` on the tablet that approves (the minutes page holds the club doc and the
 * minutes open together), and `setAttendance` refuses a locked meeting with `approved`. The rules for old
 * minutes (which can neither lift nor replace the lock) are approval-lock.ts's; a reopening, recorded and
 * signed in the minutes, is what lifts it.
 *
 * Concurrency: a mark made on a tablet that had not heard of the lock yet (offline while the minutes were
 * approved) still arrives; a CRDT cannot refuse it, and dropping it would lose what the secretary saw. It
 * is kept, and `listLateMarks` names it against `marks`, the marks as they stood when the lock was
 * written, so the minutes' late-changes list shows it until the minutes are reopened and approved again
 * (which takes a new copy of the marks). Erasure does not go through `setAttendance`, so it still reaches
 * a locked meeting.
 */
export const ATTENDANCE_LOCK_KEY = 'attendanceLock';

export interface AttendanceLock extends ApprovalLock {
  /** The marks as they stood when the lock was written: what the approved minutes stand for. */
  readonly marks: Readonly<Record<string, AttendanceStatus>>;
}

/** A stored lock, validated (a peer may run an older schema); null for none or an unreadable one. */
export function readAttendanceLock(raw: unknown): AttendanceLock | null {
  const lock = parseApprovalLock(raw);
  if (lock === null) return null;
  const stored = (raw as { marks?: unknown }).marks;
  const marks: Record<string, AttendanceStatus> = {};
  if (typeof stored === 'object' && stored !== null) {
    for (const [memberId, mark] of Object.entries(stored)) {
      const status = readMark(mark);
      if (status !== undefined && isId(memberId)) marks[memberId] = status;
    }
  }
  return { approvedAt: lock.approvedAt, reopenings: lock.reopenings, marks };
}

function currentMarks(record: YRecord): Record<string, AttendanceStatus> {
  const marks: Record<string, AttendanceStatus> = {};
  for (const [memberId, mark] of getNested(record, 'attendance')?.entries() ?? []) {
    const status = readMark(mark);
    if (status !== undefined) marks[memberId] = status;
  }
  return marks;
}

/**
 * Sets or lifts the meeting's attendance lock to match its minutes; writes nothing when it already
 * matches, so the minutes page calls it on every change of the minutes. Returns whether it wrote.
 */
export function followMinutesForAttendance(
  doc: Y.Doc,
  input: MinutesApprovalInput,
  origin: LocalOrigin,
): Result<boolean, CommandError> {
  return runCommand(doc, origin, () => {
    const record = getRecord(meetingsMap(doc), input.meetingId);
    if (record === undefined) return notFound(input.meetingId);
    return ok(
      followLock(record, ATTENDANCE_LOCK_KEY, input, (lock) => ({ ...lock, marks: currentMarks(record) })),
    );
  });
}

export function isAttendanceLocked(doc: Y.Doc, meetingId: string): boolean {
  const record = getRecord(meetingsMap(doc), meetingId);
  return record !== undefined && readAttendanceLock(record.get(ATTENDANCE_LOCK_KEY)) !== null;
}

/** A change of marks on a locked meeting: refused, as an approved minutes' edit is. */
export function attendanceLockedError(
  doc: Y.Doc,
  meetingId: string,
): { ok: false; error: ApprovedError } | null {
  return isAttendanceLocked(doc, meetingId) ? err({ type: 'approved' }) : null;
}

/** A mark that differs from the locked copy: made on a tablet that had not heard of the approval yet. */
export interface LateMark {
  readonly memberId: MemberId;
  /** As the approved minutes stand for it; null when it was unmarked. */
  readonly approved: AttendanceStatus | null;
  /** As it is now; null when it was cleared. */
  readonly current: AttendanceStatus | null;
}

/** The meeting's late marks, by member id; empty while it is not locked. */
export function listLateMarks(meeting: Meeting): readonly LateMark[] {
  const lock = meeting.attendanceLock;
  if (lock === undefined) return [];
  const ids = new Set([...Object.keys(lock.marks), ...Object.keys(meeting.attendance)]);
  const out: LateMark[] = [];
  for (const memberId of [...ids].sort()) {
    const approved = lock.marks[memberId] ?? null;
    const current = meeting.attendance[memberId] ?? null;
    if (approved !== current) out.push({ memberId: memberId as MemberId, approved, current });
  }
  return out;
}
