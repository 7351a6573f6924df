import { describe, expect, it } from 'vitest';
import {
  addPerson,
  alice,
  expectUntouched,
  markNewer,
  memberInput,
  newClub,
  TODAY,
} from '../../test/fixtures';
import { readClub } from '../club/read-club';
import {
  addGroup,
  assignToGroup,
  removeFromGroup,
  renameGroup,
  restoreGroup,
  retireGroup,
  setGroupLeader,
} from '../groups/group-commands';
import { addMeeting, setAttendance, updateMeeting } from '../meetings/meeting-commands';
import { dismissDuplicate, mergeMembers } from '../roster/duplicates';
import {
  addMember,
  erasePersonalData,
  markMemberLeft,
  recordConsent,
  rejoinMember,
  updateMember,
  withdrawConsent,
} from '../roster/member-commands';
import { runCommand } from './command';

describe('commands on a doc from a newer version', () => {
  it('every command returns readOnly and writes nothing', () => {
    const { doc } = newClub();
    const a = addPerson(doc);
    const b = addPerson(doc, { fullName: 'Trần Văn An' });
    const groupId = readClub(doc).groups[0]?.id;
    const meetingId = addMeeting(
      doc,
      { date: '2026-03-01', time: '', kind: 'regular', place: '', chairId: null, secretaryId: null },
      alice,
      TODAY,
    );
    if (groupId === undefined || !meetingId.ok) throw new Error('setup failed');
    const m = meetingId.value;
    markNewer(doc);
    const commands = [
      () => addMember(doc, memberInput(), alice, TODAY),
      () => updateMember(doc, a, { phone: '' }, alice, TODAY),
      () => recordConsent(doc, a, { givenOn: TODAY, recordedBy: 'Lan' }, alice),
      () => withdrawConsent(doc, a, alice),
      () => markMemberLeft(doc, a, { on: TODAY, reason: '' }, alice, TODAY),
      () => rejoinMember(doc, a, alice),
      () => mergeMembers(doc, { keepId: a, dropId: b }, alice),
      () => dismissDuplicate(doc, { a, b }, alice),
      () => erasePersonalData(doc, a, alice, TODAY),
      () => addGroup(doc, { name: 'Nhóm mới' }, alice),
      () => renameGroup(doc, groupId, 'x', alice),
      () => retireGroup(doc, groupId, TODAY, alice),
      () => restoreGroup(doc, groupId, alice),
      () => setGroupLeader(doc, groupId, a, alice),
      () => assignToGroup(doc, { groupId, memberId: a }, alice),
      () => removeFromGroup(doc, { groupId, memberId: a }, alice),
      () =>
        addMeeting(
          doc,
          { date: TODAY, time: '', kind: 'regular', place: '', chairId: null, secretaryId: null },
          alice,
          TODAY,
        ),
      () => updateMeeting(doc, m, { place: 'x' }, alice, TODAY),
      () => setAttendance(doc, { meetingId: m, memberId: a, status: 'present' }, alice),
    ];
    for (const command of commands) expectUntouched(doc, command);
  });
});

describe('runCommand', () => {
  it('throws when a command body forgets to return a result', () => {
    const { doc } = newClub();
    expect(() => runCommand(doc, alice, () => undefined as never)).toThrow();
  });
});
