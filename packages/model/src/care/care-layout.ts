import type * as Y from 'yjs';
import { type ClubId, err, type Result } from '../ids/ids';
import type { ChangeOrigin } from '../origin/origin';
import {
  type CommandError,
  type NotFoundError,
  transactCommand,
  type ValidationError,
} from '../schema/command';

/**
 * The club's private home-care document `<clubId>/care`. Who is paired with whom says which members are
 * frail or living alone, which is personal data (Law 91/2025/QH15): like health and money, only the
 * committee's keys open it (protocol `isPrivateDocument`). Layout:
 * - `meta`: schemaVersion, clubId
 * - `settings`: `visitIntervalDays`, the days after which a cared-for member counts as not visited.
 * - `pairings`: flat keys `<pairingId>/<field>` → value, one key per field, so an end date set on one
 *   tablet and a note changed on another both survive (the roster's rule for members). The single values
 *   (PAIRING_VALUE_FIELDS) also keep their writes, `<pairingId>/write/<field>/<id>`, so one field set
 *   differently on two tablets is flagged rather than lost. `intervalDays` (optional) overrides the club's.
 * - `visits`: `<visitId>` → a plain record written once and never changed: visits are append-only, so
 *   two tablets recording visits while apart both keep theirs. A mistaken visit is withdrawn by a
 *   marker in `withdrawn` (`<visitId>` → `{ by, on }`), never by rewriting the record.
 * A visit's health note is not kept here: it goes to the health document (health/visit-notes.ts).
 */

export const CARE_SCHEMA_VERSION = 1;

export const PAIRING_FIELDS = ['volunteerId', 'memberId', 'start', 'end', 'intervalDays', 'note'] as const;
export type PairingField = (typeof PAIRING_FIELDS)[number];

/**
 * A pairing's single values: set differently on two tablets while apart, both are kept and flagged until
 * someone chooses (conflicts/field-writes.ts, the members' rule), never one lost in silence.
 */
export const PAIRING_VALUE_FIELDS = ['volunteerId', 'start', 'end', 'intervalDays'] as const;
export type PairingValueField = (typeof PAIRING_VALUE_FIELDS)[number];

export const VISIT_ACTIVITIES = ['talk', 'cleaning', 'cooking', 'clinic', 'other'] as const;
export type VisitActivity = (typeof VISIT_ACTIVITIES)[number];

export const careMeta = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta');
export const careSettings = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('settings');
export const pairingsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('pairings');
export const visitsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('visits');
export const withdrawnMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('withdrawn');

export function careDocName(clubId: ClubId): string {
  return `${clubId}/care`;
}

export function pairingKey(pairingId: string, field: PairingField): string {
  return `${pairingId}/${field}`;
}

export function parsePairingKey(key: string): { pairingId: string; field: string } | null {
  const parts = key.split('/');
  if (parts.length !== 2) return null;
  const [pairingId, field] = parts as [string, string];
  return { pairingId, field };
}

export function readCareSchemaVersion(doc: Y.Doc): number | null {
  const version = careMeta(doc).get('schemaVersion');
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : null;
}

export function isCareReadOnly(doc: Y.Doc): boolean {
  return (readCareSchemaVersion(doc) ?? 0) > CARE_SCHEMA_VERSION;
}

export function runCareCommand<T>(
  doc: Y.Doc,
  origin: ChangeOrigin,
  body: () => Result<T, ValidationError | NotFoundError>,
): Result<T, CommandError> {
  if (isCareReadOnly(doc)) return err({ type: 'readOnly' });
  return transactCommand(doc, origin, body);
}
