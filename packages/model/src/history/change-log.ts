import * as v from 'valibot';
import * as Y from 'yjs';
import { newMeetingId } from '../ids/ids';
import type { Author } from '../origin/origin';
import { getRecord, meetingsMap, membersMap } from '../schema/layout';

/**
 * Who changed what (issue 12 §5): every recorded write of a record's field also appends one entry to the
 * record's change log, with who, when and which field, never the value (the log outlives an erasure
 * without holding personal data, and the field's current value is on the page already).
 *
 * Why a log of our own and not Y.PermanentUserData: PermanentUserData maps Yjs client ids to users, so
 * telling who changed one field means walking the deleted and inserted structs of the whole doc, and
 * it says nothing of which field; our commands know the field and the person when they write. Why not
 * the single-value write records of §1: a write deletes the heads it supersedes, so they keep only the
 * last write of each field. The entries are flat keys `log/<id>` of the record, as the writes are, so
 * two tablets that log changes to one record while apart keep both (ids are random).
 */
const PREFIX = 'log/';

export interface ChangeEntry {
  readonly id: string;
  readonly field: string;
  /** The author's id and name as the origin gave them. */
  readonly by: string;
  readonly name: string;
  /** ISO date-time on the writer's tablet. */
  readonly at: string;
}

const EntryValue = v.object({ field: v.string(), by: v.string(), name: v.string(), at: v.string() });

/** Inside the command's transaction. */
export function appendChange(record: Y.Map<unknown>, field: string, author: Author, at: string): void {
  record.set(`${PREFIX}${newMeetingId()}`, { field, by: author.id, name: author.name, at });
}

/** The log of a record, oldest first (ties by id, so every tablet lists the same order). */
export function readChangeLog(record: Y.Map<unknown> | Readonly<Record<string, unknown>>): ChangeEntry[] {
  const entries = record instanceof Y.Map ? [...record.entries()] : Object.entries(record);
  const out: ChangeEntry[] = [];
  for (const [key, raw] of entries) {
    if (!key.startsWith(PREFIX)) continue;
    const parsed = v.safeParse(EntryValue, raw);
    if (parsed.success) out.push({ id: key.slice(PREFIX.length), ...parsed.output });
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A member's change log, newest first, as the member page lists it; [] for an unknown id. */
export function listMemberChanges(doc: Y.Doc, memberId: string): ChangeEntry[] {
  const record = getRecord(membersMap(doc), memberId);
  return record === undefined ? [] : readChangeLog(record).reverse();
}

/** A meeting's change log, newest first; [] for an unknown id. */
export function listMeetingChanges(doc: Y.Doc, meetingId: string): ChangeEntry[] {
  const record = getRecord(meetingsMap(doc), meetingId);
  return record === undefined ? [] : readChangeLog(record).reverse();
}
