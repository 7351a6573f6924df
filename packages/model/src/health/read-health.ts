import * as v from 'valibot';
import type * as Y from 'yjs';
import { type ClubId, compareText, isId, type MeetingId, type MemberId } from '../ids/ids';
import { type FollowUpDone, readFollowUps } from './follow-ups';
import {
  DEFAULT_HEALTH_THRESHOLDS,
  flagHealthCheck,
  type HealthFlag,
  type HealthThresholds,
  THRESHOLD_KEYS,
} from './health-flags';
import {
  checksMap,
  HEALTH_FIELDS,
  type HealthField,
  healthMeta,
  healthSettings,
  isHealthReadOnly,
  parseCheckKey,
  readHealthSchemaVersion,
} from './health-layout';
import { listVisitHealthNotes, type VisitHealthNote } from './visit-notes';

export interface HealthCheck {
  readonly meetingId: MeetingId;
  readonly memberId: MemberId;
  readonly weightKg: number | null;
  readonly systolic: number | null;
  readonly diastolic: number | null;
  readonly glucoseMmol: number | null;
  readonly takenAt: string;
  /** Author id of who recorded it. */
  readonly takenBy: string;
}

export interface HealthView {
  readonly clubId: ClubId | null;
  readonly schemaVersion: number;
  readonly readOnly: boolean;
  readonly thresholds: HealthThresholds;
  /** Sorted by meeting id, then member id. */
  readonly checks: readonly HealthCheck[];
  /** Follow-ups marked "đã thăm hỏi", by `followUpKey(meetingId, memberId)` (follow-ups.ts). */
  readonly followUps: Readonly<Record<string, FollowUpDone>>;
  /**
   * Health notes from home-care visits, newest first (visit-notes.ts). Optional only so that views built
   * by hand (reports, benchmarks) need not list them; `readHealth` always does.
   */
  readonly visitNotes?: readonly VisitHealthNote[];
}

const measure = v.fallback(v.nullable(v.pipe(v.number(), v.finite())), null);
const text = v.fallback(v.string(), '');
const CheckRecord = v.object({
  weightKg: measure,
  systolic: measure,
  diastolic: measure,
  glucoseMmol: measure,
  takenAt: text,
  takenBy: text,
});
const threshold = v.pipe(v.number(), v.finite());

export function readHealth(doc: Y.Doc): HealthView {
  const grouped = new Map<string, { meetingId: string; memberId: string; raw: Record<string, unknown> }>();
  for (const [key, value] of checksMap(doc).entries()) {
    const parsed = parseCheckKey(key);
    if (parsed === null || !isId(parsed.meetingId) || !isId(parsed.memberId)) continue;
    if (!(HEALTH_FIELDS as readonly string[]).includes(parsed.field)) continue;
    const pair = `${parsed.meetingId}/${parsed.memberId}`;
    const entry = grouped.get(pair) ?? { meetingId: parsed.meetingId, memberId: parsed.memberId, raw: {} };
    entry.raw[parsed.field as HealthField] = value;
    grouped.set(pair, entry);
  }
  const checks = [...grouped.values()]
    .map(({ meetingId, memberId, raw }) => ({
      meetingId: meetingId as MeetingId,
      memberId: memberId as MemberId,
      ...v.parse(CheckRecord, raw),
    }))
    .filter(
      (c) => c.weightKg !== null || c.systolic !== null || c.diastolic !== null || c.glucoseMmol !== null,
    )
    .sort((a, b) => compareText(a.meetingId, b.meetingId) || compareText(a.memberId, b.memberId));
  const clubId = healthMeta(doc).get('clubId');
  return {
    clubId: isId(clubId) ? (clubId as ClubId) : null,
    schemaVersion: readHealthSchemaVersion(doc) ?? 0,
    readOnly: isHealthReadOnly(doc),
    thresholds: readHealthThresholds(doc),
    checks,
    followUps: readFollowUps(doc),
    visitNotes: listVisitHealthNotes(doc),
  };
}

/** The club's thresholds, the national default for any missing or unreadable value. */
export function readHealthThresholds(doc: Y.Doc): HealthThresholds {
  const settings = healthSettings(doc);
  const out: Record<string, number> = { ...DEFAULT_HEALTH_THRESHOLDS };
  for (const key of THRESHOLD_KEYS) {
    const parsed = v.safeParse(threshold, settings.get(key));
    if (parsed.success) out[key] = parsed.output;
  }
  return out as unknown as HealthThresholds;
}

export function listHealthChecks(view: HealthView, meetingId: MeetingId): HealthCheck[] {
  return view.checks.filter((c) => c.meetingId === meetingId);
}

export interface FollowUp {
  readonly check: HealthCheck;
  readonly flags: readonly HealthFlag[];
}

/** Checks with at least one flag under the club's thresholds, optionally for one meeting. */
export function listFollowUps(view: HealthView, meetingId?: MeetingId): FollowUp[] {
  return view.checks
    .filter((c) => meetingId === undefined || c.meetingId === meetingId)
    .map((check) => ({ check, flags: flagHealthCheck(check, view.thresholds) }))
    .filter((f) => f.flags.length > 0);
}
