import * as v from 'valibot';
import type * as Y from 'yjs';
import { err, isId, type MeetingId, ok, type Result } from '../ids/ids';
import type { ApprovedError } from '../minutes/minutes-layout';
import type { LocalOrigin } from '../origin/origin';
import { type CommandError, notFound } from '../schema/command';
import { locksMap, runHealthCommand } from './health-layout';

/**
 * A meeting's measurements belong to its minutes (issue 12 §4): once the minutes are approved they are
 * read-only, on the minutes page and on the health-check screen alike, and every health command refuses
 * them with `approved`. The approval lives in the minutes doc and the measurements in the health doc, so
 * the health doc keeps a lock per approved meeting, `locks/<meetingId>` = `{ approvedAt, reopenings }`,
 * which `followMinutesApproval` sets from what the minutes say: the tablet that approves (or reopens) holds
 * both open, and any tablet that opens both later writes the same lock. A tablet's copy of the minutes may
 * be old (it was offline when they were approved): only minutes that count more reopenings than the lock
 * lift it, and only minutes with at least as many replace it, so stale minutes never open a meeting
 * again. Counting reopenings (the minutes only ever add them) needs no tablet's clock. A write made on a
 * tablet that had not heard of the lock yet still arrives (Yjs keeps it); from then on nobody can change
 * it without reopening the minutes.
 */

export interface HealthLock {
  /** When the minutes were approved (their seal's time), for people to read. */
  readonly approvedAt: string;
  /** How many times the minutes had been reopened before this approval. */
  readonly reopenings: number;
}

const Lock = v.object({
  approvedAt: v.string(),
  reopenings: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** The meetings whose measurements are locked, by meeting id. */
export function readHealthLocks(doc: Y.Doc): Readonly<Record<string, HealthLock>> {
  const out: Record<string, HealthLock> = {};
  for (const [meetingId, raw] of locksMap(doc).entries()) {
    const parsed = v.safeParse(Lock, raw);
    if (parsed.success && isId(meetingId)) out[meetingId] = parsed.output;
  }
  return out;
}

export function isHealthLocked(doc: Y.Doc, meetingId: string): boolean {
  return v.is(Lock, locksMap(doc).get(meetingId));
}

/** What the health doc needs to know of a meeting's minutes (from `readMinutes`). */
export interface MinutesApprovalInput {
  readonly meetingId: MeetingId;
  /** The approval's time while the minutes are approved, null while they are a draft (or reopened). */
  readonly approvedAt: string | null;
  /** How many reopenings the minutes record (`MinutesView.reopenings.length`). */
  readonly reopenings: number;
}

/**
 * Sets or lifts the meeting's lock to match its minutes, unless this tablet's minutes are older than the
 * lock (see above); writes nothing when it already matches, so calling it on every change of the minutes
 * costs nothing. Returns whether it wrote.
 */
export function followMinutesApproval(
  doc: Y.Doc,
  input: MinutesApprovalInput,
  origin: LocalOrigin,
): Result<boolean, CommandError> {
  return runHealthCommand(doc, origin, () => {
    if (!isId(input.meetingId)) return notFound(input.meetingId);
    const locks = locksMap(doc);
    const parsed = v.safeParse(Lock, locks.get(input.meetingId));
    const current = parsed.success ? parsed.output : null;
    if (input.approvedAt === null) {
      // A draft lifts only a lock from before its latest reopening; older minutes leave the lock alone.
      if (current === null || current.reopenings >= input.reopenings) return ok(false);
      locks.delete(input.meetingId);
      return ok(true);
    }
    const next: HealthLock = { approvedAt: input.approvedAt, reopenings: input.reopenings };
    if (current !== null && !isLater(next, current)) return ok(false);
    locks.set(input.meetingId, next);
    return ok(true);
  });
}

/** A later approval: after more reopenings, or (two seals of one round) the later time, so all agree. */
function isLater(next: HealthLock, current: HealthLock): boolean {
  if (next.reopenings !== current.reopenings) return next.reopenings > current.reopenings;
  return next.approvedAt > current.approvedAt;
}

/** A health command on a locked meeting: refused, as an approved minutes' edit is. */
export function lockedError(doc: Y.Doc, meetingId: string): { ok: false; error: ApprovedError } | null {
  return isHealthLocked(doc, meetingId) ? err({ type: 'approved' }) : null;
}
