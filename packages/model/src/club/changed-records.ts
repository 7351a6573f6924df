import * as Y from 'yjs';

/**
 * Which records of the club doc a batch of transactions touched, read off Yjs's deep events. A record
 * is named by its id in its top-level map; a meeting's own fields and its marks are told apart so that a
 * mark re-reads one key, not the meeting.
 */
export interface ChangedRecords {
  /** `meta`: the club id and schema version (and with it read-only). */
  header: boolean;
  profile: boolean;
  settings: boolean;
  dismissed: boolean;
  /** The Red Cross register or log (read whole). */
  redCross: boolean;
  members: Set<string>;
  groups: Set<string>;
  /** Meetings to read whole: added, removed, replaced, or their attendance map replaced. */
  meetings: Set<string>;
  meetingFields: Set<string>;
  /** meeting id → attendance keys written. */
  marks: Map<string, Set<string>>;
}

export function noChangedRecords(): ChangedRecords {
  return {
    header: false,
    profile: false,
    settings: false,
    dismissed: false,
    redCross: false,
    members: new Set(),
    groups: new Set(),
    meetings: new Set(),
    meetingFields: new Set(),
    marks: new Map(),
  };
}

export function hasChangedRecords(c: ChangedRecords): boolean {
  return (
    c.header ||
    c.profile ||
    c.settings ||
    c.dismissed ||
    c.redCross ||
    c.members.size + c.groups.size + c.meetings.size + c.meetingFields.size + c.marks.size > 0
  );
}

export type ClubRoot =
  | 'meta'
  | 'profile'
  | 'settings'
  | 'members'
  | 'groups'
  | 'meetings'
  | 'dismissedDuplicates'
  | 'redCrossVolunteers'
  | 'redCrossActivities';

function keysOf(event: Y.YEvent<Y.AbstractType<unknown>>): Iterable<string> {
  // Map events name their keys; any other type (an odd value a peer wrote) changed as a whole.
  return event instanceof Y.YMapEvent ? (event.keysChanged as Set<string>) : [];
}

/** Adds what one root's events (from `observeDeep`, paths relative to the root) say changed. */
export function collectChangedRecords(
  root: ClubRoot,
  events: readonly Y.YEvent<Y.AbstractType<unknown>>[],
  into: ChangedRecords,
): void {
  if (root === 'meta') into.header = true;
  else if (root === 'profile') into.profile = true;
  else if (root === 'settings') into.settings = true;
  else if (root === 'dismissedDuplicates') into.dismissed = true;
  else if (root === 'redCrossVolunteers' || root === 'redCrossActivities') into.redCross = true;
  if (root !== 'members' && root !== 'groups' && root !== 'meetings') return;
  const records = root === 'members' ? into.members : root === 'groups' ? into.groups : into.meetings;
  for (const event of events) {
    const [id, field, key] = event.path.map(String);
    if (id === undefined) {
      for (const changed of keysOf(event)) records.add(changed);
    } else if (root !== 'meetings') {
      records.add(id);
    } else if (field === undefined) {
      const keys = [...keysOf(event)];
      if (keys.includes('attendance') || keys.length === 0) into.meetings.add(id);
      else into.meetingFields.add(id);
    } else if (field !== 'attendance') {
      into.meetingFields.add(id);
    } else {
      const marks = into.marks.get(id) ?? new Set<string>();
      into.marks.set(id, marks);
      if (key !== undefined) marks.add(key);
      else for (const changed of keysOf(event)) marks.add(changed);
    }
  }
}
