import type {
  AttendanceStatus,
  ChangeEntry,
  ClubSettings,
  ClubTextField,
  Consent,
  CreateClubInput,
  GroupId,
  ImportMembersInput,
  IsoDate,
  LocalOrigin,
  MeetingId,
  MeetingInput,
  MeetingValueField,
  MemberId,
  MemberInput,
  MemberLeft,
  MemberValueField,
  MinutesApprovalInput,
  RegisterTabletKeyInput,
  TabletKey,
} from '@chungtay/model';
import * as model from '@chungtay/model';
import type * as Y from 'yjs';
import { bindRedCrossCommands } from '../red-cross/red-cross-commands';

/** Every change the UI can make to a club: model commands bound to this doc and author. */
export function bindCommands(doc: Y.Doc, origin: LocalOrigin, today: () => IsoDate) {
  return {
    updateProfile: (patch: Partial<Omit<CreateClubInput, 'hamlets'>>) =>
      model.updateProfile(doc, patch, origin, today()),
    updateSettings: (patch: Partial<ClubSettings>) => model.updateSettings(doc, patch, origin),
    addMember: (input: MemberInput) => model.addMember(doc, input, origin, today()),
    /**
     * A register's confirmed rows: one transaction, so the header's undo takes the whole import back. Its
     * code loads on first use (the import screen), not with the roster; the write itself is synchronous.
     */
    importMembers: async (input: ImportMembersInput) =>
      (await import('./club-import')).importMembers(doc, input, origin, today()),
    // The time of the edit is recorded with each single value: a conflict shows who wrote what, when.
    updateMember: (id: MemberId, patch: Partial<MemberInput>) =>
      model.updateMember(doc, id, patch, origin, today(), new Date().toISOString()),
    /** A member's notes or a meeting's place for a collaborative text box: one edit per keystroke. */
    textField: (target: ClubTextField) => model.openClubTextField(doc, target, origin),
    /** Keeps one of the values two tablets wrote for a member's field (`Member.conflicts`). */
    resolveConflict: (memberId: MemberId, field: MemberValueField, writeId: string) =>
      model.resolveMemberConflict(doc, { memberId, field, writeId }, origin, new Date().toISOString()),
    recordConsent: (id: MemberId, consent: Consent) => model.recordConsent(doc, id, consent, origin),
    withdrawConsent: (id: MemberId) => model.withdrawConsent(doc, id, origin),
    markMemberLeft: (id: MemberId, left: MemberLeft) => model.markMemberLeft(doc, id, left, origin, today()),
    rejoinMember: (id: MemberId) => model.rejoinMember(doc, id, origin),
    mergeMembers: (keepId: MemberId, dropId: MemberId) => model.mergeMembers(doc, { keepId, dropId }, origin),
    dismissDuplicate: (a: MemberId, b: MemberId) => model.dismissDuplicate(doc, { a, b }, origin),
    /**
     * Under its own origin, which no undo manager tracks: an erasure cannot be undone (issue 12 §2). A
     * fresh origin object is what the model's erasureOrigin makes; it is built here with localOrigin
     * because erasureOrigin's module holds the erasure of every book (health, care, money), which the
     * roster's first script would otherwise carry (erase-member.test.ts checks it is no undo step).
     */
    erasePersonalData: (id: MemberId) =>
      model.erasePersonalData(doc, id, model.localOrigin(origin.author), today()),
    addGroup: (name: string) => model.addGroup(doc, { name }, origin),
    renameGroup: (id: GroupId, name: string) => model.renameGroup(doc, id, name, origin),
    retireGroup: (id: GroupId) => model.retireGroup(doc, id, today(), origin),
    restoreGroup: (id: GroupId) => model.restoreGroup(doc, id, origin),
    setGroupLeader: (id: GroupId, leaderId: MemberId | null) =>
      model.setGroupLeader(doc, id, leaderId, origin),
    assignToGroup: (groupId: GroupId, memberId: MemberId) =>
      model.assignToGroup(doc, { groupId, memberId }, origin),
    removeFromGroup: (groupId: GroupId, memberId: MemberId) =>
      model.removeFromGroup(doc, { groupId, memberId }, origin),
    addMeeting: (input: MeetingInput) => model.addMeeting(doc, input, origin, today()),
    updateMeeting: (id: MeetingId, patch: Partial<MeetingInput>) =>
      model.updateMeeting(doc, id, patch, origin, today(), new Date().toISOString()),
    /** Keeps one of the values two tablets wrote for a meeting's field (`Meeting.conflicts`). */
    resolveMeetingConflict: (meetingId: MeetingId, field: MeetingValueField, writeId: string) =>
      model.resolveMeetingConflict(doc, { meetingId, field, writeId }, origin, new Date().toISOString()),
    setAttendance: (meetingId: MeetingId, memberId: MemberId, status: AttendanceStatus | null) =>
      model.setAttendance(doc, { meetingId, memberId, status }, origin),
    /** Locks (or unlocks) a meeting's marks as its minutes are approved or reopened (attendance-lock.ts). */
    followMinutesForAttendance: (input: MinutesApprovalInput) =>
      model.followMinutesForAttendance(doc, input, origin),
    /** A photo or scan kept on this tablet (device/photo-store.ts), recorded on the meeting by its hash. */
    attachToMeeting: (meetingId: MeetingId, input: model.AttachmentInput) =>
      model.attachToMeeting(doc, meetingId, input, origin, new Date().toISOString()),
    detachFromMeeting: (meetingId: MeetingId, hash: string) =>
      model.detachFromMeeting(doc, meetingId, hash, origin),
    setMeetingAttachmentCaption: (meetingId: MeetingId, hash: string, caption: string) =>
      model.setMeetingAttachmentCaption(doc, meetingId, hash, caption, origin),
    ...bindRedCrossCommands(doc, origin, today),
    /** Puts this tablet's public signing key in the club's register (issue 12 §4); a no-op once there. */
    registerTabletKey: (input: Omit<RegisterTabletKeyInput, 'at'>) =>
      model.registerTabletKey(doc, { ...input, at: new Date().toISOString() }, origin),
    /** The register, read when signatures are checked (not projected: it changes once per tablet). */
    tabletKeys: (): ReadonlyMap<string, TabletKey> => model.readTabletKeys(doc),
    /** The club's rule that a person's PIN is asked on tablets (issue 12 §4); a committee member changes it. */
    setPinRequired: (required: boolean, by: MemberId) => model.setPinRequired(doc, { required, by }, origin),
    /** Read when a PIN might be asked (switching person, signing), not projected. */
    pinRequired: (): boolean => model.isPinRequired(doc),
    /** Who changed which of a member's fields and when, newest first (read on demand, like tabletKeys). */
    memberChanges: (id: MemberId): readonly ChangeEntry[] => model.listMemberChanges(doc, id),
    /** The same for a meeting's fields (date, time, kind, chair, secretary). */
    meetingChanges: (id: MeetingId): readonly ChangeEntry[] => model.listMeetingChanges(doc, id),
  };
}

export type ClubCommands = ReturnType<typeof bindCommands>;
