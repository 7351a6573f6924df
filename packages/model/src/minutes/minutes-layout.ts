import * as Y from 'yjs';
import { type ClubId, err, isId, type MeetingId, newMeetingId, type Result } from '../ids/ids';
import type { ChangeOrigin } from '../origin/origin';
import {
  type CommandError,
  type NotFoundError,
  transactCommand,
  type ValidationError,
} from '../schema/command';

/**
 * The layout of one meeting's minutes document (`<clubId>/meeting/<meetingId>`). Every top-level type
 * is created by name, so two tablets that both start the minutes offline share the same maps and
 * arrays; nested maps and fragments are created in the same transaction as their record.
 */

export const MINUTES_SCHEMA_VERSION = 2;

export type AgendaItemId = string & { readonly __brand: 'AgendaItemId' };
export type ActionItemId = string & { readonly __brand: 'ActionItemId' };
export type MoneyEntryId = string & { readonly __brand: 'MoneyEntryId' };

// The random-id source in ids.ts is shared: 132 random bits, the alphabet the relay accepts.
export function newAgendaItemId(): AgendaItemId {
  return newMeetingId() as string as AgendaItemId;
}
export function newActionItemId(): ActionItemId {
  return newMeetingId() as string as ActionItemId;
}
export function newMoneyEntryId(): MoneyEntryId {
  return newMeetingId() as string as MoneyEntryId;
}

/** `<clubId>/meeting/<meetingId>`: the document name the client opens when a meeting is opened. */
export function minutesDocName(clubId: ClubId, meetingId: MeetingId): string {
  return `${clubId}/meeting/${meetingId}`;
}

/**
 * A minutes doc keeps deleted content (gc off): Y.createDocFromSnapshot can only rebuild an approved
 * state or a saved version from items that are still in the store. Every peer that holds a minutes doc
 * must open it with this factory, or its updates would carry garbage-collected gaps.
 */
export function createMinutesDoc(): Y.Doc {
  return new Y.Doc({ gc: false });
}

/** The key of an agenda item's rich-text body; the client's editor binds to this Y.XmlFragment. */
export const AGENDA_BODY_KEY = 'body';

export type YRecord = Y.Map<unknown>;

export const minutesMeta = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta');
export const headerMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('minutes');
export const attendanceMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('attendance');
export const agendaOrder = (doc: Y.Doc): Y.Array<string> => doc.getArray('agenda');
export const agendaItemsMap = (doc: Y.Doc): Y.Map<YRecord> => doc.getMap('agendaItems');
export const actionsMap = (doc: Y.Doc): Y.Map<YRecord> => doc.getMap('actions');
export const moneyMap = (doc: Y.Doc): Y.Map<YRecord> => doc.getMap('money');
export const approvalMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('approval');
export const reopeningsArray = (doc: Y.Doc): Y.Array<unknown> => doc.getArray('reopenings');
export const versionsArray = (doc: Y.Doc): Y.Array<unknown> => doc.getArray('versions');

export function getMinutesRecord(parent: Y.Map<YRecord>, id: string): YRecord | undefined {
  const value: unknown = parent.get(id);
  return value instanceof Y.Map ? (value as YRecord) : undefined;
}

/** The rich-text body of an agenda item, or null when the item does not exist. */
export function getAgendaBody(doc: Y.Doc, itemId: AgendaItemId): Y.XmlFragment | null {
  const body = getMinutesRecord(agendaItemsMap(doc), itemId)?.get(AGENDA_BODY_KEY);
  return body instanceof Y.XmlFragment ? body : null;
}

export function readMinutesSchemaVersion(doc: Y.Doc): number | null {
  const version = minutesMeta(doc).get('schemaVersion');
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : null;
}

export function isMinutesReadOnly(doc: Y.Doc): boolean {
  return (readMinutesSchemaVersion(doc) ?? 0) > MINUTES_SCHEMA_VERSION;
}

export function hasMinutes(doc: Y.Doc): boolean {
  return isId(minutesMeta(doc).get('meetingId'));
}

/** Sealed = both roles approved and the approved state is stored (see approval.ts). */
export function isSealed(doc: Y.Doc): boolean {
  return approvalMap(doc).get('seal') !== undefined;
}

export type ApprovedError = { readonly type: 'approved' };
export type MinutesError = CommandError | ApprovedError;

/**
 * Like runCommand for the club doc, plus the approval lock: approved minutes refuse every edit and
 * write nothing. `body` checks everything before its first write.
 */
export function runMinutesCommand<T>(
  doc: Y.Doc,
  origin: ChangeOrigin,
  body: () => Result<T, ValidationError | NotFoundError>,
  options: { allowWhenApproved?: boolean } = {},
): Result<T, MinutesError> {
  if (isMinutesReadOnly(doc)) return err({ type: 'readOnly' });
  if (options.allowWhenApproved !== true && isSealed(doc)) return err({ type: 'approved' });
  return transactCommand(doc, origin, body);
}

/** Writes only when the value differs (Uint8Array-free values only). */
export function setIfChanged(record: Y.Map<unknown>, key: string, value: unknown): void {
  if (value === undefined) return;
  if (!record.has(key) || record.get(key) !== value) record.set(key, value);
}
