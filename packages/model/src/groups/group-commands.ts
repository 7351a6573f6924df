import * as Y from 'yjs';
import {
  err,
  type GroupId,
  type IsoDate,
  isIsoDate,
  type MemberId,
  newGroupId,
  ok,
  type Result,
} from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { type CommandError, invalid, type NotFoundError, notFound, runCommand } from '../schema/command';
import type { StandardArea } from '../schema/enums';
import { checkRequiredText, MAX_NAME } from '../schema/field-checks';
import { deleteIfPresent, getNested, getRecord, groupsMap, membersMap, setIfChanged } from '../schema/layout';

/** Creates a group record; its `members` map is born with it so concurrent assignments share one map. */
export function insertGroup(doc: Y.Doc, name: string, area: StandardArea | null): GroupId {
  const groups = groupsMap(doc);
  let order = 0;
  for (const group of groups.values()) {
    const value = group instanceof Y.Map ? group.get('order') : undefined;
    if (typeof value === 'number' && value >= order) order = value + 1;
  }
  const id = newGroupId();
  const record = new Y.Map<unknown>();
  record.set('name', name);
  record.set('area', area);
  record.set('leaderId', null);
  record.set('retiredOn', null);
  record.set('order', order);
  record.set('members', new Y.Map<unknown>());
  groups.set(id, record);
  return id;
}

export function addGroup(
  doc: Y.Doc,
  input: { name: string },
  origin: LocalOrigin,
): Result<GroupId, CommandError> {
  return runCommand(doc, origin, () => {
    const error = checkRequiredText(input.name, MAX_NAME);
    if (error !== null) return err(invalid({ name: error }));
    return ok(insertGroup(doc, input.name.trim(), null));
  });
}

export function renameGroup(
  doc: Y.Doc,
  id: GroupId,
  name: string,
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    const error = checkRequiredText(name, MAX_NAME);
    if (error !== null) return err(invalid({ name: error }));
    const group = getRecord(groupsMap(doc), id);
    if (group === undefined) return notFound(id);
    setIfChanged(group, 'name', name.trim());
    return ok(undefined);
  });
}

/** Retired groups keep their history (members, leader) and can be restored. */
export function retireGroup(
  doc: Y.Doc,
  id: GroupId,
  on: IsoDate,
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    if (!isIsoDate(on)) return err(invalid({ retiredOn: 'dateFormat' }));
    const group = getRecord(groupsMap(doc), id);
    if (group === undefined) return notFound(id);
    setIfChanged(group, 'retiredOn', on);
    return ok(undefined);
  });
}

export function restoreGroup(doc: Y.Doc, id: GroupId, origin: LocalOrigin): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    const group = getRecord(groupsMap(doc), id);
    if (group === undefined) return notFound(id);
    setIfChanged(group, 'retiredOn', null);
    return ok(undefined);
  });
}

type Found = { readonly group: Y.Map<unknown>; readonly members: Y.Map<unknown> };

function findGroupAndMember(
  doc: Y.Doc,
  groupId: GroupId,
  memberId: MemberId | null,
): Result<Found, NotFoundError> {
  const group = getRecord(groupsMap(doc), groupId);
  const members = group === undefined ? undefined : getNested(group, 'members');
  if (group === undefined || members === undefined) return notFound(groupId);
  if (memberId !== null && getRecord(membersMap(doc), memberId) === undefined) return notFound(memberId);
  return ok({ group, members });
}

/** The leader is also made a member, so a leader is always counted in the group's size. */
export function setGroupLeader(
  doc: Y.Doc,
  id: GroupId,
  leaderId: MemberId | null,
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    const found = findGroupAndMember(doc, id, leaderId);
    if (!found.ok) return found;
    setIfChanged(found.value.group, 'leaderId', leaderId);
    if (leaderId !== null) setIfChanged(found.value.members, leaderId, true);
    return ok(undefined);
  });
}

export function assignToGroup(
  doc: Y.Doc,
  input: { groupId: GroupId; memberId: MemberId },
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    const found = findGroupAndMember(doc, input.groupId, input.memberId);
    if (!found.ok) return found;
    setIfChanged(found.value.members, input.memberId, true);
    return ok(undefined);
  });
}

export function removeFromGroup(
  doc: Y.Doc,
  input: { groupId: GroupId; memberId: MemberId },
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    const found = findGroupAndMember(doc, input.groupId, null);
    if (!found.ok) return found;
    deleteIfPresent(found.value.members, input.memberId);
    if (found.value.group.get('leaderId') === input.memberId) found.value.group.set('leaderId', null);
    return ok(undefined);
  });
}
