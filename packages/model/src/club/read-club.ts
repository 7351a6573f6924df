import type * as Y from 'yjs';
import { readRedCross } from '../red-cross/read-red-cross';
import { groupsMap, meetingsMap, membersMap, type YRecord } from '../schema/layout';
import type { ClubView } from '../schema/types';
import {
  compareGroups,
  compareMeetings,
  createMemberComparator,
  readDismissed,
  readGroup,
  readHeader,
  readMeeting,
  readMember,
  readProfile,
  readSettings,
} from './club-records';
import { createMergeResolver, resolveGroup, resolveMeeting, resolveMembers } from './merge-resolution';

export { readSettings };

/**
 * Projects the whole doc into a plain view, record by record (club-records.ts). Output is deterministic
 * for a given doc state: Y.Map iteration order depends on the order updates arrived, so every list is
 * sorted here. The follower (club-follower.ts) keeps the same view up to date without reading it all.
 */
export function readClub(doc: Y.Doc): ClubView {
  const raw = readAll(membersMap(doc), readMember);
  const resolve = createMergeResolver(raw);
  return {
    ...readHeader(doc),
    profile: readProfile(doc),
    settings: readSettings(doc),
    members: resolveMembers(raw, resolve).sort(createMemberComparator()),
    groups: readAll(groupsMap(doc), readGroup)
      .map((g) => resolveGroup(g, resolve))
      .sort(compareGroups),
    meetings: readAll(meetingsMap(doc), readMeeting)
      .map((m) => resolveMeeting(m, resolve))
      .sort(compareMeetings),
    dismissedDuplicates: readDismissed(doc),
    redCross: readRedCross(doc),
  };
}

/** Every record of a top-level map that reads as one; what does not (an older peer's junk) is left out. */
export function readAll<T>(parent: Y.Map<YRecord>, read: (id: string, value: unknown) => T | undefined): T[] {
  const out: T[] = [];
  parent.forEach((value, id) => {
    const record = read(id, value);
    if (record !== undefined) out.push(record);
  });
  return out;
}
