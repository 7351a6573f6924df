import type * as Y from 'yjs';
import { type ClubId, err, type MeetingId, newMeetingId, type Result } from '../ids/ids';
import type { ApprovedError } from '../minutes/minutes-layout';
import type { ChangeOrigin } from '../origin/origin';
import type { CommandError } from '../schema/command';
import type { Entry, EntryId, FundId, LoanId } from './money-types';

/**
 * The layout of the money document `<clubId>/money`, the committee's only (viewer keys are refused by
 * the relay through protocol's `isPrivateDocument`).
 * - `meta`: schemaVersion, clubId, clubKind (the kind picks the default funds and dues fund).
 * - `rules`: one key per MoneyRules field the club changed; a missing key reads as the default.
 * - `funds`: flat keys `<fundId>/<field>` (kind, name, target, retired, order). Flat like the health
 *   checks: two tablets starting the book offline write the same standard funds key by key, and a later
 *   edit of one field on one tablet never loses to a whole fund map made on the other.
 * - `entries`: a Y.Array of tuples (ENTRY_FIELDS), appended once and never changed or removed (the
 *   books are append-only; a correction is a new entry). Ids are random, or derived from the source for
 *   migrated entries: two tablets migrating the same minutes append the same tuple twice, and readers
 *   keep the first of an id (the array's order is the same on every tablet).
 * - `loans`: loanId → a plain object of the approved terms, written once; read by start date, recordedAt, id.
 * - `writeOffs`: loanId → the committee's decision not to collect it.
 * - `confirmed`: duplicate-group key → true, when the treasurer says two equal entries are both real.
 * - `locks`: meetingId → `{ approvedAt, reopenings }` while the meeting's minutes are approved: no entry
 *   is recorded at it (money-locks.ts).
 */

export const MONEY_SCHEMA_VERSION = 2;

export const moneyMeta = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta');
export const rulesMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('rules');
export const fundsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('funds');
export const entriesArray = (doc: Y.Doc): Y.Array<unknown> => doc.getArray('entries');
export const moneyLocksMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('locks');

/**
 * The positions of an entry's fields in its stored tuple. Positional, not an object: field names
 * repeated in each of a five-year book's ~7,500 entries doubled the doc (2.0 → 1.2 MB) and the time to
 * load it (about 360 → 65 ms on this machine). A later schema appends fields; readers take these.
 */
export const ENTRY_FIELDS = [
  'id',
  'fundId',
  'kind',
  'amount',
  'date',
  'memberId',
  'loanId',
  'meetingId',
  'toFundId',
  'reverses',
  'note',
  'recordedBy',
  'recordedAt',
] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

export function entryPosition(field: EntryField): number {
  return ENTRY_FIELDS.indexOf(field);
}
export const loansMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('loans');
export const writeOffsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('writeOffs');
export const confirmedMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('confirmed');
/** Author id → the name they last wrote under: entries keep the id, a history says who in words. */
export const authorsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('authors');

export function moneyDocName(clubId: ClubId): string {
  return `${clubId}/money`;
}

export function fundKey(fundId: string, field: string): string {
  return `${fundId}/${field}`;
}

// The random-id source in ids.ts is shared: 132 random bits, the relay's alphabet.
export function newEntryId(): EntryId {
  return newMeetingId() as string as EntryId;
}
export function newLoanId(): LoanId {
  return newMeetingId() as string as LoanId;
}
export function newFundId(): FundId {
  return newMeetingId() as string as FundId;
}

export function readMoneySchemaVersion(doc: Y.Doc): number | null {
  const version = moneyMeta(doc).get('schemaVersion');
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : null;
}

export function isMoneyReadOnly(doc: Y.Doc): boolean {
  return (readMoneySchemaVersion(doc) ?? 0) > MONEY_SCHEMA_VERSION;
}

/** An entry cannot be reversed twice from this tablet (two tablets offline may; see money-flags.ts). */
export type AlreadyReversedError = { readonly type: 'alreadyReversed'; readonly id: EntryId };
/** An entry at a meeting whose minutes are approved (money-locks.ts); `approvedAt` for the message. */
export type MeetingLockedError = ApprovedError & {
  readonly meetingId: MeetingId;
  readonly approvedAt: string;
};
export type MoneyError = CommandError | AlreadyReversedError | MeetingLockedError;

/**
 * One command, one transaction (like schema/command.ts's runCommand, with the money doc's own version
 * guard and error union). `body` checks everything before its first write.
 */
export function runMoneyCommand<T>(
  doc: Y.Doc,
  origin: ChangeOrigin,
  body: () => Result<T, Exclude<MoneyError, { type: 'readOnly' }>>,
): Result<T, MoneyError> {
  if (isMoneyReadOnly(doc)) return err({ type: 'readOnly' });
  let result: Result<T, MoneyError> | undefined;
  doc.transact(() => {
    result = body();
    // The book's record of who wrote it (issue 12 §5), kept in the doc so every tablet can name them.
    if (result?.ok && origin.type === 'local') {
      const { id, name } = origin.author;
      if (authorsMap(doc).get(id) !== name) authorsMap(doc).set(id, name);
    }
  }, origin);
  if (result === undefined) throw new Error('money command did not return a result');
  return result;
}

/** Appends one entry as its stored tuple; the caller has checked it. */
export function appendEntry(doc: Y.Doc, entry: Entry): void {
  entriesArray(doc).push([ENTRY_FIELDS.map((field) => entry[field])]);
}
