import type * as Y from 'yjs';
import type { MeetingId, MemberId } from '../ids/ids';
import { readRedCross } from '../red-cross/read-red-cross';
import type { AttendanceStatus } from '../schema/enums';
import { groupsMap, meetingsMap, membersMap } from '../schema/layout';
import type { ClubView, Member } from '../schema/types';
import type { ChangedRecords } from './changed-records';
import type { ClubChanges, MarkChange } from './club-follower';
import {
  attendanceSource,
  compareGroups,
  compareMeetings,
  createMemberComparator,
  type MeetingRecordView,
  readDismissed,
  readGroup,
  readHeader,
  readMarkAt,
  readMeeting,
  readMeetingFields,
  readMember,
  readProfile,
  readSettings,
} from './club-records';
import { createListPatch, isSamePlain } from './list-patch';
import {
  createMerges,
  markFor,
  resolveGroup,
  resolveMeeting,
  resolveMeetingFields,
  resolveMember,
} from './merge-resolution';
import { readAll } from './read-club';
import { createSortedList } from './sorted-list';

/**
 * The follower's state: every record as stored (validated, references unresolved) and as shown
 * (resolved, sorted exactly as readClub sorts). `apply` re-reads only the records a batch touched.
 *
 * Merges make records depend on each other: when a member's `mergedInto` changes, or a member that
 * others were merged into appears or disappears, every reference (group members and leaders, chairs,
 * secretaries, marks) is resolved again from the stored records. That walks the club but validates
 * nothing again, and it is rare (a merge, or the sync that brings one).
 */
export function readState(doc: Y.Doc) {
  let header = readHeader(doc);
  let profile = readProfile(doc);
  let settings = readSettings(doc);
  let dismissed = readDismissed(doc);
  let redCross = readRedCross(doc);
  const rawMembers = new Map(readAll(membersMap(doc), readMember).map((m) => [m.id as string, m]));
  /** How many stored members say they were merged into each id. */
  const targets = new Map<string, number>();
  const countTarget = (m: Member | undefined, by: number) => {
    if (m?.mergedInto) targets.set(m.mergedInto, (targets.get(m.mergedInto) ?? 0) + by);
  };
  for (const m of rawMembers.values()) countTarget(m, 1);
  let merges = createMerges([...rawMembers.values()]);
  const members = createSortedList(
    [...rawMembers.values()].map((m) => resolveMember(m, merges.resolve)),
    createMemberComparator(),
  );
  const rawGroups = new Map(readAll(groupsMap(doc), readGroup).map((g) => [g.id as string, g]));
  const groups = createSortedList(
    [...rawGroups.values()].map((g) => resolveGroup(g, merges.resolve)),
    compareGroups,
  );
  const rawMeetings = new Map(readAll(meetingsMap(doc), readMeeting).map((m) => [m.fields.id as string, m]));
  const meetings = createSortedList(
    [...rawMeetings.values()].map((m) => resolveMeeting(m, merges.resolve)),
    compareMeetings,
  );

  const view = (): ClubView => ({
    ...header,
    profile,
    settings,
    members: members.items,
    groups: groups.items,
    meetings: meetings.items,
    dismissedDuplicates: dismissed,
    redCross,
  });

  const apply = (c: ChangedRecords): ClubChanges => {
    let validated = 0;
    const changedValue = <T>(dirty: boolean, before: T, read: () => T): T | null => {
      if (!dirty) return null;
      validated++;
      const after = read();
      return isSamePlain(before, after) ? null : after;
    };
    const nextHeader = changedValue(c.header, header, () => readHeader(doc));
    const nextProfile = changedValue(c.profile, profile, () => readProfile(doc));
    const nextSettings = changedValue(c.settings, settings, () => readSettings(doc));
    const nextDismissed = changedValue(c.dismissed, dismissed, () => readDismissed(doc));
    header = nextHeader ?? header;
    profile = nextProfile ?? profile;
    settings = nextSettings ?? settings;
    dismissed = nextDismissed ?? dismissed;
    // The register and the log are read whole: a chapter's few hundred keys, changed a few times a month.
    const nextRedCross = changedValue(c.redCross, redCross, () => readRedCross(doc));
    redCross = nextRedCross ?? redCross;

    // Members as stored; whether the merges changed with them.
    let mergesChanged = false;
    for (const id of c.members) {
      const before = rawMembers.get(id);
      const after = readMember(id, membersMap(doc).get(id));
      validated++;
      if (after === undefined) rawMembers.delete(id);
      else rawMembers.set(id, after);
      countTarget(before, -1);
      countTarget(after, 1);
      const appeared = (before === undefined) !== (after === undefined);
      if ((before?.mergedInto ?? null) !== (after?.mergedInto ?? null)) mergesChanged = true;
      if (appeared && (targets.get(id) ?? 0) > 0) mergesChanged = true;
    }
    if (mergesChanged) merges = createMerges([...rawMembers.values()]);
    const { resolve } = merges;
    const everyId = (stored: Map<string, unknown>, dirty: Iterable<string>) =>
      mergesChanged ? new Set([...stored.keys(), ...dirty]) : dirty;

    const memberPatch = createListPatch(members);
    for (const id of everyId(rawMembers, c.members)) {
      const raw = rawMembers.get(id);
      if (raw === undefined) memberPatch.remove(id);
      else memberPatch.put(resolveMember(raw, resolve));
    }

    for (const id of c.groups) {
      const raw = readGroup(id, groupsMap(doc).get(id));
      validated++;
      if (raw === undefined) rawGroups.delete(id);
      else rawGroups.set(id, raw);
    }
    const groupPatch = createListPatch(groups);
    for (const id of everyId(rawGroups, c.groups)) {
      const raw = rawGroups.get(id);
      if (raw === undefined) groupPatch.remove(id);
      else groupPatch.put(resolveGroup(raw, resolve));
    }

    // Meetings: read whole what was added, replaced or is unknown; otherwise only fields, or only marks.
    const whole = new Set(c.meetings);
    for (const id of [...c.meetingFields, ...c.marks.keys()]) if (!rawMeetings.has(id)) whole.add(id);
    const fieldsOnly = [...c.meetingFields].filter((id) => !whole.has(id));
    for (const id of whole) {
      const raw = readMeeting(id, meetingsMap(doc).get(id));
      validated++;
      if (raw === undefined) rawMeetings.delete(id);
      else rawMeetings.set(id, raw);
    }
    for (const id of fieldsOnly) {
      const stored = rawMeetings.get(id) as MeetingRecordView;
      const fields = readMeetingFields(id, meetingsMap(doc).get(id));
      validated++;
      if (fields === undefined) rawMeetings.delete(id);
      else rawMeetings.set(id, { fields, marks: stored.marks });
    }
    /** meeting id → the surviving records whose shown mark may have changed. */
    const touched = new Map<string, Set<MemberId>>();
    for (const [id, keys] of c.marks) {
      const stored = rawMeetings.get(id);
      if (whole.has(id) || stored === undefined) continue;
      const source = attendanceSource(meetingsMap(doc).get(id));
      const roots = new Set<MemberId>();
      for (const key of keys) {
        const mark = readMarkAt(source, key);
        validated++;
        if (mark === undefined) stored.marks.delete(key);
        else stored.marks.set(key, mark);
        roots.add(resolve(key as MemberId));
      }
      touched.set(id, roots);
    }

    const meetingPatch = createListPatch(meetings);
    for (const id of everyId(rawMeetings, [...whole, ...fieldsOnly])) {
      const raw = rawMeetings.get(id);
      const shown = meetings.get(id);
      if (raw === undefined) meetingPatch.remove(id);
      else if (whole.has(id) || mergesChanged || shown === undefined)
        meetingPatch.put(resolveMeeting(raw, resolve));
      // The marks object is the follower's own: the new fields share it, marks below write into it.
      else meetingPatch.put({ ...resolveMeetingFields(raw.fields, resolve), attendance: shown.attendance });
    }
    const marks: MarkChange[] = [];
    if (!mergesChanged) {
      for (const [id, roots] of touched) {
        const shown = meetings.get(id);
        const stored = rawMeetings.get(id);
        if (shown === undefined || stored === undefined) continue;
        const attendance = shown.attendance as Record<string, AttendanceStatus>;
        for (const root of roots) {
          const mark = markFor(root, (key) => stored.marks.get(key), merges.mergedFrom(root));
          const before = Object.hasOwn(attendance, root) ? attendance[root] : undefined;
          if (mark === before) continue;
          if (mark === undefined) delete attendance[root];
          else attendance[root] = mark;
          if (!meetingPatch.has(id))
            marks.push({ meetingId: id as MeetingId, memberId: root, status: mark ?? null });
        }
      }
    }

    return {
      header: nextHeader,
      profile: nextProfile,
      settings: nextSettings,
      dismissedDuplicates: nextDismissed,
      redCross: nextRedCross,
      members: memberPatch.result(),
      groups: groupPatch.result(),
      meetings: meetingPatch.result(),
      marks,
      validated,
      resolvedAgain: mergesChanged,
    };
  };

  return { view, apply };
}
