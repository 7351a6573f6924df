import type * as Y from 'yjs';
import { chooseWrite, writeValue } from '../conflicts/field-writes';
import { flatRecord } from '../conflicts/flat-record';
import { type ClubId, err, type IsoDate, isId, isIsoDate, type MemberId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import {
  type CommandError,
  type FieldError,
  FieldErrors,
  notFound,
  type ValidationError,
} from '../schema/command';
import { checkOptionalText, MAX_NOTES } from '../schema/field-checks';
import { newPairingId, newVisitId, type PairingId, type VisitId } from './care-ids';
import {
  CARE_SCHEMA_VERSION,
  careMeta,
  careSettings,
  PAIRING_VALUE_FIELDS,
  type PairingValueField,
  pairingKey,
  pairingsMap,
  runCareCommand,
  VISIT_ACTIVITIES,
  type VisitActivity,
  visitsMap,
  withdrawnMap,
} from './care-layout';

/** A visit every 1 to 90 days: outside that the setting is a typing slip. */
export const VISIT_INTERVAL_RANGE = [1, 90] as const;

export interface PairingInput {
  volunteerId: MemberId;
  memberId: MemberId;
  start: IsoDate;
  note?: string;
}

export interface VisitInput {
  pairingId: PairingId;
  date: IsoDate;
  /** Who went: usually the pairing's volunteer, sometimes another member standing in. */
  visitorId: MemberId;
  activities: readonly VisitActivity[];
  note?: string;
}

/** Starts the care doc of a club. Safe on two devices at once: the values are the same on both. */
export function createCare(
  doc: Y.Doc,
  input: { clubId: ClubId },
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runCareCommand(doc, origin, () => {
    if (!isId(input.clubId)) return notFound(input.clubId);
    const meta = careMeta(doc);
    if (meta.get('schemaVersion') !== CARE_SCHEMA_VERSION) meta.set('schemaVersion', CARE_SCHEMA_VERSION);
    if (meta.get('clubId') !== input.clubId) meta.set('clubId', input.clubId);
    return ok(undefined);
  });
}

export function validatePairing(input: PairingInput): ValidationError | null {
  const errors = new FieldErrors();
  if (!isId(input.volunteerId)) errors.add('volunteerId', 'required');
  if (!isId(input.memberId)) errors.add('memberId', 'required');
  if (input.volunteerId === input.memberId) errors.add('memberId', 'numberOrder');
  if (!isIsoDate(input.start)) errors.add('start', 'dateFormat');
  errors.add('note', checkOptionalText(input.note, MAX_NOTES));
  return errors.done();
}

/** Pairs a volunteer with a member to visit. Returns the new pairing's id. */
export function startPairing(
  doc: Y.Doc,
  input: PairingInput,
  origin: LocalOrigin,
): Result<PairingId, CommandError> {
  return runCareCommand(doc, origin, () => {
    const error = validatePairing(input);
    if (error !== null) return err(error);
    const id = newPairingId();
    const pairings = pairingsMap(doc);
    pairings.set(pairingKey(id, 'volunteerId'), input.volunteerId);
    pairings.set(pairingKey(id, 'memberId'), input.memberId);
    pairings.set(pairingKey(id, 'start'), input.start);
    const note = input.note?.trim() ?? '';
    if (note !== '') pairings.set(pairingKey(id, 'note'), note);
    return ok(id);
  });
}

function hasPairing(doc: Y.Doc, id: PairingId): boolean {
  return isId(id) && pairingsMap(doc).has(pairingKey(id, 'memberId'));
}

export interface PairingPatch {
  readonly pairingId: PairingId;
  readonly volunteerId?: MemberId;
  readonly start?: IsoDate;
  /** Days between visits for this member; null goes back to the club's interval. */
  readonly intervalDays?: number | null;
  readonly note?: string;
}

function checkInterval(days: number | null | undefined): FieldError | null {
  if (days === undefined || days === null) return null;
  const [min, max] = VISIT_INTERVAL_RANGE;
  return Number.isInteger(days) && days >= min && days <= max ? null : 'numberRange';
}

/**
 * Changes a pairing's volunteer, start, interval or note. Writes only the fields whose value changed,
 * one key each, so an edit and an end date set on another tablet both survive; the single values record
 * their writes, so the same field set differently on two tablets is flagged (readCare's `conflicts`).
 * `at` is the tablet's time, for people to tell the two values apart.
 */
export function updatePairing(
  doc: Y.Doc,
  input: PairingPatch,
  origin: LocalOrigin,
  at: string,
): Result<void, CommandError> {
  return runCareCommand(doc, origin, () => {
    if (!hasPairing(doc, input.pairingId)) return notFound(input.pairingId);
    const record = flatRecord(pairingsMap(doc), input.pairingId);
    const errors = new FieldErrors();
    if (input.volunteerId !== undefined && !isId(input.volunteerId)) errors.add('volunteerId', 'required');
    if (input.volunteerId !== undefined && input.volunteerId === record.get('memberId'))
      errors.add('volunteerId', 'numberOrder');
    if (input.start !== undefined) {
      const end = record.get('end');
      if (!isIsoDate(input.start)) errors.add('start', 'dateFormat');
      else if (typeof end === 'string' && end < input.start) errors.add('start', 'numberOrder');
    }
    errors.add('intervalDays', checkInterval(input.intervalDays));
    errors.add('note', checkOptionalText(input.note, MAX_NOTES));
    const error = errors.done();
    if (error !== null) return err(error);
    writeValue(record, 'volunteerId', input.volunteerId, origin.author, at);
    writeValue(record, 'start', input.start, origin.author, at);
    writeValue(record, 'intervalDays', input.intervalDays, origin.author, at);
    const note = input.note?.trim();
    if (note !== undefined && record.get('note') !== note) record.set('note', note);
    return ok(undefined);
  });
}

/** Ends a pairing on a date (the member moved, passed away, or no longer needs visits). null reopens it. */
export function endPairing(
  doc: Y.Doc,
  input: { pairingId: PairingId; end: IsoDate | null },
  origin: LocalOrigin,
  at: string,
): Result<void, CommandError> {
  return runCareCommand(doc, origin, () => {
    if (!hasPairing(doc, input.pairingId)) return notFound(input.pairingId);
    const record = flatRecord(pairingsMap(doc), input.pairingId);
    const start = record.get('start');
    if (input.end !== null && (!isIsoDate(input.end) || (typeof start === 'string' && input.end < start)))
      return err({ type: 'invalid', fields: { end: 'dateFormat' } });
    // Reopening writes null rather than deleting the key: the write is recorded like any other value, so
    // an end set on one tablet while another reopened is flagged too.
    if (input.end === null && !record.has('end')) return ok(undefined);
    writeValue(record, 'end', input.end, origin.author, at);
    return ok(undefined);
  });
}

/** Keeps one of the values two tablets wrote for a pairing's field; the members' rule (member-conflicts.ts). */
export function resolvePairingConflict(
  doc: Y.Doc,
  input: { pairingId: PairingId; field: PairingValueField; writeId: string },
  origin: LocalOrigin,
  at: string,
): Result<void, CommandError> {
  return runCareCommand(doc, origin, () => {
    if (!(PAIRING_VALUE_FIELDS as readonly string[]).includes(input.field))
      return err({ type: 'invalid', fields: { field: 'required' } });
    if (!hasPairing(doc, input.pairingId)) return notFound(input.pairingId);
    const record = flatRecord(pairingsMap(doc), input.pairingId);
    return chooseWrite(record, input.field, input.writeId, origin.author, at) === undefined
      ? notFound(input.writeId)
      : ok(undefined);
  });
}

export function validateVisit(input: VisitInput, today: IsoDate): ValidationError | null {
  const errors = new FieldErrors();
  if (!isId(input.visitorId)) errors.add('visitorId', 'required');
  if (!isIsoDate(input.date)) errors.add('date', 'dateFormat');
  else if (input.date > today) errors.add('date', 'dateInFuture');
  const known = input.activities.every((a) => (VISIT_ACTIVITIES as readonly string[]).includes(a));
  if (!known) errors.add('activities', 'required');
  if (input.activities.length === 0 && (input.note ?? '').trim() === '') errors.add('activities', 'required');
  errors.add('note', checkOptionalText(input.note, MAX_NOTES));
  return errors.done();
}

/**
 * Records one visit as a new record under a new id: never merged with, nor overwriting, another visit,
 * so visits recorded on two tablets while apart all stay. `today` bounds the date (no future visits).
 */
export function recordVisit(
  doc: Y.Doc,
  input: VisitInput,
  today: IsoDate,
  origin: LocalOrigin,
): Result<VisitId, CommandError> {
  return runCareCommand(doc, origin, () => {
    if (!hasPairing(doc, input.pairingId)) return notFound(input.pairingId);
    const error = validateVisit(input, today);
    if (error !== null) return err(error);
    const id = newVisitId();
    const activities = VISIT_ACTIVITIES.filter((a) => input.activities.includes(a));
    visitsMap(doc).set(id, {
      pairingId: input.pairingId,
      date: input.date,
      visitorId: input.visitorId,
      activities,
      note: input.note?.trim() ?? '',
      recordedBy: origin.author.id,
    });
    return ok(id);
  });
}

/** Withdraws a visit entered by mistake: a marker beside it, so the record itself is never rewritten. */
export function withdrawVisit(
  doc: Y.Doc,
  input: { visitId: VisitId; on: IsoDate },
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runCareCommand(doc, origin, () => {
    if (!isId(input.visitId) || !visitsMap(doc).has(input.visitId)) return notFound(input.visitId);
    if (!isIsoDate(input.on)) return err({ type: 'invalid', fields: { on: 'dateFormat' } });
    if (!withdrawnMap(doc).has(input.visitId))
      withdrawnMap(doc).set(input.visitId, { by: origin.author.id, on: input.on });
    return ok(undefined);
  });
}

/** The club's visit interval in days (default DEFAULT_VISIT_INTERVAL_DAYS). */
export function setVisitInterval(doc: Y.Doc, days: number, origin: LocalOrigin): Result<void, CommandError> {
  return runCareCommand(doc, origin, () => {
    if (checkInterval(days) !== null)
      return err({ type: 'invalid', fields: { visitIntervalDays: 'numberRange' } });
    if (careSettings(doc).get('visitIntervalDays') !== days) careSettings(doc).set('visitIntervalDays', days);
    return ok(undefined);
  });
}
