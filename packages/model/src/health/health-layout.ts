import type * as Y from 'yjs';
import type { WriteRecord } from '../conflicts/field-writes';
import { type ClubId, err, type Result } from '../ids/ids';
import type { ChangeOrigin } from '../origin/origin';
import {
  type CommandError,
  type NotFoundError,
  transactCommand,
  type ValidationError,
} from '../schema/command';
import { indexedCheckRecord } from './check-index';

/**
 * The club's private health document `<clubId>/health`. Health measurements are sensitive personal
 * data (Law 91/2025/QH15), so they live apart from the minutes and the club doc: only the committee's
 * keys open it. Layout:
 * - `meta`: schemaVersion, clubId
 * - `checks`: flat keys `<meetingId>/<memberId>/<field>` → value. Flat, not nested maps per meeting and
 *   member: at a meeting one tablet weighs and another takes blood pressure, for the same member, at
 *   the same time; nested maps created lazily by both would let one tablet's map (and values) win.
 *   Beside each measurement, `<meetingId>/<memberId>/write/<field>/<writeId>` records who wrote it, when and
 *   which earlier writes they had seen (conflicts/field-writes.ts), so two tablets that set different values
 *   for the same measurement while apart are both kept and shown until someone chooses (health-conflicts.ts).
 * - `settings`: the follow-up thresholds (HealthThresholds), defaults when missing.
 * - `followUps`: `<meetingId>/<memberId>` → `{ on, by }`, a flagged check followed up (follow-ups.ts).
 * - `locks`: `<meetingId>` → `{ approvedAt }` while the meeting's minutes are approved: its measurements
 *   are read-only, as the minutes are (health-locks.ts).
 * Unlike minutes docs, the health doc keeps Yjs garbage collection ON, so erased values are dropped
 * from the document instead of staying in its history.
 */

export const HEALTH_SCHEMA_VERSION = 2;

export const HEALTH_FIELDS = [
  'weightKg',
  'systolic',
  'diastolic',
  'glucoseMmol',
  'takenAt',
  'takenBy',
] as const;
export type HealthField = (typeof HEALTH_FIELDS)[number];

/** The four numbers taken at a meeting: the fields that hold one value each and may conflict. */
export const HEALTH_MEASURES = ['weightKg', 'systolic', 'diastolic', 'glucoseMmol'] as const;
export type HealthMeasure = (typeof HEALTH_MEASURES)[number];

export const healthMeta = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta');
export const checksMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('checks');
export const healthSettings = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('settings');
export const locksMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('locks');

export function healthDocName(clubId: ClubId): string {
  return `${clubId}/health`;
}

export function checkKey(meetingId: string, memberId: string, field: HealthField): string {
  return `${meetingId}/${memberId}/${field}`;
}

/**
 * One member's check at one meeting as a record of its own: its measurements and their writes (the shape
 * of `flatRecord`, found through an index of the map's keys instead of a walk over every check).
 */
export function checkRecord(doc: Y.Doc, meetingId: string, memberId: string): WriteRecord {
  return indexedCheckRecord(checksMap(doc), `${meetingId}/${memberId}`);
}

/** A measurement's key `<meetingId>/<memberId>/<field>`; null for a write record's key or anything else. */
export function parseCheckKey(key: string): { meetingId: string; memberId: string; field: string } | null {
  const parts = key.split('/');
  if (parts.length !== 3) return null;
  const [meetingId, memberId, field] = parts as [string, string, string];
  return { meetingId, memberId, field };
}

export function readHealthSchemaVersion(doc: Y.Doc): number | null {
  const version = healthMeta(doc).get('schemaVersion');
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : null;
}

export function isHealthReadOnly(doc: Y.Doc): boolean {
  return (readHealthSchemaVersion(doc) ?? 0) > HEALTH_SCHEMA_VERSION;
}

export function runHealthCommand<T>(
  doc: Y.Doc,
  origin: ChangeOrigin,
  body: () => Result<T, ValidationError | NotFoundError>,
): Result<T, CommandError> {
  if (isHealthReadOnly(doc)) return err({ type: 'readOnly' });
  return transactCommand(doc, origin, body);
}
