import * as v from 'valibot';
import type * as Y from 'yjs';
import type { MeetingId } from '../ids/ids';

/**
 * What belongs to a meeting (its attendance marks in the club doc, its measurements in the health doc, its
 * money in the money book) locks with its approved minutes (issue 12 §4). The approval lives in the
 * minutes doc, so each of those documents keeps its own lock per approved meeting, which the tablet that
 * holds both open writes from what the minutes say. A tablet's copy of the minutes may be old (it was
 * offline when they were approved): only minutes that count more reopenings than the lock lift it, and
 * only minutes with at least as many replace it, so stale minutes never open a meeting again. Counting
 * reopenings (the minutes only ever add them) needs no tablet's clock. This module decides; each document
 * stores the lock where its own readers find it (health-locks.ts, attendance-lock.ts, money-locks.ts).
 */
export interface ApprovalLock {
  /** When the minutes were approved (their seal's time), for people to read. */
  readonly approvedAt: string;
  /** How many times the minutes had been reopened before this approval. */
  readonly reopenings: number;
}

export const ApprovalLockSchema = v.object({
  approvedAt: v.string(),
  reopenings: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** What a locked document needs to know of a meeting's minutes (from `readMinutes`). */
export interface MinutesApprovalInput {
  readonly meetingId: MeetingId;
  /** The approval's time while the minutes are approved, null while they are a draft (or reopened). */
  readonly approvedAt: string | null;
  /** How many reopenings the minutes record (`MinutesView.reopenings.length`). */
  readonly reopenings: number;
}

/** What to do to a stored lock so it matches the minutes: nothing, lift it, or write this one. */
export type LockStep =
  | { readonly type: 'keep' }
  | { readonly type: 'lift' }
  | { readonly type: 'set'; readonly lock: ApprovalLock };

export function parseApprovalLock(raw: unknown): ApprovalLock | null {
  const parsed = v.safeParse(ApprovalLockSchema, raw);
  return parsed.success ? parsed.output : null;
}

/** The step that follows `input`, unless this tablet's minutes are older than `current` (see above). */
export function nextLockStep(current: ApprovalLock | null, input: MinutesApprovalInput): LockStep {
  if (input.approvedAt === null) {
    // A draft lifts only a lock from before its latest reopening; older minutes leave the lock alone.
    return current !== null && current.reopenings < input.reopenings ? { type: 'lift' } : { type: 'keep' };
  }
  const next: ApprovalLock = { approvedAt: input.approvedAt, reopenings: input.reopenings };
  return current !== null && !isLater(next, current) ? { type: 'keep' } : { type: 'set', lock: next };
}

/** A later approval: after more reopenings, or (two seals of one round) the later time, so all agree. */
function isLater(next: ApprovalLock, current: ApprovalLock): boolean {
  if (next.reopenings !== current.reopenings) return next.reopenings > current.reopenings;
  return next.approvedAt > current.approvedAt;
}

/**
 * Brings the lock stored at `map.get(key)` in line with the minutes (inside the caller's command);
 * `stored` adds what a document keeps beside the lock. Returns whether it wrote.
 */
export function followLock(
  map: Y.Map<unknown>,
  key: string,
  input: MinutesApprovalInput,
  stored: (lock: ApprovalLock) => object = (lock) => lock,
): boolean {
  const step = nextLockStep(parseApprovalLock(map.get(key)), input);
  if (step.type === 'keep') return false;
  if (step.type === 'lift') map.delete(key);
  else map.set(key, stored(step.lock));
  return true;
}
