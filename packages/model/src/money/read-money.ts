import * as v from 'valibot';
import type * as Y from 'yjs';
import { compareText, isId, isIsoDate } from '../ids/ids';
import { CLUB_KINDS, type ClubKind } from '../schema/enums';
import {
  authorsMap,
  confirmedMap,
  entriesArray,
  entryPosition,
  fundsMap,
  isMoneyReadOnly,
  loansMap,
  moneyMeta,
  readMoneySchemaVersion,
  rulesMap,
  writeOffsMap,
} from './money-layout';
import { checkRuleValue, defaultRulesFor, MAX_AMOUNT, RULE_KEYS } from './money-rules';
import {
  ENTRY_KINDS,
  type Entry,
  FUND_KINDS,
  type Fund,
  INTEREST_METHODS,
  type Loan,
  type MoneyRules,
  type MoneyView,
  REPAYMENT_PLANS,
  ROUNDINGS,
  type WriteOff,
} from './money-types';

/**
 * The plain projection of the money doc. Every record is validated (a peer may run an older or newer
 * build, or a stored row may be damaged): a record that does not parse is left out of the view, never
 * guessed at, so the balances only ever add up entries the model could read in full.
 */

const id = v.custom<string>(isId);
const nullableId = v.nullable(id);
const date = v.custom<string>(isIsoDate);
const amount = v.custom<number>(
  (x) => Number.isSafeInteger(x) && (x as number) > 0 && (x as number) <= MAX_AMOUNT,
);
const text = v.string();

const LoanRecord = v.object({
  fundId: v.string(),
  memberId: id,
  amount,
  monthlyRateBp: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)),
  method: v.picklist(INTEREST_METHODS),
  plan: v.picklist(REPAYMENT_PLANS),
  rounding: v.picklist(ROUNDINGS),
  termMonths: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(600)),
  startOn: date,
  purpose: text,
  meetingId: nullableId,
  recordedBy: text,
  recordedAt: text,
});

const WriteOffRecord = v.object({ on: date, meetingId: nullableId, note: text, recordedBy: text });

function readRecords<T>(map: Y.Map<unknown>, schema: v.GenericSchema<unknown, T>): [string, T][] {
  const out: [string, T][] = [];
  for (const [key, raw] of map.entries()) {
    if (!isId(key)) continue;
    const parsed = v.safeParse(schema, raw);
    if (parsed.success) out.push([key, parsed.output]);
  }
  return out;
}

export function readClubKind(doc: Y.Doc): ClubKind | null {
  const kind = moneyMeta(doc).get('clubKind');
  return (CLUB_KINDS as readonly unknown[]).includes(kind) ? (kind as ClubKind) : null;
}

export function readRules(doc: Y.Doc): MoneyRules {
  const stored = rulesMap(doc);
  const out: Record<string, unknown> = { ...defaultRulesFor(readClubKind(doc)) };
  for (const key of RULE_KEYS) {
    const value = stored.get(key);
    if (value !== undefined && checkRuleValue(key, value)) out[key] = value;
  }
  return out as unknown as MoneyRules;
}

export function readFunds(doc: Y.Doc): Fund[] {
  const raw = new Map<string, Record<string, unknown>>();
  for (const [key, value] of fundsMap(doc).entries()) {
    const slash = key.indexOf('/');
    if (slash <= 0) continue;
    const fundId = key.slice(0, slash);
    const fields = raw.get(fundId) ?? {};
    fields[key.slice(slash + 1)] = value;
    raw.set(fundId, fields);
  }
  const funds: Fund[] = [];
  for (const [fundId, f] of raw) {
    if (!(FUND_KINDS as readonly unknown[]).includes(f.kind)) continue;
    funds.push({
      id: fundId as Fund['id'],
      kind: f.kind as Fund['kind'],
      name: typeof f.name === 'string' ? f.name : '',
      target: Number.isSafeInteger(f.target) && (f.target as number) >= 0 ? (f.target as number) : 0,
      retired: f.retired === true,
      order: typeof f.order === 'number' && Number.isFinite(f.order) ? f.order : 0,
    });
  }
  return funds.sort((a, b) => a.order - b.order || compareText(a.id, b.id));
}

export function compareEntries(a: Entry, b: Entry): number {
  return compareText(a.date, b.date) || compareText(a.recordedAt, b.recordedAt) || compareText(a.id, b.id);
}

const ENTRY_KIND_SET: ReadonlySet<unknown> = new Set(ENTRY_KINDS);
const isText = (x: unknown): x is string => typeof x === 'string';

/**
 * Strings already checked during one read: a book's 7,500 entries repeat some 70 member ids, 60
 * meeting ids, 250 loan ids and 60 dates, and the id pattern and calendar checks dominated the read.
 */
export interface CheckedStrings {
  readonly ids: Set<string>;
  readonly dates: Set<string>;
}

function checked(x: unknown, memo: Set<string> | undefined, check: (x: unknown) => boolean): boolean {
  if (memo === undefined) return check(x);
  if (memo.has(x as string)) return true;
  if (!check(x)) return false;
  memo.add(x as string);
  return true;
}
const isAmount = (x: unknown): x is number =>
  Number.isSafeInteger(x) && (x as number) > 0 && (x as number) <= MAX_AMOUNT;

/**
 * One stored entry as the view holds it, or null when it does not parse (left out, never guessed).
 * Checked by hand rather than with valibot: a five-year book holds some 7,500 entries, and the schema
 * library took about 120 ms to read them on the way to the first paint of "Quỹ"; this takes a few.
 */
export function parseEntry(raw: unknown, memo?: CheckedStrings): Entry | null {
  if (!Array.isArray(raw)) return null;
  const [
    id,
    fundId,
    kind,
    amount,
    date,
    memberId,
    loanId,
    meetingId,
    toFundId,
    reverses,
    note,
    recordedBy,
    recordedAt,
  ] = raw as unknown[];
  const ok =
    isId(id) &&
    isText(fundId) &&
    ENTRY_KIND_SET.has(kind) &&
    isAmount(amount) &&
    checked(date, memo?.dates, isIsoDate) &&
    (memberId === null || checked(memberId, memo?.ids, isId)) &&
    (loanId === null || checked(loanId, memo?.ids, isId)) &&
    (meetingId === null || checked(meetingId, memo?.ids, isId)) &&
    (toFundId === null || isText(toFundId)) &&
    (reverses === null || isId(reverses)) &&
    isText(note) &&
    isText(recordedBy) &&
    isText(recordedAt);
  if (!ok) return null;
  return {
    id,
    fundId,
    kind,
    amount,
    date,
    memberId,
    loanId,
    meetingId,
    toFundId,
    reverses,
    note,
    recordedBy,
    recordedAt,
  } as Entry;
}

export function parseLoan(key: string, raw: unknown): Loan | null {
  if (!isId(key)) return null;
  const parsed = v.safeParse(LoanRecord, raw);
  return parsed.success ? ({ id: key, ...parsed.output } as Loan) : null;
}

export function compareLoans(a: Loan, b: Loan): number {
  return (
    compareText(a.startOn, b.startOn) || compareText(a.recordedAt, b.recordedAt) || compareText(a.id, b.id)
  );
}

/**
 * The entries in the array's order, the first of each id only (two tablets migrating the same minutes
 * append the same derived id twice; the array's order is the same on every tablet, so is the choice).
 */
export function readStoredEntries(doc: Y.Doc): Entry[] {
  const seen = new Set<string>();
  const memo: CheckedStrings = { ids: new Set(), dates: new Set() };
  const out: Entry[] = [];
  for (const raw of entriesArray(doc)) {
    const entry = parseEntry(raw, memo);
    if (entry === null || seen.has(entry.id)) continue;
    seen.add(entry.id);
    out.push(entry);
  }
  return out;
}

export function readEntries(doc: Y.Doc): Entry[] {
  return readStoredEntries(doc).sort(compareEntries);
}

export function readLoans(doc: Y.Doc): Loan[] {
  const out: Loan[] = [];
  for (const [key, raw] of loansMap(doc).entries()) {
    const loan = parseLoan(key, raw);
    if (loan !== null) out.push(loan);
  }
  return out.sort(compareLoans);
}

export function readWriteOffs(doc: Y.Doc): WriteOff[] {
  return readRecords(writeOffsMap(doc), WriteOffRecord)
    .map(([loanId, w]) => ({ loanId, ...w }) as WriteOff)
    .sort((a, b) => compareText(a.loanId, b.loanId));
}

export function readConfirmed(doc: Y.Doc): string[] {
  const map = confirmedMap(doc);
  return [...map.keys()].filter((k) => map.get(k) === true).sort();
}

/** Everything but the entries and loans: small, re-read whole when any of it changes. */
export function readMoneyHeader(doc: Y.Doc): Omit<MoneyView, 'entries' | 'loans'> {
  const clubId = moneyMeta(doc).get('clubId');
  return {
    clubId: isId(clubId) ? clubId : null,
    schemaVersion: readMoneySchemaVersion(doc) ?? 0,
    readOnly: isMoneyReadOnly(doc),
    rules: readRules(doc),
    funds: readFunds(doc),
    writeOffs: readWriteOffs(doc),
    confirmedDuplicates: readConfirmed(doc),
    authors: readAuthors(doc),
  };
}

function readAuthors(doc: Y.Doc): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, name] of authorsMap(doc).entries()) if (typeof name === 'string') out[id] = name;
  return out;
}

export function readMoney(doc: Y.Doc): MoneyView {
  return { ...readMoneyHeader(doc), entries: readEntries(doc), loans: readLoans(doc) };
}

/** One loan by id, without reading the others: what a command needs. */
export function readLoan(doc: Y.Doc, id: string): Loan | null {
  return parseLoan(id, loansMap(doc).get(id));
}

export function readEntry(doc: Y.Doc, id: string): Entry | null {
  return findEntries(doc, 'id', id)[0] ?? null;
}

/**
 * The entries whose stored `field` equals `value` (a loan's entries, the corrections of an entry, one
 * id), parsed alone: a command at a meeting must not parse a five-year book to record one payment.
 */
export function findEntries(doc: Y.Doc, field: 'id' | 'loanId' | 'reverses', value: string): Entry[] {
  const at = entryPosition(field);
  const seen = new Set<string>();
  const out: Entry[] = [];
  for (const raw of entriesArray(doc)) {
    if (!Array.isArray(raw) || raw[at] !== value) continue;
    const entry = parseEntry(raw);
    if (entry === null || seen.has(entry.id)) continue;
    seen.add(entry.id);
    out.push(entry);
  }
  return out.sort(compareEntries);
}
