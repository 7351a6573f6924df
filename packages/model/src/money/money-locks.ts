import type * as Y from 'yjs';
import { err, isId, type MeetingId, ok, type Result } from '../ids/ids';
import {
  type ApprovalLock,
  followLock,
  type MinutesApprovalInput,
  parseApprovalLock,
} from '../meetings/approval-lock';
import type { LocalOrigin } from '../origin/origin';
import { notFound } from '../schema/command';
import { type MeetingLockedError, type MoneyError, moneyLocksMap, runMoneyCommand } from './money-layout';

/**
 * A meeting's money locks with its approved minutes (issue 12 §4), as its measurements and attendance do:
 * the book keeps `locks/<meetingId>` = `{ approvedAt, reopenings }`, written by `followMinutesForMoney` on
 * the tablet that holds the minutes and the book open together (the minutes page), with the rules for old
 * minutes of approval-lock.ts. While it stands, every command that records an entry at that meeting
 * (receipts, dues, repayments, a payout, a write-off, a cash count, a correction) refuses it with
 * `approved`, naming the approval's time for the screen. The book is append-only, so nothing already
 * recorded changes; a correction of the meeting's money is recorded at a later meeting, as before.
 * An entry recorded offline before the lock arrived is kept (a CRDT cannot refuse it): approved minutes
 * leave it out of what they print (`getMeetingMoney` with their approval time), and the book still counts it.
 * The minutes' own money lines moved into the book (`migrateMinutesMoney`) are the approved content
 * itself, so that move is not refused.
 */

/** The meetings whose money is locked, by meeting id. */
export function readMoneyLocks(doc: Y.Doc): Readonly<Record<string, ApprovalLock>> {
  const out: Record<string, ApprovalLock> = {};
  for (const [meetingId, raw] of moneyLocksMap(doc).entries()) {
    const lock = parseApprovalLock(raw);
    if (lock !== null && isId(meetingId)) out[meetingId] = lock;
  }
  return out;
}

/** Sets or lifts the meeting's lock to match its minutes; writes nothing when it matches. Returns whether it wrote. */
export function followMinutesForMoney(
  doc: Y.Doc,
  input: MinutesApprovalInput,
  origin: LocalOrigin,
): Result<boolean, MoneyError> {
  return runMoneyCommand(doc, origin, () => {
    if (!isId(input.meetingId)) return notFound(input.meetingId);
    return ok(followLock(moneyLocksMap(doc), input.meetingId, input));
  });
}

/** An entry at `meetingId` refused while its minutes are approved; null when none is named or it is open. */
export function meetingLockedError(
  doc: Y.Doc,
  meetingId: MeetingId | null | undefined,
): { ok: false; error: MeetingLockedError } | null {
  if (meetingId === null || meetingId === undefined) return null;
  const lock = parseApprovalLock(moneyLocksMap(doc).get(meetingId));
  return lock === null ? null : err({ type: 'approved', meetingId, approvedAt: lock.approvedAt });
}
