import * as Y from 'yjs';

/**
 * The Y.Doc layout. Every record is a Y.Map with one key per field, so concurrent edits to different
 * fields merge instead of one whole object overwriting another. Nested maps (group members, meeting
 * attendance) are created in the same transaction as their parent, never lazily: two peers lazily
 * creating the same nested map would each make their own and one would silently win.
 */

export const SCHEMA_VERSION = 2;

export const TOP_LEVEL = [
  'meta',
  'profile',
  'settings',
  'members',
  'groups',
  'meetings',
  'dismissedDuplicates',
] as const;

export type YRecord = Y.Map<unknown>;

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

export function profileMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('profile');
}

export function settingsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('settings');
}

export function membersMap(doc: Y.Doc): Y.Map<YRecord> {
  return doc.getMap('members');
}

export function groupsMap(doc: Y.Doc): Y.Map<YRecord> {
  return doc.getMap('groups');
}

export function meetingsMap(doc: Y.Doc): Y.Map<YRecord> {
  return doc.getMap('meetings');
}

export function dismissedMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('dismissedDuplicates');
}

/** The shared types commands write, i.e. the undo scope. `meta` is left out: undo must not un-create a club. */
export function editableTypes(doc: Y.Doc): Y.Map<unknown>[] {
  const names = ['profile', 'settings', 'members', 'groups', 'meetings', 'dismissedDuplicates'];
  return [...names, 'redCrossVolunteers', 'redCrossActivities'].map((name) => doc.getMap<unknown>(name));
}

/** A record's map, or undefined when the key is missing or holds something an older peer wrote. */
export function getRecord(parent: Y.Map<YRecord>, id: string): YRecord | undefined {
  const value: unknown = parent.get(id);
  return value instanceof Y.Map ? (value as YRecord) : undefined;
}

/** The nested map of a group or meeting. Missing only in docs written by a buggy peer. */
export function getNested(record: YRecord, key: 'members' | 'attendance'): Y.Map<unknown> | undefined {
  const value = record.get(key);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined;
}

/** Writes only when the value differs, so an unchanged field does not win a concurrent edit by accident. */
export function setIfChanged(record: Y.Map<unknown>, key: string, value: unknown): void {
  if (value === undefined) return;
  if (record.get(key) !== value || !record.has(key)) record.set(key, value);
}

export function deleteIfPresent(record: Y.Map<unknown>, key: string): void {
  if (record.has(key)) record.delete(key);
}
