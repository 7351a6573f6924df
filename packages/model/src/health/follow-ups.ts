import * as v from 'valibot';
import type * as Y from 'yjs';
import { isId, isIsoDate, type MeetingId, type MemberId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { type CommandError, FieldErrors, notFound } from '../schema/command';
import { flagHealthCheck, type HealthFlag } from './health-flags';
import { runHealthCommand } from './health-layout';
import type { HealthCheck, HealthView } from './read-health';

/**
 * Follow-ups of flagged health checks: after a check is flagged (high blood pressure, low sugar…) a
 * committee member visits or calls, then marks it "đã thăm hỏi". Kept in the health doc's `followUps`
 * map, one key per check `<meetingId>/<memberId>` → `{ on, by }`: marking is a fact about one check, so
 * two tablets marking the same one at once agree on it whichever write wins, and a new flagged check
 * at the next meeting opens a new item by itself. The map is additive (older tablets ignore it), so it
 * needs no migration.
 */
export const followUpsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('followUps');

export interface FollowUpDone {
  /** 'yyyy-mm-dd', the day the member was visited or called. */
  readonly on: string;
  /** Author id of who marked it. */
  readonly by: string;
}

const FollowUpRecord = v.object({
  on: v.pipe(
    v.string(),
    v.check((s) => isIsoDate(s)),
  ),
  by: v.string(),
});

export function followUpKey(meetingId: string, memberId: string): string {
  return `${meetingId}/${memberId}`;
}

/** The follow-ups marked done, by `followUpKey`; unreadable values (a peer's older shape) are left out. */
export function readFollowUps(doc: Y.Doc): Readonly<Record<string, FollowUpDone>> {
  const out: Record<string, FollowUpDone> = {};
  for (const [key, value] of followUpsMap(doc).entries()) {
    const parsed = v.safeParse(FollowUpRecord, value);
    if (parsed.success) out[key] = parsed.output;
  }
  return out;
}

export interface FollowUpInput {
  readonly meetingId: MeetingId;
  readonly memberId: MemberId;
  /** 'yyyy-mm-dd'. */
  readonly on: string;
}

/** "Đã thăm hỏi": closes the follow-up of one member's check at one meeting. */
export function markFollowedUp(
  doc: Y.Doc,
  input: FollowUpInput,
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runHealthCommand(doc, origin, () => {
    if (!isId(input.meetingId)) return notFound(input.meetingId);
    if (!isId(input.memberId)) return notFound(input.memberId);
    const errors = new FieldErrors();
    if (!isIsoDate(input.on)) errors.add('on', 'dateFormat');
    const error = errors.done();
    if (error !== null) return { ok: false, error };
    followUpsMap(doc).set(followUpKey(input.meetingId, input.memberId), {
      on: input.on,
      by: origin.author.id,
    });
    return ok(undefined);
  });
}

/** Opens a follow-up again (marked by mistake). */
export function reopenFollowUp(
  doc: Y.Doc,
  input: { readonly meetingId: MeetingId; readonly memberId: MemberId },
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runHealthCommand(doc, origin, () => {
    const key = followUpKey(input.meetingId, input.memberId);
    const map = followUpsMap(doc);
    if (!map.has(key)) return notFound(key);
    map.delete(key);
    return ok(undefined);
  });
}

/** Removes every follow-up of one member (erasure on request); returns how many were removed. */
export function deleteMemberFollowUps(doc: Y.Doc, memberId: MemberId): number {
  const map = followUpsMap(doc);
  const keys = [...map.keys()].filter((key) => key.endsWith(`/${memberId}`));
  for (const key of keys) map.delete(key);
  return keys.length;
}

export interface FollowUpItem {
  readonly check: HealthCheck;
  readonly flags: readonly HealthFlag[];
  /** null while still to do. */
  readonly done: FollowUpDone | null;
}

function isLater(a: HealthCheck, b: HealthCheck): boolean {
  return a.takenAt > b.takenAt || (a.takenAt === b.takenAt && a.meetingId > b.meetingId);
}

/** Each member's most recent check, by the day it was taken. */
export function latestChecks(view: HealthView): readonly HealthCheck[] {
  const latest = new Map<string, HealthCheck>();
  for (const check of view.checks) {
    const seen = latest.get(check.memberId);
    if (seen === undefined || isLater(check, seen)) latest.set(check.memberId, check);
  }
  return [...latest.values()];
}

/**
 * The follow-up list: members whose most recent check is flagged under the club's thresholds. Still to
 * do first (oldest check first: they have waited longest), then those done (most recently done first).
 * A member flagged earlier but fine at the last check has nothing to follow up.
 */
export function listFollowUpItems(view: HealthView): readonly FollowUpItem[] {
  const items = latestChecks(view)
    .map((check) => ({
      check,
      flags: flagHealthCheck(check, view.thresholds),
      done: view.followUps[followUpKey(check.meetingId, check.memberId)] ?? null,
    }))
    .filter((item) => item.flags.length > 0);
  const open = items.filter((i) => i.done === null).sort((a, b) => (isLater(a.check, b.check) ? 1 : -1));
  const done = items
    .filter((i) => i.done !== null)
    .sort((a, b) => ((a.done?.on ?? '') < (b.done?.on ?? '') ? 1 : -1));
  return [...open, ...done];
}

/** One member's checks over time, oldest first: the trend table. */
export function listMemberHealth(view: HealthView, memberId: MemberId): readonly HealthCheck[] {
  return view.checks
    .filter((check) => check.memberId === memberId)
    .sort((a, b) => (isLater(a, b) ? 1 : isLater(b, a) ? -1 : 0));
}
