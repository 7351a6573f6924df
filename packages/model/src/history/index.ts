export { type ChangeEntry, listMeetingChanges, listMemberChanges, readChangeLog } from './change-log';
