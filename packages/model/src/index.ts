export * from './attachments/attachments';
export * from './care';
export {
  type CreateClubInput,
  createClub,
  type DefaultGroup,
  defaultGroups,
  type ProfilePatch,
  updateProfile,
  updateSettings,
  validateSettings,
} from './club/club-commands';
export {
  type ClubChanges,
  type ClubFollower,
  followClub,
  type ListChanges,
  type MarkChange,
} from './club/club-follower';
export type { ClubHeader } from './club/club-records';
export { readClub } from './club/read-club';
export {
  isMeetingValueField,
  MEETING_SINGLE_VALUE_FIELDS,
  type MeetingValueField,
  resolveMeetingConflict,
} from './conflicts/meeting-conflicts';
export {
  isMemberValueField,
  MEMBER_SINGLE_VALUE_FIELDS,
  type MemberValueField,
  resolveMemberConflict,
} from './conflicts/member-conflicts';
export {
  erasedMemberIds,
  eraseMembersCare,
  eraseMembersHealth,
  eraseMembersMoney,
  erasureOrigin,
} from './erasure/erase-records';
export { type Eraser, eraseMembersInClub, keepErased } from './erasure/keep-erased';
export * from './generation';
export {
  addGroup,
  assignToGroup,
  removeFromGroup,
  renameGroup,
  restoreGroup,
  retireGroup,
  setGroupLeader,
} from './groups/group-commands';
export type { CheckScope as HealthCheckScope } from './health/check-index';
export {
  type FollowUpDone,
  type FollowUpInput,
  type FollowUpItem,
  latestChecks,
  listFollowUpItems,
  listMemberHealth,
  markFollowedUp,
  reopenFollowUp,
} from './health/follow-ups';
export {
  clearHealthCheck,
  createHealth,
  eraseMemberHealthData,
  HEALTH_RANGES,
  type HealthCheckInput,
  type HealthError,
  recordHealthCheck,
  restoreDefaultHealthThresholds,
  updateHealthThresholds,
  validateHealthCheck,
  validateHealthThresholds,
} from './health/health-commands';
export { type HealthConflict, isHealthMeasure, resolveHealthConflict } from './health/health-conflicts';
export {
  DEFAULT_HEALTH_THRESHOLDS,
  flagHealthCheck,
  HEALTH_FLAGS,
  HEALTH_THRESHOLD_PAIRS,
  HEALTH_THRESHOLD_RANGES,
  type HealthFlag,
  type HealthThresholds,
  type Measurements,
} from './health/health-flags';
export {
  checkPair,
  followHealth,
  type HealthChanges,
  type HealthCheckChanges,
  type HealthFollower,
} from './health/health-follower';
export {
  HEALTH_MEASURES,
  HEALTH_SCHEMA_VERSION,
  type HealthMeasure,
  healthDocName,
} from './health/health-layout';
export {
  followMinutesApproval,
  type HealthLock,
  isHealthLocked,
  type MinutesApprovalInput,
} from './health/health-locks';
export { getHealthSchemaStatus, listHealthMigrations, migrateHealth } from './health/health-migrations';
export {
  type FollowUp,
  type HealthCheck,
  type HealthView,
  listFollowUps,
  listHealthChecks,
  readHealth,
  readHealthHeader,
} from './health/read-health';
export {
  deleteMemberVisitNotes,
  listVisitHealthNotes,
  recordVisitHealthNote,
  type VisitHealthNote,
} from './health/visit-notes';
export * from './history';
export {
  addMonths,
  type ClubId,
  type GroupId,
  ID_PATTERN,
  type IsoDate,
  isIsoDate,
  type MeetingId,
  type MemberId,
  newClubId,
  newGroupId,
  newMeetingId,
  newMemberId,
  type Result,
} from './ids/ids';
export { type Composition, getComposition, type Share } from './indicators/composition';
export {
  type AttendanceSummary,
  type GroupSize,
  getGroupSizes,
  getMeetingAttendance,
  getMemberAttendance,
} from './indicators/groups-attendance';
export {
  type AttendanceLock,
  followMinutesForAttendance,
  isAttendanceLocked,
  type LateMark,
  listLateMarks,
} from './meetings/attendance-lock';
export {
  addMeeting,
  type MeetingInput,
  setAttendance,
  updateMeeting,
  validateMeetingInput,
} from './meetings/meeting-commands';
export {
  listUpcomingNationalDays,
  meetsOnNationalDays,
  NATIONAL_MEETING_DAYS,
  type NationalMeetingDay,
  type UpcomingNationalDay,
} from './meetings/national-days';
export {
  type ActionItemInput,
  addActionItem,
  addMoneyEntry,
  type MoneyEntryInput,
  removeMoneyEntry,
  setActionDone,
  updateActionItem,
  updateMoneyEntry,
} from './minutes/action-commands';
export {
  type AgendaItemInput,
  addAgendaItem,
  moveAgendaItem,
  removeAgendaItem,
  restoreAgendaItem,
  updateAgendaItem,
} from './minutes/agenda-commands';
export {
  type ApproveInput,
  approveMinutes,
  type NotApprovedError,
  type ReopenInput,
  reopenMinutes,
} from './minutes/approval';
export {
  getApprovedView,
  listChangesAfterApproval,
  type MinutesChange,
  type MinutesSection,
  setAsideLateChanges,
} from './minutes/late-changes';
export {
  type CreateMinutesInput,
  copyAttendanceFromMeeting,
  createMinutes,
  type MinutesHeaderPatch,
  minutesInputFromMeeting,
  setMinutesAttendance,
  updateMinutesHeader,
} from './minutes/minutes-commands';
export {
  type ActionItemId,
  AGENDA_BODY_KEY,
  type AgendaItemId,
  type ApprovedError,
  createMinutesDoc,
  getAgendaBody,
  MINUTES_SCHEMA_VERSION,
  type MinutesError,
  type MoneyEntryId,
  minutesDocName,
} from './minutes/minutes-layout';
export {
  getMinutesSchemaStatus,
  listMinutesMigrations,
  migrateMinutes,
} from './minutes/minutes-migrations';
export { type MinutesTextField, openMinutesTextField } from './minutes/minutes-text';
export {
  type ActionItem,
  type AgendaItem,
  APPROVAL_ROLES,
  type ApprovalRole,
  type IsoDateTime,
  type MinutesApproval,
  type MinutesContent,
  type MinutesHeader,
  type MinutesVersion,
  type MinutesView,
  MONEY_KINDS,
  type MoneyEntry,
  type MoneyKind,
  type Reopening,
  type Signature,
  type TabletSignature,
} from './minutes/minutes-types';
export { listVersions, readMinutes } from './minutes/read-minutes';
export {
  getApprovedAgendaBlocks,
  type RichBlock,
  type RichBreak,
  type RichHeading,
  type RichInline,
  type RichList,
  type RichListItem,
  type RichParagraph,
  type RichText,
  readAgendaBlocks,
  xmlFragmentToBlocks,
} from './minutes/rich-blocks';
export { type CaptureVersionInput, captureVersion, readVersion } from './minutes/versions';
export { xmlFragmentToText } from './minutes/xml-text';
export * from './money';
export {
  type Author,
  type ChangeOrigin,
  createAuthorUndoManager,
  isChangeOrigin,
  isLocalOrigin,
  type LocalOrigin,
  localOrigin,
  type MigrationOrigin,
  migrationOrigin,
  type PersistenceOrigin,
  persistenceOrigin,
  type RemoteOrigin,
  remoteOrigin,
} from './origin/origin';
export * from './red-cross';
export * from './report';
export {
  type DuplicatePair,
  dismissDuplicate,
  listPossibleDuplicates,
  looksLikeSamePerson,
  mergeMembers,
  type PersonKey,
} from './roster/duplicates';
export {
  checkImportDraft,
  createRosterMatcher,
  findRosterMatch,
  type ImportMembersInput,
  type ImportMembersResult,
  type ImportMerge,
  importMembers,
  mergePatch,
} from './roster/import-members';
export {
  addMember,
  erasePersonalData,
  markMemberLeft,
  recordConsent,
  rejoinMember,
  updateMember,
  withdrawConsent,
} from './roster/member-commands';
export {
  AGE_BANDS,
  type AgeBand,
  ageOf,
  filterMembers,
  getMember,
  isActiveMember,
  listActiveMembers,
  listHamlets,
  type MemberFilters,
} from './roster/member-queries';
export { type MemberInput, validateMemberInput } from './roster/validate-member';
export { seedSampleClub } from './sample/sample-club';
export type {
  CommandError,
  FieldError,
  NotFoundError,
  ReadOnlyError,
  ValidationError,
} from './schema/command';
export {
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  CLUB_KINDS,
  type ClubKind,
  COMMITTEE_ROLES,
  type CommitteeRole,
  ERASED_NAME,
  GENDERS,
  type Gender,
  HOUSEHOLD_STATUSES,
  type HouseholdStatus,
  MEETING_KINDS,
  type MeetingKind,
  STANDARD_AREA_NAMES,
  STANDARD_AREAS,
  type StandardArea,
} from './schema/enums';
export { SCHEMA_VERSION } from './schema/layout';
export {
  getSchemaStatus,
  isReadOnly,
  listMigrations,
  migrateClub,
  type SchemaStatus,
} from './schema/migrations';
export {
  type ClubProfile,
  type ClubSettings,
  type ClubView,
  type Consent,
  type FieldConflictView,
  type Group,
  type Meeting,
  type Member,
  type MemberFieldConflict,
  type MemberLeft,
  NATIONAL_TARGETS,
} from './schema/types';
export * from './signatures';
export * from './summary';
export { type ClubTextField, openClubTextField } from './text/club-text-fields';
export { diffText, type TextEdit } from './text/shared-text';
export type { TextChange, TextFieldHandle, TextOp } from './text/text-field';
export { formatTimeOfDay, parseTimeOfDay } from './text/time-of-day';
export {
  compareVietnameseNames,
  foldVietnamese,
  givenName,
  matchesQuery,
  matchesQueryWords,
  queryWords,
} from './text/vietnamese';
