import * as v from 'valibot';
import type * as Y from 'yjs';
import type { Attachment } from '../attachments/attachments';
import { type FieldConflict, readConflicts } from '../conflicts/field-writes';
import { groupFlatKeys } from '../conflicts/flat-record';
import { type ClubId, compareText, type IsoDate, isId, isIsoDate, type MemberId } from '../ids/ids';
import { listVisitAttachments } from './care-attachments';
import type { PairingId, VisitId } from './care-ids';
import {
  careMeta,
  careSettings,
  isCareReadOnly,
  PAIRING_VALUE_FIELDS,
  type PairingValueField,
  pairingsMap,
  readCareSchemaVersion,
  VISIT_ACTIVITIES,
  type VisitActivity,
  visitsMap,
  withdrawnMap,
} from './care-layout';

/** Two weeks: the interval most home-care guides give for a frail member living alone. */
export const DEFAULT_VISIT_INTERVAL_DAYS = 14;

export interface Pairing {
  readonly id: PairingId;
  readonly volunteerId: MemberId;
  readonly memberId: MemberId;
  readonly start: IsoDate;
  /** null while the pairing is active. */
  readonly end: IsoDate | null;
  /** Days between visits for this member; null: the club's interval. */
  readonly intervalDays: number | null;
  readonly note: string;
  /** A single value two tablets set differently while apart; absent when none. */
  readonly conflicts?: readonly FieldConflict<PairingValueField>[];
}

export interface Visit {
  readonly id: VisitId;
  readonly pairingId: PairingId;
  readonly date: IsoDate;
  readonly visitorId: MemberId;
  readonly activities: readonly VisitActivity[];
  readonly note: string;
  /** Author id of who recorded it. */
  readonly recordedBy: string;
  /** Its photos (care-attachments.ts), left out when it has none, as on a meeting. */
  readonly attachments?: readonly Attachment[];
}

export interface CareView {
  readonly clubId: ClubId | null;
  readonly schemaVersion: number;
  readonly readOnly: boolean;
  readonly visitIntervalDays: number;
  /** Sorted by start date, then id. */
  readonly pairings: readonly Pairing[];
  /** Visits not withdrawn, newest first (then by id, so every tablet shows one order). */
  readonly visits: readonly Visit[];
}

const id = v.pipe(
  v.string(),
  v.check((s: string) => isId(s)),
);
const date = v.pipe(
  v.string(),
  v.check((s: string) => isIsoDate(s)),
);
const PairingRecord = v.object({
  volunteerId: id,
  memberId: id,
  start: date,
  end: v.fallback(v.nullable(date), null),
  intervalDays: v.fallback(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))), null),
  note: v.fallback(v.string(), ''),
});
const VisitRecord = v.object({
  pairingId: id,
  date,
  visitorId: id,
  activities: v.fallback(v.array(v.picklist(VISIT_ACTIVITIES)), []),
  note: v.fallback(v.string(), ''),
  recordedBy: v.fallback(v.string(), ''),
});

/**
 * Reads the care doc as plain data. Rows a peer wrote in a shape this build does not know (or damaged)
 * are left out rather than shown half-read; the document itself keeps them.
 */
export function readCare(doc: Y.Doc): CareView {
  const pairings: Pairing[] = [];
  for (const [pairingId, fields] of groupFlatKeys(pairingsMap(doc))) {
    const result = v.safeParse(PairingRecord, fields);
    if (!isId(pairingId) || !result.success) continue;
    const conflicts = readConflicts(fields, PAIRING_VALUE_FIELDS);
    pairings.push({
      id: pairingId as PairingId,
      ...result.output,
      volunteerId: result.output.volunteerId as MemberId,
      memberId: result.output.memberId as MemberId,
      ...(conflicts.length > 0 ? { conflicts } : {}),
    });
  }
  pairings.sort((a, b) => compareText(a.start, b.start) || compareText(a.id, b.id));
  const withdrawn = withdrawnMap(doc);
  const visits: Visit[] = [];
  for (const [visitId, value] of visitsMap(doc).entries()) {
    if (!isId(visitId) || withdrawn.has(visitId)) continue;
    const result = v.safeParse(VisitRecord, value);
    if (!result.success) continue;
    const attachments = listVisitAttachments(doc, visitId as VisitId);
    visits.push({
      id: visitId as VisitId,
      ...result.output,
      pairingId: result.output.pairingId as PairingId,
      visitorId: result.output.visitorId as MemberId,
      ...(attachments.length > 0 ? { attachments } : {}),
    });
  }
  visits.sort((a, b) => compareText(b.date, a.date) || compareText(a.id, b.id));
  const interval = careSettings(doc).get('visitIntervalDays');
  const clubId = careMeta(doc).get('clubId');
  return {
    clubId: isId(clubId) ? (clubId as ClubId) : null,
    schemaVersion: readCareSchemaVersion(doc) ?? 0,
    readOnly: isCareReadOnly(doc),
    visitIntervalDays:
      typeof interval === 'number' && Number.isInteger(interval) && interval > 0
        ? interval
        : DEFAULT_VISIT_INTERVAL_DAYS,
    pairings,
    visits,
  };
}
