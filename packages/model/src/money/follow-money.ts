import type * as Y from 'yjs';
import {
  authorsMap,
  confirmedMap,
  entriesArray,
  fundsMap,
  loansMap,
  moneyMeta,
  rulesMap,
  writeOffsMap,
} from './money-layout';
import type { Entry, Loan, MoneyView } from './money-types';
import {
  compareEntries,
  compareLoans,
  parseEntry,
  parseLoan,
  readEntries,
  readLoans,
  readMoneyHeader,
} from './read-money';

/**
 * Follows a money doc without re-reading it: five years of a busy club hold some 7,500 entries, and a
 * repayment tapped at a meeting adds two. Entries and loans are written once, so each transaction's
 * new entries (appended tuples) and loans (new keys) are parsed alone and slotted into the canonical
 * order; the small rest (rules, funds, write-offs, confirmations) is re-read when it changes. An id
 * that arrives twice (two tablets migrating the same minutes), a loan key rewritten, or anything
 * removed rebuilds that list from the doc, which is then as `readMoney` gives it.
 */

export interface ListAdditions<T> {
  /** New records, in canonical order. */
  readonly added: readonly T[];
  /** True when every added record sorts after the ones already held: the list only grew at its end. */
  readonly atEnd: boolean;
  /** The whole list in canonical order when it was rebuilt (a record replaced or removed), else null. */
  readonly rebuilt: readonly T[] | null;
}

export interface MoneyChanges {
  /** The re-read header (rules, funds, write-offs, …) when any of it changed, else null. */
  readonly header: Omit<MoneyView, 'entries' | 'loans'> | null;
  readonly entries: ListAdditions<Entry>;
  readonly loans: ListAdditions<Loan>;
}

export interface MoneyFollower {
  /** The current view; the same arrays the follower keeps, so copy before handing them to a store. */
  view(): MoneyView;
  /** What changed since the last flush (or since the follower was made), and folds it into `view()`. */
  flush(): MoneyChanges;
  stop(): void;
}

function insertionIndex<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(list[mid] as T, item) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A list kept in canonical order: additions parsed and slotted in, anything odd read again whole. */
class SortedRecords<T extends { readonly id: string }> {
  list: T[];
  readonly ids: Set<string>;
  /** Records added since the last flush, unparsed. */
  readonly pending: unknown[] = [];
  rebuild = false;

  constructor(
    private readonly parse: (raw: unknown) => T | null,
    private readonly readAll: () => T[],
    private readonly compare: (a: T, b: T) => number,
  ) {
    this.list = readAll();
    this.ids = new Set(this.list.map((r) => r.id));
  }

  flush(): ListAdditions<T> {
    const raws = this.pending.splice(0);
    const parsed = raws.map(this.parse).filter((r): r is T => r !== null);
    const fresh = new Set(parsed.map((r) => r.id));
    if (this.rebuild || fresh.size < parsed.length || parsed.some((r) => this.ids.has(r.id))) {
      this.rebuild = false;
      const before = new Set(this.ids);
      this.list = this.readAll();
      this.ids.clear();
      for (const r of this.list) this.ids.add(r.id);
      return { added: this.list.filter((r) => !before.has(r.id)), atEnd: false, rebuilt: this.list };
    }
    const added = parsed.sort(this.compare);
    const last = this.list.at(-1);
    const atEnd = last === undefined || added.every((r) => this.compare(last, r) < 0);
    if (atEnd) this.list.push(...added);
    else for (const r of added) this.list.splice(insertionIndex(this.list, r, this.compare), 0, r);
    for (const r of added) this.ids.add(r.id);
    return { added, atEnd, rebuilt: null };
  }
}

export function followMoney(doc: Y.Doc, onChange: () => void): MoneyFollower {
  let header = readMoneyHeader(doc);
  let headerChanged = false;
  const entries = new SortedRecords(parseEntry, () => readEntries(doc), compareEntries);
  const loans = new SortedRecords(
    (raw) => {
      const [key, value] = raw as [string, unknown];
      return parseLoan(key, value);
    },
    () => readLoans(doc),
    compareLoans,
  );

  const onEntries = (event: Y.YArrayEvent<unknown>): void => {
    // The delta is only valid inside the observer.
    for (const change of event.changes.delta) {
      if (change.insert !== undefined) entries.pending.push(...(change.insert as unknown[]));
      if (change.delete !== undefined) entries.rebuild = true;
    }
    onChange();
  };
  const onLoans = (event: Y.YMapEvent<unknown>): void => {
    for (const key of event.keysChanged) {
      const map = loansMap(doc);
      if (!map.has(key) || loans.ids.has(key)) loans.rebuild = true;
      else loans.pending.push([key, map.get(key)]);
    }
    onChange();
  };
  const onHeader = (): void => {
    headerChanged = true;
    onChange();
  };
  const small = [
    moneyMeta(doc),
    rulesMap(doc),
    fundsMap(doc),
    writeOffsMap(doc),
    confirmedMap(doc),
    authorsMap(doc),
  ];
  entriesArray(doc).observe(onEntries);
  loansMap(doc).observe(onLoans);
  for (const map of small) map.observe(onHeader);

  return {
    view: () => ({ ...header, entries: entries.list, loans: loans.list }),
    flush() {
      const changedHeader = headerChanged ? readMoneyHeader(doc) : null;
      headerChanged = false;
      if (changedHeader !== null) header = changedHeader;
      return { header: changedHeader, entries: entries.flush(), loans: loans.flush() };
    },
    stop() {
      entriesArray(doc).unobserve(onEntries);
      loansMap(doc).unobserve(onLoans);
      for (const map of small) map.unobserve(onHeader);
    },
  };
}
