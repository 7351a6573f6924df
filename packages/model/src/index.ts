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
export { readClub } from './club/read-club';
export {
  addGroup,
  assignToGroup,
  removeFromGroup,
  renameGroup,
  restoreGroup,
  retireGroup,
  setGroupLeader,
} from './groups/group-commands';
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
  addMeeting,
  type MeetingInput,
  setAttendance,
  updateMeeting,
  validateMeetingInput,
} from './meetings/meeting-commands';
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
export {
  type DuplicatePair,
  dismissDuplicate,
  listPossibleDuplicates,
  mergeMembers,
} from './roster/duplicates';
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
  type Group,
  type Meeting,
  type Member,
  type MemberLeft,
  NATIONAL_TARGETS,
} from './schema/types';
export { compareVietnameseNames, foldVietnamese, givenName, matchesQuery } from './text/vietnamese';
