/** Closed vocabularies as `as const` arrays: the arrays feed valibot picklists, the unions feed the types. */

export const CLUB_KINDS = ['selfHelp', 'veterans', 'redCross', 'other'] as const;
export type ClubKind = (typeof CLUB_KINDS)[number];

export const GENDERS = ['female', 'male', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const HOUSEHOLD_STATUSES = ['poor', 'nearPoor', 'none'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

export const COMMITTEE_ROLES = [
  'chair',
  'viceChair',
  'secretary',
  'treasurer',
  'groupLeader',
  'none',
] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

export const MEETING_KINDS = ['regular', 'committee', 'annual'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** The eight activity areas of an intergenerational self-help club, in the order of the national guidance. */
export const STANDARD_AREAS = [
  'livelihood',
  'health',
  'homeCare',
  'selfHelp',
  'rights',
  'learning',
  'culture',
  'resources',
] as const;
export type StandardArea = (typeof STANDARD_AREAS)[number];

/** Default Vietnamese group names; a club may rename its groups, so these are data, not labels. */
export const STANDARD_AREA_NAMES: Readonly<Record<StandardArea, string>> = {
  livelihood: 'Tăng thu nhập',
  health: 'Chăm sóc sức khỏe',
  homeCare: 'Chăm sóc tại nhà',
  selfHelp: 'Tự giúp nhau',
  rights: 'Quyền và lợi ích',
  learning: 'Học tập suốt đời',
  culture: 'Văn hóa, thể thao',
  resources: 'Phát triển nguồn lực',
};

export const RED_CROSS_GROUP_NAMES = [
  'Sơ cấp cứu',
  'Hiến máu',
  'Phòng chống thiên tai',
  'Nhân đạo - từ thiện',
] as const;

export const ERASED_NAME = 'Đã xóa';
