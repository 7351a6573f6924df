import * as v from 'valibot';
import { isId, isIsoDate } from '../ids/ids';
import {
  ATTENDANCE_STATUSES,
  CLUB_KINDS,
  COMMITTEE_ROLES,
  GENDERS,
  HOUSEHOLD_STATUSES,
  MEETING_KINDS,
  STANDARD_AREAS,
} from './enums';
import { NATIONAL_TARGETS } from './types';

/**
 * Valibot schemas for what is stored in the doc. Every entry has a fallback: a peer on an older or
 * buggy build may have written a missing or odd value, and the projection must still render a club.
 */

const text = v.fallback(v.string(), '');
const isoDate = v.pipe(
  v.string(),
  v.check((s: string) => isIsoDate(s)),
);
const optionalDate = v.fallback(v.nullable(isoDate), null);
const optionalId = v.fallback(
  v.nullable(
    v.pipe(
      v.string(),
      v.check((s: string) => isId(s)),
    ),
  ),
  null,
);
const count = (fallback: number) => v.fallback(v.pipe(v.number(), v.finite()), fallback);

export const ProfileRecord = v.object({
  name: text,
  kind: v.fallback(v.picklist(CLUB_KINDS), 'other'),
  hamlet: text,
  commune: text,
  district: text,
  province: text,
  foundedOn: optionalDate,
});

export const SettingsRecord = v.object({
  memberMin: count(NATIONAL_TARGETS.memberMin),
  memberMax: count(NATIONAL_TARGETS.memberMax),
  womenMinPct: count(NATIONAL_TARGETS.womenMinPct),
  womenMaxPct: count(NATIONAL_TARGETS.womenMaxPct),
  olderMinPct: count(NATIONAL_TARGETS.olderMinPct),
  olderMaxPct: count(NATIONAL_TARGETS.olderMaxPct),
  youngerMinPct: count(NATIONAL_TARGETS.youngerMinPct),
  youngerMaxPct: count(NATIONAL_TARGETS.youngerMaxPct),
  poorMinPct: count(NATIONAL_TARGETS.poorMinPct),
  olderAge: count(NATIONAL_TARGETS.olderAge),
  groupMin: count(NATIONAL_TARGETS.groupMin),
  groupMax: count(NATIONAL_TARGETS.groupMax),
});

export const MemberRecord = v.object({
  fullName: text,
  gender: v.fallback(v.picklist(GENDERS), 'other'),
  birthYear: v.fallback(v.nullable(v.pipe(v.number(), v.integer())), null),
  phone: text,
  hamlet: text,
  household: v.fallback(v.picklist(HOUSEHOLD_STATUSES), 'none'),
  ethnicMinority: v.fallback(v.boolean(), false),
  joinedOn: optionalDate,
  role: v.fallback(v.picklist(COMMITTEE_ROLES), 'none'),
  notes: text,
  consentOn: optionalDate,
  consentBy: text,
  leftOn: optionalDate,
  leftReason: text,
  mergedInto: optionalId,
  erasedOn: optionalDate,
  createdAt: count(0),
  createdBy: text,
});

export const GroupRecord = v.object({
  name: text,
  area: v.fallback(v.nullable(v.picklist(STANDARD_AREAS)), null),
  leaderId: optionalId,
  retiredOn: optionalDate,
  order: count(0),
  members: v.fallback(v.record(v.string(), v.unknown()), {}),
});

export const MeetingRecord = v.object({
  date: v.fallback(isoDate, '1970-01-01'),
  time: text,
  kind: v.fallback(v.picklist(MEETING_KINDS), 'regular'),
  place: text,
  chairId: optionalId,
  secretaryId: optionalId,
  attendance: v.fallback(v.record(v.string(), v.unknown()), {}),
});

export const AttendanceValue = v.picklist(ATTENDANCE_STATUSES);
