import * as v from 'valibot';
import type * as Y from 'yjs';
import { type ClubId, compareText, type GroupId, isId, type MeetingId, type MemberId } from '../ids/ids';
import { type AttendanceStatus, ERASED_NAME } from '../schema/enums';
import {
  dismissedMap,
  groupsMap,
  meetingsMap,
  membersMap,
  metaMap,
  profileMap,
  settingsMap,
  type YRecord,
} from '../schema/layout';
import { isReadOnly, readSchemaVersion } from '../schema/migrations';
import {
  AttendanceValue,
  GroupRecord,
  MeetingRecord,
  MemberRecord,
  ProfileRecord,
  SettingsRecord,
} from '../schema/record-schemas';
import type { ClubSettings, ClubView, Group, Meeting, Member } from '../schema/types';
import { createNameComparator } from '../text/vietnamese';
import {
  createMergeResolver,
  type MergeResolver,
  resolveAttendance,
  resolveIds,
  resolveMembers,
} from './merge-resolution';

/**
 * Projects the doc into a plain view. Output is deterministic for a given doc state: Y.Map iteration
 * order depends on the order updates arrived, so every list and record is sorted here.
 */
export function readClub(doc: Y.Doc): ClubView {
  const clubId = metaMap(doc).get('clubId');
  const raw = readMembers(membersMap(doc));
  const resolve = createMergeResolver(raw);
  return {
    id: isId(clubId) ? (clubId as ClubId) : null,
    schemaVersion: readSchemaVersion(doc) ?? 0,
    readOnly: isReadOnly(doc),
    profile: v.parse(ProfileRecord, profileMap(doc).toJSON()),
    settings: readSettings(doc),
    members: resolveMembers(raw, resolve),
    groups: readGroups(groupsMap(doc), resolve),
    meetings: readMeetings(meetingsMap(doc), resolve),
    dismissedDuplicates: [...dismissedMap(doc).keys()].sort(),
  };
}

export function readSettings(doc: Y.Doc): ClubSettings {
  return v.parse(SettingsRecord, settingsMap(doc).toJSON());
}

function records(parent: Y.Map<YRecord>): [string, unknown][] {
  return Object.entries(parent.toJSON()).filter(([, value]) => typeof value === 'object' && value !== null);
}

export function projectMember(id: string, raw: unknown): Member {
  const r = v.parse(MemberRecord, raw);
  // Erasure wins over any concurrent edit: the marker outlives whichever values merged in.
  const erased = r.erasedOn !== null;
  return {
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

function readMembers(parent: Y.Map<YRecord>): Member[] {
  const compare = createNameComparator();
  return records(parent)
    .map(([id, raw]) => projectMember(id, raw))
    .sort((a, b) => compare(a.fullName, b.fullName) || compareText(a.id, b.id));
}

function truthyKeys(record: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(record)
    .filter((key) => record[key] === true)
    .sort();
}

function readGroups(parent: Y.Map<YRecord>, resolve: MergeResolver): Group[] {
  return records(parent)
    .map(([id, raw]): Group => {
      const r = v.parse(GroupRecord, raw);
      return {
        id: id as GroupId,
        name: r.name,
        area: r.area,
        leaderId: r.leaderId === null ? null : resolve(r.leaderId as MemberId),
        retiredOn: r.retiredOn,
        memberIds: resolveIds(truthyKeys(r.members) as MemberId[], resolve),
        order: r.order,
      };
    })
    .sort((a, b) => a.order - b.order || compareText(a.id, b.id));
}

function readAttendance(raw: Readonly<Record<string, unknown>>): Record<string, AttendanceStatus> {
  const attendance: Record<string, AttendanceStatus> = {};
  for (const key of Object.keys(raw).sort()) {
    const status = v.safeParse(AttendanceValue, raw[key]);
    if (status.success) attendance[key] = status.output;
  }
  return attendance;
}

function readMeetings(parent: Y.Map<YRecord>, resolve: MergeResolver): Meeting[] {
  return records(parent)
    .map(([id, raw]): Meeting => {
      const r = v.parse(MeetingRecord, raw);
      return {
        id: id as MeetingId,
        date: r.date,
        time: r.time,
        kind: r.kind,
        place: r.place,
        chairId: r.chairId === null ? null : resolve(r.chairId as MemberId),
        secretaryId: r.secretaryId === null ? null : resolve(r.secretaryId as MemberId),
        attendance: resolveAttendance(readAttendance(r.attendance), resolve),
      };
    })
    .sort((a, b) => compareText(b.date + b.time, a.date + a.time) || compareText(b.id, a.id));
}
