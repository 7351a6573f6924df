import type { IsoDate } from '../ids/ids';
import { sum } from './money-math';
import {
  type Entry,
  type EntryId,
  type EntryKind,
  type FundId,
  INCOME_KINDS,
  type MoneyView,
  OUTGOING_KINDS,
} from './money-types';

/**
 * The books as the entries say, whatever order they arrived in: every function here reads the view's
 * entries in their canonical order (date, recordedAt, id), so every tablet gets the same numbers.
 */

export interface Corrections {
  /** Entry → the correction that cancels it (the first in canonical order). */
  readonly reversedBy: ReadonlyMap<EntryId, EntryId>;
  /**
   * Corrections with no effect: a second reversal of the same entry (two tablets reversed it offline),
   * or one pointing at an entry this tablet does not hold or at another correction.
   */
  readonly idle: readonly EntryId[];
}

export function resolveCorrections(entries: readonly Entry[]): Corrections {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const reversedBy = new Map<EntryId, EntryId>();
  const idle: EntryId[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'correction') continue;
    const target = entry.reverses === null ? undefined : byId.get(entry.reverses);
    if (target === undefined || target.kind === 'correction' || reversedBy.has(target.id))
      idle.push(entry.id);
    else reversedBy.set(target.id, entry.id);
  }
  return { reversedBy, idle };
}

/** What an entry (not a correction) does to each fund: + into, − out of. */
export function entryDeltas(entry: Entry): [FundId, number][] {
  if (entry.kind === 'transfer')
    return entry.toFundId === null
      ? []
      : [
          [entry.fundId, -entry.amount],
          [entry.toFundId, entry.amount],
        ];
  if (INCOME_KINDS.includes(entry.kind)) return [[entry.fundId, entry.amount]];
  if (OUTGOING_KINDS.includes(entry.kind)) return [[entry.fundId, -entry.amount]];
  return [];
}

/** Every entry's effect, a correction's being the exact opposite of the entry it cancels (none if idle). */
export function effectsOf(
  entries: readonly Entry[],
  corrections = resolveCorrections(entries),
): Map<EntryId, [FundId, number][]> {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const effects = new Map<EntryId, [FundId, number][]>();
  const cancels = new Map([...corrections.reversedBy].map(([target, correction]) => [correction, target]));
  for (const entry of entries) {
    if (entry.kind !== 'correction') effects.set(entry.id, entryDeltas(entry));
    else {
      const target = byId.get(cancels.get(entry.id) ?? ('' as EntryId));
      effects.set(entry.id, target === undefined ? [] : entryDeltas(target).map(([f, d]) => [f, -d]));
    }
  }
  return effects;
}

/** Entries that stand: not corrections, not cancelled by one. What loans, dues and indicators count. */
export function standingEntries(
  view: Pick<MoneyView, 'entries'>,
  corrections = resolveCorrections(view.entries),
): Entry[] {
  return view.entries.filter((e) => e.kind !== 'correction' && !corrections.reversedBy.has(e.id));
}

export interface CashBookLine {
  readonly entry: Entry;
  /** + received into this fund, − paid out of it; 0 for an idle correction. */
  readonly change: number;
  /** The fund's balance after this line. */
  readonly balance: number;
  /** This line was cancelled by a later correction (the line stays in the book, struck through). */
  readonly reversed: boolean;
}

export interface CashBook {
  readonly fundId: FundId;
  /** The balance before the first line shown. */
  readonly opening: number;
  readonly lines: readonly CashBookLine[];
  readonly closing: number;
}

export interface CashBookFilter {
  /** Inclusive bounds on the entry date. */
  readonly from?: IsoDate;
  readonly to?: IsoDate;
  readonly kinds?: readonly EntryKind[];
}

/** The cash book (sổ quỹ) of one fund: every line touching it with the running balance, in canonical order. */
export function getCashBook(
  view: Pick<MoneyView, 'entries'>,
  fundId: FundId,
  filter: CashBookFilter = {},
): CashBook {
  const corrections = resolveCorrections(view.entries);
  const effects = effectsOf(view.entries, corrections);
  let balance = 0;
  let opening = 0;
  const lines: CashBookLine[] = [];
  for (const entry of view.entries) {
    const change = sum((effects.get(entry.id) ?? []).filter(([f]) => f === fundId).map(([, d]) => d));
    const touches = entry.fundId === fundId || entry.toFundId === fundId;
    if (!touches) continue;
    balance += change;
    if (filter.from !== undefined && entry.date < filter.from) {
      opening = balance;
      continue;
    }
    if (filter.to !== undefined && entry.date > filter.to) continue;
    if (filter.kinds !== undefined && !filter.kinds.includes(entry.kind)) continue;
    lines.push({ entry, change, balance, reversed: corrections.reversedBy.has(entry.id) });
  }
  const closing = lines.at(-1)?.balance ?? opening;
  return { fundId, opening, lines, closing };
}

/**
 * Cash balance of every fund id that appears in the entries or in `fundIds`. One pass without building
 * each entry's effects: it runs on every open of "Quỹ" over the whole book.
 */
export function cashBalances(
  view: Pick<MoneyView, 'entries'>,
  fundIds: readonly FundId[] = [],
): Map<FundId, number> {
  const balances = new Map<FundId, number>(fundIds.map((id) => [id, 0]));
  const { reversedBy } = resolveCorrections(view.entries);
  const byId = new Map(view.entries.map((e) => [e.id, e]));
  const add = (entry: Entry, sign: 1 | -1) => {
    for (const [fund, delta] of entryDeltas(entry))
      balances.set(fund, (balances.get(fund) ?? 0) + sign * delta);
  };
  for (const entry of view.entries) {
    if (entry.kind !== 'correction') add(entry, 1);
    else if (entry.reverses !== null && reversedBy.get(entry.reverses) === entry.id) {
      const target = byId.get(entry.reverses);
      if (target !== undefined) add(target, -1);
    }
  }
  for (const total of balances.values())
    if (!Number.isSafeInteger(total)) throw new Error('money total beyond the safe-integer range');
  return balances;
}

/** Principal repaid on a loan, less repayments a correction cancelled (from the loan's own entries). */
export function principalPaidOn(loanEntries: readonly Entry[]): number {
  const cancelled = new Set(loanEntries.filter((e) => e.kind === 'correction').map((e) => e.reverses));
  return sum(
    loanEntries.filter((e) => e.kind === 'principalRepaid' && !cancelled.has(e.id)).map((e) => e.amount),
  );
}
