import { describe, expect, it } from 'vitest';
import { addPerson, alice, newClub, TODAY, value } from '../../test/fixtures';
import { readClub } from '../club/read-club';
import type { GroupId, MemberId } from '../ids/ids';
import {
  addGroup,
  assignToGroup,
  removeFromGroup,
  renameGroup,
  restoreGroup,
  retireGroup,
  setGroupLeader,
} from './group-commands';

const ghostGroup = 'ghost-group-01' as GroupId;
const ghostMember = 'ghost-member-01' as MemberId;

function group(doc: Parameters<typeof readClub>[0], id: GroupId) {
  return readClub(doc).groups.find((g) => g.id === id);
}

describe('group commands', () => {
  it('adds a group after the existing ones, with an empty member list', () => {
    const { doc } = newClub({ kind: 'selfHelp' });
    const id = value(addGroup(doc, { name: '  Nhóm dưỡng sinh ' }, alice));
    expect(group(doc, id)).toEqual({
      id,
      name: 'Nhóm dưỡng sinh',
      area: null,
      leaderId: null,
      retiredOn: null,
      memberIds: [],
      order: 8,
    });
    expect(readClub(doc).groups.at(-1)?.id).toBe(id);
  });

  it('validates group names', () => {
    const { doc } = newClub({ kind: 'other' });
    expect(addGroup(doc, { name: ' ' }, alice)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { name: 'required' } },
    });
    const id = value(addGroup(doc, { name: 'A' }, alice));
    expect(renameGroup(doc, id, 'x'.repeat(101), alice)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { name: 'tooLong' } },
    });
    expect(renameGroup(doc, ghostGroup, 'B', alice)).toEqual({
      ok: false,
      error: { type: 'notFound', id: ghostGroup },
    });
  });

  it('renames, retires and restores a group', () => {
    const { doc } = newClub({ kind: 'other' });
    const id = value(addGroup(doc, { name: 'A' }, alice));
    value(renameGroup(doc, id, 'Nhóm B', alice));
    value(retireGroup(doc, id, TODAY, alice));
    expect(group(doc, id)).toMatchObject({ name: 'Nhóm B', retiredOn: TODAY });
    expect(retireGroup(doc, id, '2026/01/01', alice)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { retiredOn: 'dateFormat' } },
    });
    value(restoreGroup(doc, id, alice));
    expect(group(doc, id)?.retiredOn).toBeNull();
    expect(restoreGroup(doc, ghostGroup, alice).ok).toBe(false);
    expect(retireGroup(doc, ghostGroup, TODAY, alice).ok).toBe(false);
  });

  it('assigns and removes members', () => {
    const { doc } = newClub({ kind: 'other' });
    const id = value(addGroup(doc, { name: 'A' }, alice));
    const lan = addPerson(doc);
    const an = addPerson(doc, { fullName: 'Trần Văn An' });
    value(assignToGroup(doc, { groupId: id, memberId: lan }, alice));
    value(assignToGroup(doc, { groupId: id, memberId: an }, alice));
    value(assignToGroup(doc, { groupId: id, memberId: an }, alice));
    expect(group(doc, id)?.memberIds).toEqual([lan, an].sort());
    value(removeFromGroup(doc, { groupId: id, memberId: lan }, alice));
    expect(group(doc, id)?.memberIds).toEqual([an]);
    expect(assignToGroup(doc, { groupId: id, memberId: ghostMember }, alice)).toEqual({
      ok: false,
      error: { type: 'notFound', id: ghostMember },
    });
    expect(removeFromGroup(doc, { groupId: ghostGroup, memberId: an }, alice).ok).toBe(false);
  });

  it('makes the leader a member, and clears leadership when the leader is removed', () => {
    const { doc } = newClub({ kind: 'other' });
    const id = value(addGroup(doc, { name: 'A' }, alice));
    const lan = addPerson(doc);
    value(setGroupLeader(doc, id, lan, alice));
    expect(group(doc, id)).toMatchObject({ leaderId: lan, memberIds: [lan] });
    value(removeFromGroup(doc, { groupId: id, memberId: lan }, alice));
    expect(group(doc, id)).toMatchObject({ leaderId: null, memberIds: [] });
    value(setGroupLeader(doc, id, lan, alice));
    value(setGroupLeader(doc, id, null, alice));
    expect(group(doc, id)).toMatchObject({ leaderId: null, memberIds: [lan] });
    expect(setGroupLeader(doc, id, ghostMember, alice).ok).toBe(false);
  });
});
