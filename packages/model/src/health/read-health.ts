import * as v from 'valibot';
import type * as Y from 'yjs';
import { type ClubId, compareText, isId, type MeetingId, type MemberId } from '../ids/ids';
import { type CheckScope, indexedPairs } from './check-index';
import { type FollowUpDone, readFollowUps } from './follow-ups';
import { type HealthConflict, readCheckConflicts } from './health-conflicts';
import {
  DEFAULT_HEALTH_THRESHOLDS,
  flagHealthCheck,
  type HealthFlag,
  type HealthThresholds,
  THRESHOLD_KEYS,
} from './health-flags';
import {
  checkRecord,
  checksMap,
  HEALTH_FIELDS,
  healthMeta,
  healthSettings,
  isHealthReadOnly,
  readHealthSchemaVersion,
} from './health-layout';
import { type HealthLock, readHealthLocks } from './health-locks';
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
  /**
   * Measurements two tablets set differently while apart, with both values, until someone chooses
   * (health-conflicts.ts). Absent when there is none, as on almost every check.
   */
  readonly conflicts?: readonly HealthConflict[];
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
  /** Meetings whose minutes are approved, their measurements read-only (health-locks.ts); `readHealth` lists them. */
  readonly locks?: Readonly<Record<string, HealthLock>>;
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

interface Grouped {
  readonly meetingId: string;
  readonly memberId: string;
  /** Measurements and the other plain fields by name; write records as `write/<field>/<id>`. */
  readonly raw: Record<string, unknown>;
  /** How many write records each field holds: a settled field keeps one, so two or more may be a conflict. */
  readonly writes: Map<string, number>;
}

/**
 * Files one key of a check (`rest`: the parts after `<meetingId>/<memberId>`) into its group; anything that is
 * neither a known field nor a write record (`write/<field>/<id>`) is left out, as health-layout.ts says.
 */
function addKey(entry: Grouped, rest: readonly string[], value: unknown): void {
  const [field = ''] = rest;
  const isWrite = field === 'write' && rest.length === 3;
  if (rest.length !== 1 && !isWrite) return;
  if (!isWrite && !(HEALTH_FIELDS as readonly string[]).includes(field)) return;
  if (isWrite) {
    const written = rest[1] ?? '';
    entry.raw[`write/${written}/${rest[2]}`] = value;
    entry.writes.set(written, (entry.writes.get(written) ?? 0) + 1);
  } else entry.raw[field] = value;
}

/** The checks map's keys grouped per meeting and member (see health-layout.ts for the key shapes). */
function groupChecks(doc: Y.Doc): Map<string, Grouped> {
  const grouped = new Map<string, Grouped>();
  // Ids are checked once per check, not once per key: five years hold some 36,000 keys for 3,600 checks.
  const badPairs = new Set<string>();
  for (const [key, value] of checksMap(doc).entries()) {
    const parts = key.split('/');
    const [meetingId = '', memberId = ''] = parts;
    if (parts.length < 3) continue;
    const pair = `${meetingId}/${memberId}`;
    let entry = grouped.get(pair);
    if (entry === undefined) {
      if (badPairs.has(pair)) continue;
      if (!isId(meetingId) || !isId(memberId)) {
        badPairs.add(pair);
        continue;
      }
      entry = { meetingId, memberId, raw: {}, writes: new Map() };
      grouped.set(pair, entry);
    }
    addKey(entry, parts.slice(2), value);
  }
  return grouped;
}

/** The check a group makes, or null when it holds no measurement and no conflict (the view leaves it out). */
function toCheck({ meetingId, memberId, raw, writes }: Grouped): HealthCheck | null {
  let check: HealthCheck = {
    meetingId: meetingId as MeetingId,
    memberId: memberId as MemberId,
    ...v.parse(CheckRecord, raw),
  };
  // Only a field with two write records or more can be in conflict: most checks skip the parsing.
  if ([...writes.values()].some((count) => count > 1)) {
    const conflicts = readCheckConflicts(raw);
    if (conflicts.length > 0) check = { ...check, conflicts };
  }
  const measured =
    check.weightKg !== null ||
    check.systolic !== null ||
    check.diastolic !== null ||
    check.glucoseMmol !== null;
  return measured || check.conflicts !== undefined ? check : null;
}

/**
 * One member's check at one meeting, read from that check's own keys (`entries`: field → value, as
 * `checkRecord` gives them), exactly as `readHealth` reads it; null where `readHealth` lists no check.
 */
export function readHealthCheck(
  meetingId: string,
  memberId: string,
  entries: () => Iterable<readonly [string, unknown]>,
): HealthCheck | null {
  if (!isId(meetingId) || !isId(memberId)) return null;
  const entry: Grouped = { meetingId, memberId, raw: {}, writes: new Map() };
  for (const [field, value] of entries()) addKey(entry, field.split('/'), value);
  return toCheck(entry);
}

/** The view's order of checks: by meeting id, then member id. */
export const compareChecks = (a: HealthCheck, b: HealthCheck): number =>
  compareText(a.meetingId, b.meetingId) || compareText(a.memberId, b.memberId);

export function readHealth(doc: Y.Doc): HealthView {
  const checks = [...groupChecks(doc).values()]
    .map(toCheck)
    .filter((c): c is HealthCheck => c !== null)
    .sort(compareChecks);
  return { ...readHealthHeader(doc), checks };
}

/**
 * One meeting's checks or one member's, exactly as `readHealth` lists them, read through the index of the
 * checks' keys (check-index.ts): the health-check screen reads its 60 checks, not five years' 3,600.
 */
export function readHealthChecksIn(doc: Y.Doc, scope: CheckScope): HealthCheck[] {
  const checks: HealthCheck[] = [];
  for (const pair of indexedPairs(checksMap(doc), scope)) {
    const slash = pair.indexOf('/');
    const meetingId = pair.slice(0, slash);
    const memberId = pair.slice(slash + 1);
    const check = readHealthCheck(meetingId, memberId, () => checkRecord(doc, meetingId, memberId).entries());
    if (check !== null) checks.push(check);
  }
  return checks.sort(compareChecks);
}

/** Everything of the view but its checks: small records, read whole (health-follower.ts reads them alone). */
export function readHealthHeader(doc: Y.Doc): Omit<HealthView, 'checks'> {
  const clubId = healthMeta(doc).get('clubId');
  return {
    clubId: isId(clubId) ? (clubId as ClubId) : null,
    schemaVersion: readHealthSchemaVersion(doc) ?? 0,
    readOnly: isHealthReadOnly(doc),
    thresholds: readHealthThresholds(doc),
    followUps: readFollowUps(doc),
    visitNotes: listVisitHealthNotes(doc),
    locks: readHealthLocks(doc),
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
