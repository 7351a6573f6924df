import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as Y from 'yjs';
import * as model from './index';

/** The client is written against this surface; a rename here must fail a test, not a build elsewhere. */
const FUNCTIONS = [
  'newClubId',
  'newMemberId',
  'newGroupId',
  'newMeetingId',
  'localOrigin',
  'isLocalOrigin',
  'readClub',
  'followClub',
  'getSchemaStatus',
  'migrateClub',
  'isReadOnly',
  'createClub',
  'updateProfile',
  'updateSettings',
  'validateMemberInput',
  'addMember',
  'updateMember',
  'recordConsent',
  'withdrawConsent',
  'markMemberLeft',
  'rejoinMember',
  'mergeMembers',
  'dismissDuplicate',
  'erasePersonalData',
  'addGroup',
  'renameGroup',
  'retireGroup',
  'restoreGroup',
  'setGroupLeader',
  'assignToGroup',
  'removeFromGroup',
  'validateMeetingInput',
  'addMeeting',
  'updateMeeting',
  'setAttendance',
  'createAuthorUndoManager',
  'getMember',
  'listActiveMembers',
  'filterMembers',
  'listHamlets',
  'ageOf',
  'getComposition',
  'getGroupSizes',
  'getMeetingAttendance',
  'getMemberAttendance',
  'listPossibleDuplicates',
  'foldVietnamese',
  'matchesQuery',
  'givenName',
  'compareVietnameseNames',
  'seedSampleClub',
  'createMinutesDoc',
  'minutesDocName',
  'createMinutes',
  'minutesInputFromMeeting',
  'updateMinutesHeader',
  'setMinutesAttendance',
  'copyAttendanceFromMeeting',
  'addAgendaItem',
  'updateAgendaItem',
  'moveAgendaItem',
  'removeAgendaItem',
  'restoreAgendaItem',
  'getAgendaBody',
  'addActionItem',
  'updateActionItem',
  'setActionDone',
  'addMoneyEntry',
  'updateMoneyEntry',
  'removeMoneyEntry',
  'approveMinutes',
  'reopenMinutes',
  'getApprovedView',
  'listChangesAfterApproval',
  'setAsideLateChanges',
  'captureVersion',
  'listVersions',
  'readVersion',
  'readMinutes',
  'xmlFragmentToText',
  'healthDocName',
  'createHealth',
  'recordHealthCheck',
  'validateHealthCheck',
  'clearHealthCheck',
  'eraseMemberHealthData',
  'updateHealthThresholds',
  'validateHealthThresholds',
  'restoreDefaultHealthThresholds',
  'followMinutesApproval',
  'resolveHealthConflict',
  'getMinutesSchemaStatus',
  'migrateMinutes',
  'getHealthSchemaStatus',
  'migrateHealth',
  'readHealth',
  'listHealthChecks',
  'flagHealthCheck',
  'listFollowUps',
  'openMinutesTextField',
  'openClubTextField',
  'resolveMemberConflict',
  'resolveMeetingConflict',
  'diffText',
] as const;

describe('public API', () => {
  it('exports every function the client uses', () => {
    const exported = new Map<string, unknown>(Object.entries(model));
    for (const name of FUNCTIONS) expect(typeof exported.get(name), name).toBe('function');
  });

  it('exports the vocabularies, targets and schema version', () => {
    expect(model.SCHEMA_VERSION).toBe(2);
    expect(model.CLUB_KINDS).toEqual(['selfHelp', 'veterans', 'redCross', 'other']);
    expect(model.GENDERS).toEqual(['female', 'male', 'other']);
    expect(model.HOUSEHOLD_STATUSES).toEqual(['poor', 'nearPoor', 'none']);
    expect(model.COMMITTEE_ROLES).toEqual([
      'chair',
      'viceChair',
      'secretary',
      'treasurer',
      'groupLeader',
      'none',
    ]);
    expect(model.MEETING_KINDS).toEqual(['regular', 'committee', 'annual']);
    expect(model.ATTENDANCE_STATUSES).toEqual(['present', 'excused', 'absent']);
    expect(model.STANDARD_AREAS).toHaveLength(8);
    expect(model.NATIONAL_TARGETS).toEqual({
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
    });
  });

  it('keeps the command signatures the client was written against', () => {
    expectTypeOf(model.createClub).parameters.toEqualTypeOf<
      [Y.Doc, model.CreateClubInput, model.LocalOrigin, model.IsoDate]
    >();
    expectTypeOf(model.createClub).returns.toEqualTypeOf<
      model.Result<model.ClubId, model.ValidationError | model.ReadOnlyError>
    >();
    expectTypeOf(model.updateMember).returns.toEqualTypeOf<model.Result<void, model.CommandError>>();
    expectTypeOf(model.setAttendance).parameter(1).toEqualTypeOf<{
      meetingId: model.MeetingId;
      memberId: model.MemberId;
      status: model.AttendanceStatus | null;
    }>();
    expectTypeOf(model.migrateClub).returns.toEqualTypeOf<
      model.Result<{ applied: readonly string[] }, { type: 'newer'; version: number }>
    >();
    expectTypeOf(model.createAuthorUndoManager).returns.toEqualTypeOf<Y.UndoManager>();
  });

  it('keeps the minutes and health signatures the client was written against', () => {
    expectTypeOf(model.createMinutes).parameters.toEqualTypeOf<
      [Y.Doc, model.CreateMinutesInput, model.LocalOrigin]
    >();
    expectTypeOf(model.approveMinutes).parameters.toEqualTypeOf<
      [Y.Doc, model.ApproveInput, model.LocalOrigin]
    >();
    expectTypeOf(model.approveMinutes).returns.toEqualTypeOf<
      model.Result<{ approved: boolean }, model.MinutesError | model.NotSignerError>
    >();
    expectTypeOf(model.moveAgendaItem).parameter(1).toEqualTypeOf<{
      itemId: model.AgendaItemId;
      toIndex: number;
    }>();
    expectTypeOf(model.getAgendaBody).returns.toEqualTypeOf<Y.XmlFragment | null>();
    expectTypeOf(model.getApprovedView).returns.toEqualTypeOf<model.MinutesContent | null>();
    expectTypeOf(model.readVersion).returns.toEqualTypeOf<
      model.Result<model.MinutesView, model.NotFoundError>
    >();
    expectTypeOf(model.recordHealthCheck).returns.toEqualTypeOf<model.Result<void, model.HealthError>>();
    expect(model.MINUTES_SCHEMA_VERSION).toBe(2);
    expect(model.HEALTH_FLAGS).toEqual([
      'highBloodPressure',
      'lowBloodPressure',
      'highGlucose',
      'lowGlucose',
    ]);
  });
});
