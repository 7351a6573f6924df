import * as v from 'valibot';
import type * as Y from 'yjs';
import { err, isId, ok, type Result } from '../ids/ids';
import {
  type ApprovalLock,
  ApprovalLockSchema,
  followLock,
  type MinutesApprovalInput,
  parseApprovalLock,
} from '../meetings/approval-lock';
import type { ApprovedError } from '../minutes/minutes-layout';
import type { LocalOrigin } from '../origin/origin';
import { type CommandError, notFound } from '../schema/command';
import { locksMap, runHealthCommand } from './health-layout';

export type { MinutesApprovalInput } from '../meetings/approval-lock';

/**
 * A meeting's measurements belong to its minutes (issue 12 §4): once the minutes are approved they are
 * read-only, on the minutes page and on the health-check screen alike, and every health command refuses
 * them with `approved`. The health doc keeps a lock per approved meeting, `locks/<meetingId>` =
 * `{ approvedAt, reopenings }`, which `followMinutesApproval` sets from what the minutes say (the rules
 * for old minutes are approval-lock.ts's). A write made on a tablet that had not heard of the lock yet
 * still arrives (Yjs keeps it); from then on nobody can change it without reopening the minutes.
 */

export type HealthLock = ApprovalLock;

/** The meetings whose measurements are locked, by meeting id. */
export function readHealthLocks(doc: Y.Doc): Readonly<Record<string, HealthLock>> {
  const out: Record<string, HealthLock> = {};
  for (const [meetingId, raw] of locksMap(doc).entries()) {
    const lock = parseApprovalLock(raw);
    if (lock !== null && isId(meetingId)) out[meetingId] = lock;
  }
  return out;
}

export function isHealthLocked(doc: Y.Doc, meetingId: string): boolean {
  return v.is(ApprovalLockSchema, locksMap(doc).get(meetingId));
}

/**
 * Sets or lifts the meeting's lock to match its minutes, unless this tablet's minutes are older than the
 * lock; writes nothing when it already matches, so calling it on every change of the minutes costs
 * nothing. Returns whether it wrote.
 */
export function followMinutesApproval(
  doc: Y.Doc,
  input: MinutesApprovalInput,
  origin: LocalOrigin,
): Result<boolean, CommandError> {
  return runHealthCommand(doc, origin, () => {
    if (!isId(input.meetingId)) return notFound(input.meetingId);
    return ok(followLock(locksMap(doc), input.meetingId, input));
  });
}

/** A health command on a locked meeting: refused, as an approved minutes' edit is. */
export function lockedError(doc: Y.Doc, meetingId: string): { ok: false; error: ApprovedError } | null {
  return isHealthLocked(doc, meetingId) ? err({ type: 'approved' }) : null;
}
