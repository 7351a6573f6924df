import * as v from 'valibot';
import * as Y from 'yjs';
import { listAttachments } from '../attachments/attachments';
import { readMeetingConflicts } from '../conflicts/meeting-conflicts';
import { readMemberConflicts } from '../conflicts/member-conflicts';
import { type ClubId, compareText, type GroupId, isId, type MeetingId, type MemberId } from '../ids/ids';
import { ATTENDANCE_LOCK_KEY, readAttendanceLock } from '../meetings/attendance-lock';
import { ATTENDANCE_STATUSES, type AttendanceStatus, ERASED_NAME } from '../schema/enums';
import { dismissedMap, metaMap, profileMap, settingsMap } from '../schema/layout';
import { isReadOnly, readSchemaVersion } from '../schema/migrations';
import {
  GroupRecord,
  MeetingRecord,
  MemberRecord,
  ProfileRecord,
  SettingsRecord,
} from '../schema/record-schemas';
import type { ClubProfile, ClubSettings, Group, Meeting, Member } from '../schema/types';
import { createNameComparator } from '../text/vietnamese';

/**
 * How each record of the club doc is projected and validated: the one definition both the full read
 * (read-club.ts) and the follower (club-follower.ts) use, so a record reads the same whichever path
 * produced it. References to members (leaders, chairs, attendance) come out unresolved here; merges are
 * resolved on top (merge-resolution.ts), because they depend on other records.
 */

export type ClubHeader = {
  readonly id: ClubId | null;
  readonly schemaVersion: number;
  readonly readOnly: boolean;
};

/** A meeting as stored: its fields, and its valid marks by the key they were written under. */
export interface MeetingRecordView {
  readonly fields: Omit<Meeting, 'attendance'>;
  readonly marks: Map<string, AttendanceStatus>;
}

/** Keys a plain object cannot hold as data; valibot's record() skips them too. */
export function isSafeKey(key: string): boolean {
  return key !== '__proto__' && key !== 'prototype' && key !== 'constructor';
}

/** What `Y.Map.toJSON()` gives for one value. */
function jsonOf(value: unknown): unknown {
  return value instanceof Y.AbstractType ? value.toJSON() : value;
}

/** A record's fields, or undefined for a value that is not a record (an older peer's junk). */
function recordJson(value: unknown): Record<string, unknown> | undefined {
  const json = jsonOf(value);
  return typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : undefined;
}

export function readHeader(doc: Y.Doc): ClubHeader {
  const clubId = metaMap(doc).get('clubId');
  return {
    id: isId(clubId) ? (clubId as ClubId) : null,
    schemaVersion: readSchemaVersion(doc) ?? 0,
    readOnly: isReadOnly(doc),
  };
}

export function readProfile(doc: Y.Doc): ClubProfile {
  return v.parse(ProfileRecord, profileMap(doc).toJSON());
}

export function readSettings(doc: Y.Doc): ClubSettings {
  return v.parse(SettingsRecord, settingsMap(doc).toJSON());
}

export function readDismissed(doc: Y.Doc): string[] {
  return [...dismissedMap(doc).keys()].sort();
}

export function readMember(id: string, value: unknown): Member | undefined {
  const raw = recordJson(value);
  return raw === undefined || !isSafeKey(id) ? undefined : projectMember(id, raw);
}

export function projectMember(id: string, raw: unknown): Member {
  const r = v.parse(MemberRecord, raw);
  // Erasure wins over any concurrent edit: the marker outlives whichever values merged in.
  const erased = r.erasedOn !== null;
  const conflicts =
    erased || typeof raw !== 'object' || raw === null
      ? []
      : readMemberConflicts(raw as Record<string, unknown>);
  return {
    ...(conflicts.length > 0 ? { conflicts } : {}),
    id: id as MemberId,
    fullName: erased ? ERASED_NAME : r.fullName,
    gender: r.gender,
    birthYear: erased ? null : r.birthYear,
    phone: erased ? '' : r.phone,
    hamlet: erased ? '' : r.hamlet,
    household: erased ? 'none' : r.household,
    ethnicMinority: erased ? false : r.ethnicMinority,
    joinedOn: r.joinedOn,
    role: r.role,
    notes: erased ? '' : r.notes,
    consent: r.consentOn === null ? null : { givenOn: r.consentOn, recordedBy: r.consentBy },
    left: r.leftOn === null ? null : { on: r.leftOn, reason: erased ? '' : r.leftReason },
    mergedInto: r.mergedInto === id ? null : (r.mergedInto as MemberId | null),
    createdAt: r.createdAt,
    createdBy: r.createdBy,
  };
}

/** A group with its leader and members as written (unresolved). */
export function readGroup(id: string, value: unknown): Group | undefined {
  const raw = recordJson(value);
  if (raw === undefined || !isSafeKey(id)) return undefined;
  const r = v.parse(GroupRecord, raw);
  return {
    id: id as GroupId,
    name: r.name,
    area: r.area,
    leaderId: r.leaderId as MemberId | null,
    retiredOn: r.retiredOn,
    memberIds: Object.keys(r.members)
      .filter((key) => r.members[key] === true)
      .sort() as MemberId[],
    order: r.order,
  };
}

const MEETING_FIELDS = ['date', 'time', 'kind', 'place', 'chairId', 'secretaryId'] as const;
/** The stored meeting without its marks, which are validated one by one (readMark). */
const MeetingFieldsRecord = v.omit(MeetingRecord, ['attendance']);

/**
 * A meeting's own fields, read key by key from its Y.Map so that a change of place does not walk the
 * attendance (hundreds of marks in a large club).
 */
export function readMeetingFields(id: string, value: unknown): MeetingRecordView['fields'] | undefined {
  let raw: Record<string, unknown> | undefined;
  if (value instanceof Y.Map) {
    const record = value as Y.Map<unknown>;
    raw = {};
    for (const key of MEETING_FIELDS) if (record.has(key)) raw[key] = jsonOf(record.get(key));
    // The recorded writes of its single values (conflicts/field-writes.ts), never the marks.
    for (const [key, entry] of record.entries()) if (key.startsWith('write/')) raw[key] = entry;
  } else raw = recordJson(value);
  if (raw === undefined || !isSafeKey(id)) return undefined;
  const r = v.parse(MeetingFieldsRecord, raw);
  const conflicts = readMeetingConflicts(raw);
  const attachments = value instanceof Y.Map ? listAttachments(value as Y.Map<unknown>) : [];
  const lock = value instanceof Y.Map ? readAttendanceLock(value.get(ATTENDANCE_LOCK_KEY)) : null;
  return {
    ...(conflicts.length > 0 ? { conflicts } : {}),
    ...(attachments.length > 0 ? { attachments } : {}),
    ...(lock !== null ? { attendanceLock: lock } : {}),
    id: id as MeetingId,
    date: r.date,
    time: r.time,
    kind: r.kind,
    place: r.place,
    chairId: r.chairId as MemberId | null,
    secretaryId: r.secretaryId as MemberId | null,
  };
}

/** One attendance mark; anything but a known status is no mark. */
export function readMark(value: unknown): AttendanceStatus | undefined {
  // The same test as the AttendanceValue picklist, without valibot's per-call result objects: a club holds
  // thousands of marks and every one is read on open.
  const json = jsonOf(value);
  return typeof json === 'string' && (ATTENDANCE_STATUSES as readonly string[]).includes(json)
    ? (json as AttendanceStatus)
    : undefined;
}

/** Where a meeting's marks live: its nested Y.Map, or the plain object a buggy peer may have written. */
export function attendanceSource(value: unknown): Y.Map<unknown> | Record<string, unknown> | undefined {
  const attendance =
    value instanceof Y.Map ? (value as Y.Map<unknown>).get('attendance') : recordJson(value)?.attendance;
  if (attendance instanceof Y.Map) return attendance as Y.Map<unknown>;
  const json = recordJson(attendance);
  return json === undefined || Array.isArray(json) ? undefined : json;
}

/** The mark stored under one key, read without walking the others. */
export function readMarkAt(
  source: ReturnType<typeof attendanceSource>,
  key: string,
): AttendanceStatus | undefined {
  if (source === undefined || !isSafeKey(key)) return undefined;
  if (source instanceof Y.Map) return readMark(source.get(key));
  return Object.hasOwn(source, key) ? readMark(source[key]) : undefined;
}

export function readMeeting(id: string, value: unknown): MeetingRecordView | undefined {
  const fields = readMeetingFields(id, value);
  if (fields === undefined) return undefined;
  const marks = new Map<string, AttendanceStatus>();
  const source = attendanceSource(value);
  const keys = source instanceof Y.Map ? [...source.keys()] : Object.keys(source ?? {});
  for (const key of keys) {
    const mark = readMarkAt(source, key);
    if (mark !== undefined) marks.set(key, mark);
  }
  return { fields, marks };
}

/** Members by given name (Vietnamese collation), then id, so equal names keep one order on every peer. */
export function createMemberComparator(): (a: Member, b: Member) => number {
  const compare = createNameComparator();
  return (a, b) => compare(a.fullName, b.fullName) || compareText(a.id, b.id);
}

export function compareGroups(a: Group, b: Group): number {
  return a.order - b.order || compareText(a.id, b.id);
}

/** Newest first. */
export function compareMeetings(a: Meeting, b: Meeting): number {
  return compareText(b.date + b.time, a.date + a.time) || compareText(b.id, a.id);
}
