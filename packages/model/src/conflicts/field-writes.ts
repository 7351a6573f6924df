import * as v from 'valibot';
import { newMeetingId } from '../ids/ids';
import type { Author } from '../origin/origin';

/**
 * Fields that hold one value (a phone, a birth year, a household status) are one Y.Map key each, so two
 * tablets that set different values while apart end with one of them, chosen by Yjs by client id. The
 * loser is kept here: every write of such a field also records itself next to the value, with who wrote
 * it, when, and which earlier writes of that field the writer had seen (`base`).
 *
 * A write no other write names in its base is a "head". One head: the field is settled. Two heads or more
 * with different values: written concurrently, neither writer saw the other's value, and the record shows
 * both until someone chooses. A write names every head it saw, so a value only one tablet changed, or
 * one tablet changed after it had seen the other's, is never flagged; two tablets writing the same value
 * are not either. Choosing is one more write based on all the heads.
 *
 * The entries are flat keys of the record (`write/<field>/<id>`), not a nested map: a nested map created
 * by two tablets for an existing record would be two maps, and one tablet's writes would be lost with
 * its map. A write deletes the heads it supersedes, so a settled field keeps one entry.
 */

export interface FieldWrite {
  readonly id: string;
  readonly value: unknown;
  /** The author's id and name as the origin gave them. */
  readonly by: string;
  readonly name: string;
  /** ISO date-time on the writer's tablet: for people to tell the writes apart, never for ordering. */
  readonly at: string;
  readonly base: readonly string[];
}

/** One field two tablets set differently while apart: its heads, one per distinct value, oldest first. */
export interface FieldConflict<F extends string = string> {
  readonly field: F;
  readonly options: readonly Omit<FieldWrite, 'base'>[];
}

const PREFIX = 'write/';

/**
 * Where a record's writes are kept: a record's own Y.Map, or one record's slice of a flat map
 * (flat-record.ts), so the same rules serve records stored either way.
 */
export interface WriteRecord {
  entries(): IterableIterator<[string, unknown]>;
  get(key: string): unknown;
  has(key: string): boolean;
  set(key: string, value: unknown): unknown;
  delete(key: string): void;
}

export function writeKey(field: string, id: string): string {
  return `${PREFIX}${field}/${id}`;
}

const WriteValue = v.object({
  value: v.unknown(),
  by: v.string(),
  name: v.string(),
  at: v.string(),
  base: v.array(v.string()),
});

/** The writes recorded in a record, by field; entries that do not parse are left out. */
export function readWrites(raw: Readonly<Record<string, unknown>>): Map<string, FieldWrite[]> {
  const out = new Map<string, FieldWrite[]>();
  for (const [key, entry] of Object.entries(raw)) {
    if (!key.startsWith(PREFIX)) continue;
    const slash = key.indexOf('/', PREFIX.length);
    if (slash < 0) continue;
    const parsed = v.safeParse(WriteValue, entry);
    if (!parsed.success) continue;
    const field = key.slice(PREFIX.length, slash);
    const list = out.get(field) ?? [];
    list.push({ id: key.slice(slash + 1), ...parsed.output });
    out.set(field, list);
  }
  return out;
}

/** The writes nobody built on. */
export function headsOf(writes: readonly FieldWrite[]): FieldWrite[] {
  const seen = new Set(writes.flatMap((w) => w.base));
  return writes.filter((w) => !seen.has(w.id));
}

function byTime(a: FieldWrite, b: FieldWrite): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whether some field has two write entries or more: the least a conflict needs. */
function hasRivalWrites(raw: Readonly<Record<string, unknown>>): boolean {
  const seen = new Set<string>();
  for (const key of Object.keys(raw)) {
    if (!key.startsWith(PREFIX)) continue;
    const field = key.slice(PREFIX.length, key.indexOf('/', PREFIX.length));
    if (seen.has(field)) return true;
    seen.add(field);
  }
  return false;
}

/** The record's conflicts among `fields`, in that order; each option once per distinct value. */
export function readConflicts<F extends string>(
  raw: Readonly<Record<string, unknown>>,
  fields: readonly F[],
): FieldConflict<F>[] {
  // Almost every record has at most one write per field (a write deletes the heads it saw): tell that from
  // the keys alone, without validating each entry, since a whole register is read after every change.
  if (!hasRivalWrites(raw)) return [];
  const writes = readWrites(raw);
  const out: FieldConflict<F>[] = [];
  for (const field of fields) {
    const heads = headsOf(writes.get(field) ?? []).sort(byTime);
    const byValue = new Map<string, FieldWrite>();
    // The latest write of each value stands for it.
    for (const head of heads) byValue.set(JSON.stringify(head.value ?? null), head);
    if (byValue.size < 2) continue;
    const options = [...byValue.values()].sort(byTime).map(({ base: _base, ...option }) => option);
    out.push({ field, options });
  }
  return out;
}

/**
 * Records a write of `field` that set `value`, based on every head this tablet holds, and deletes those
 * heads (the new write names them, so they are no longer needed to tell what it saw). Inside a transaction.
 */
export function recordWrite(
  record: WriteRecord,
  field: string,
  value: unknown,
  author: Author,
  at: string,
): string {
  const raw = recordEntries(record, field);
  const heads = headsOf(readWrites(raw).get(field) ?? []);
  const id = newMeetingId();
  record.set(writeKey(field, id), {
    value,
    by: author.id,
    name: author.name,
    at,
    base: heads.map((h) => h.id),
  });
  for (const head of heads) record.delete(writeKey(field, head.id));
  return id;
}

/** The write entries of one field, read without serialising the whole record. */
function recordEntries(record: WriteRecord, field: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const prefix = `${PREFIX}${field}/`;
  for (const [key, entry] of record.entries()) if (key.startsWith(prefix)) out[key] = entry;
  return out;
}

/** The heads of one field in a live record (for a resolution: which write was chosen among them). */
export function headsIn(record: WriteRecord, field: string): FieldWrite[] {
  return headsOf(readWrites(recordEntries(record, field)).get(field) ?? []);
}

/** Removes every recorded write (erasure: the old values are personal data too). */
export function clearWrites(record: WriteRecord): void {
  for (const [key] of [...record.entries()]) if (key.startsWith(PREFIX)) record.delete(key);
}

/**
 * Keeps the write `writeId` among a field's heads: sets its value and records a write based on every head,
 * so the conflict is gone on every tablet once this arrives. Returns the chosen write, or undefined when it
 * is no longer a head (someone chose meanwhile). Inside a transaction.
 */
export function chooseWrite(
  record: WriteRecord,
  field: string,
  writeId: string,
  author: Author,
  at: string,
): FieldWrite | undefined {
  const chosen = headsIn(record, field).find((head) => head.id === writeId);
  if (chosen === undefined) return undefined;
  if (chosen.value !== undefined && (record.get(field) !== chosen.value || !record.has(field)))
    record.set(field, chosen.value);
  recordWrite(record, field, chosen.value, author, at);
  return chosen;
}

/**
 * Sets a single-value field and, when it changed, records the write. Returns whether it changed. A null
 * value is kept as null (a cleared field), undefined means "not given" and writes nothing.
 */
export function writeValue(
  record: WriteRecord,
  field: string,
  value: unknown,
  author: Author,
  at: string,
): boolean {
  if (value === undefined) return false;
  if (record.has(field) && record.get(field) === value) return false;
  record.set(field, value);
  recordWrite(record, field, value, author, at);
  return true;
}
