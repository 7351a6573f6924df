import type { Attachment } from '../attachments/attachments';
import type { ClubId, GroupId, IsoDate, MeetingId, MemberId } from '../ids/ids';
import type { AttendanceLock } from '../meetings/attendance-lock';
import type { RedCrossView } from '../red-cross/read-red-cross';
import type {
  AttendanceStatus,
  ClubKind,
  CommitteeRole,
  Gender,
  HouseholdStatus,
  MeetingKind,
  StandardArea,
} from './enums';

/** Views: plain readonly objects projected from the doc; the UI never sees a Y type. */

export interface ClubProfile {
  readonly name: string;
  readonly kind: ClubKind;
  readonly hamlet: string;
  readonly commune: string;
  readonly district: string;
  readonly province: string;
  readonly foundedOn: IsoDate | null;
}

export interface ClubSettings {
  readonly memberMin: number;
  readonly memberMax: number;
  readonly womenMinPct: number;
  readonly womenMaxPct: number;
  readonly olderMinPct: number;
  readonly olderMaxPct: number;
  readonly youngerMinPct: number;
  readonly youngerMaxPct: number;
  /** 0 means the province set no target. */
  readonly poorMinPct: number;
  readonly olderAge: number;
  readonly groupMin: number;
  readonly groupMax: number;
}

export interface Consent {
  readonly givenOn: IsoDate;
  readonly recordedBy: string;
}

export interface MemberLeft {
  readonly on: IsoDate;
  readonly reason: string;
}

export interface Member {
  readonly id: MemberId;
  readonly fullName: string;
  readonly gender: Gender;
  readonly birthYear: number | null;
  readonly phone: string;
  readonly hamlet: string;
  readonly household: HouseholdStatus;
  readonly ethnicMinority: boolean;
  readonly joinedOn: IsoDate | null;
  readonly role: CommitteeRole;
  readonly notes: string;
  readonly consent: Consent | null;
  readonly left: MemberLeft | null;
  readonly mergedInto: MemberId | null;
  readonly createdAt: number;
  readonly createdBy: string;
  /**
   * Fields two tablets set to different values while apart, with both values, until someone chooses
   * (conflicts/field-writes.ts). Absent when there is none, as on almost every member.
   */
  readonly conflicts?: readonly MemberFieldConflict[];
}

/** One of a record's single-value fields written differently on two tablets, with each value. */
export type MemberFieldConflict = FieldConflictView;
export interface FieldConflictView {
  readonly field: string;
  readonly options: readonly {
    readonly id: string;
    readonly value: unknown;
    readonly by: string;
    readonly name: string;
    readonly at: string;
  }[];
}

export interface Group {
  readonly id: GroupId;
  readonly name: string;
  readonly area: StandardArea | null;
  readonly leaderId: MemberId | null;
  readonly retiredOn: IsoDate | null;
  readonly memberIds: readonly MemberId[];
  readonly order: number;
}

export interface Meeting {
  readonly id: MeetingId;
  readonly date: IsoDate;
  /** 'HH:MM' or '' when not recorded. */
  readonly time: string;
  readonly kind: MeetingKind;
  readonly place: string;
  readonly chairId: MemberId | null;
  readonly secretaryId: MemberId | null;
  readonly attendance: Readonly<Record<string, AttendanceStatus>>;
  /** Date, time, kind, chair or secretary set differently on two tablets; absent when none. */
  readonly conflicts?: readonly FieldConflictView[];
  /** Photos and scans (attachments/attachments.ts), oldest first; absent when none. */
  readonly attachments?: readonly Attachment[];
  /** Set while the meeting's minutes are approved: its marks are read-only (meetings/attendance-lock.ts). */
  readonly attendanceLock?: AttendanceLock;
}

export interface ClubView {
  readonly id: ClubId | null;
  readonly schemaVersion: number;
  readonly readOnly: boolean;
  readonly profile: ClubProfile;
  readonly settings: ClubSettings;
  /** All members, including those who left or were merged, sorted by given name. */
  readonly members: readonly Member[];
  /** Sorted by order. */
  readonly groups: readonly Group[];
  /** Newest first. */
  readonly meetings: readonly Meeting[];
  readonly dismissedDuplicates: readonly string[];
  /** A Red Cross chapter's volunteer register and activity log (red-cross/); empty for other clubs. */
  readonly redCross: RedCrossView;
}

/** National targets for a self-help club; every one is a club setting because provinces differ. */
export const NATIONAL_TARGETS: ClubSettings = {
  memberMin: 50,
  memberMax: 70,
  womenMinPct: 60,
  womenMaxPct: 70,
  olderMinPct: 60,
  olderMaxPct: 70,
  youngerMinPct: 30,
  youngerMaxPct: 40,
  poorMinPct: 0,
  olderAge: 60,
  groupMin: 7,
  groupMax: 20,
};

export const SETTING_KEYS = Object.keys(NATIONAL_TARGETS) as readonly (keyof ClubSettings)[];
