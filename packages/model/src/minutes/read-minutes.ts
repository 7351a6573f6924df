import * as v from 'valibot';
import * as Y from 'yjs';
import { type ClubId, compareText, isId, type MeetingId } from '../ids/ids';
import type { AttendanceStatus } from '../schema/enums';
import { AttendanceValue } from '../schema/record-schemas';
import { readTextValue } from '../text/shared-text';
import {
  type ActionItemId,
  AGENDA_BODY_KEY,
  type AgendaItemId,
  actionsMap,
  agendaItemsMap,
  agendaOrder,
  approvalMap,
  attendanceMap,
  headerMap,
  isMinutesReadOnly,
  type MoneyEntryId,
  minutesMeta,
  moneyMap,
  readMinutesSchemaVersion,
  reopeningsArray,
  versionsArray,
  type YRecord,
} from './minutes-layout';
import {
  ActionRecord,
  AgendaRecord,
  HeaderRecord,
  MoneyRecord,
  ReopeningValue,
  SealValue,
  SignatureValue,
  VersionValue,
} from './minutes-schemas';
import type {
  ActionItem,
  AgendaItem,
  MinutesApproval,
  MinutesContent,
  MinutesHeader,
  MinutesVersion,
  MinutesView,
  MoneyEntry,
  Reopening,
  Signature,
} from './minutes-types';
import { xmlFragmentToText } from './xml-text';

/**
 * Projects a minutes doc into a plain, validated, deterministic view (Y.Map iteration order depends on
 * update arrival, so every list is ordered here).
 */
export function readMinutes(doc: Y.Doc): MinutesView {
  const meta = minutesMeta(doc);
  const clubId = meta.get('clubId');
  const meetingId = meta.get('meetingId');
  return {
    clubId: isId(clubId) ? (clubId as ClubId) : null,
    meetingId: isId(meetingId) ? (meetingId as MeetingId) : null,
    schemaVersion: readMinutesSchemaVersion(doc) ?? 0,
    readOnly: isMinutesReadOnly(doc),
    ...readMinutesContent(doc),
    approval: readApproval(doc),
    reopenings: readReopenings(doc),
    versions: listVersions(doc),
  };
}

export function readMinutesContent(doc: Y.Doc): MinutesContent {
  return {
    header: v.parse(HeaderRecord, headerMap(doc).toJSON()) as MinutesHeader,
    attendance: readAttendance(attendanceMap(doc)),
    agenda: readAgenda(doc),
    actions: readActions(actionsMap(doc)),
    money: readMoney(moneyMap(doc)),
  };
}

function readAttendance(map: Y.Map<unknown>): Record<string, AttendanceStatus> {
  const out: Record<string, AttendanceStatus> = {};
  for (const key of [...map.keys()].sort()) {
    const status = v.safeParse(AttendanceValue, map.get(key));
    if (isId(key) && status.success) out[key] = status.output;
  }
  return out;
}

/**
 * The agenda order with each id once (its first occurrence: two concurrent moves of one item each
 * insert it) and only ids that have an item.
 */
export function projectAgendaOrder(doc: Y.Doc): AgendaItemId[] {
  const items = agendaItemsMap(doc);
  const seen = new Set<string>();
  const out: AgendaItemId[] = [];
  for (const id of agendaOrder(doc).toArray()) {
    if (typeof id !== 'string' || seen.has(id) || !(items.get(id) instanceof Y.Map)) continue;
    seen.add(id);
    out.push(id as AgendaItemId);
  }
  return out;
}

function readAgenda(doc: Y.Doc): AgendaItem[] {
  const items = agendaItemsMap(doc);
  return projectAgendaOrder(doc).map((id) => {
    const record = items.get(id) as YRecord;
    const r = v.parse(AgendaRecord, {
      title: readTextValue(record.get('title')),
      decisions: readTextValue(record.get('decisions')),
      removed: record.get('removed'),
    });
    const body = record.get(AGENDA_BODY_KEY);
    return { id, ...r, bodyText: body instanceof Y.XmlFragment ? xmlFragmentToText(body) : '' };
  });
}

function records(parent: Y.Map<YRecord>): [string, unknown][] {
  return Object.entries(parent.toJSON()).filter(
    ([key, value]) => isId(key) && typeof value === 'object' && value !== null,
  );
}

function readActions(parent: Y.Map<YRecord>): ActionItem[] {
  return records(parent)
    .map(([id, raw]) => ({ id, ...v.parse(ActionRecord, raw) }))
    .sort((a, b) => a.order - b.order || compareText(a.id, b.id))
    .map(({ order: _order, id, ...rest }) => ({ id: id as ActionItemId, ...rest }) as ActionItem);
}

function readMoney(parent: Y.Map<YRecord>): MoneyEntry[] {
  return records(parent)
    .map(([id, raw]) => ({ id, ...v.parse(MoneyRecord, raw) }))
    .sort((a, b) => a.order - b.order || compareText(a.id, b.id))
    .map(({ order: _order, id, ...rest }) => ({ id: id as MoneyEntryId, ...rest }) as MoneyEntry);
}

function readSignature(value: unknown): Signature | null {
  const parsed = v.safeParse(SignatureValue, value);
  return parsed.success ? (parsed.output as Signature) : null;
}

export function readSeal(doc: Y.Doc): { snapshot: Uint8Array; at: string } | null {
  const parsed = v.safeParse(SealValue, approvalMap(doc).get('seal'));
  return parsed.success ? parsed.output : null;
}

function readApproval(doc: Y.Doc): MinutesApproval {
  const map = approvalMap(doc);
  const chair = readSignature(map.get('chair'));
  const secretary = readSignature(map.get('secretary'));
  const seal = readSeal(doc);
  return {
    chair,
    secretary,
    status: seal === null ? 'draft' : 'approved',
    approvedAt: seal?.at ?? null,
    pendingSeal: seal === null && chair !== null && secretary !== null,
  };
}

function readReopenings(doc: Y.Doc): Reopening[] {
  const out: Reopening[] = [];
  for (const raw of reopeningsArray(doc).toArray()) {
    const parsed = v.safeParse(ReopeningValue, raw);
    if (parsed.success) out.push(parsed.output as Reopening);
  }
  return out;
}

/** The saved versions, oldest first, without their snapshots (see readVersion). */
export function listVersions(doc: Y.Doc): MinutesVersion[] {
  const out: MinutesVersion[] = [];
  versionsArray(doc)
    .toArray()
    .forEach((raw, index) => {
      const parsed = v.safeParse(VersionValue, raw);
      if (parsed.success)
        out.push({ index, by: parsed.output.by, at: parsed.output.at, label: parsed.output.label });
    });
  return out;
}
