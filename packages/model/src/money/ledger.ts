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
  /** Correction → the entry it cancels, for corrections that take effect. */
  readonly cancels: ReadonlyMap<EntryId, Entry>;
  /**
   * Corrections with no effect: a second reversal of the same entry (two tablets reversed it offline),
   * or one pointing at an entry this tablet does not hold or at another correction.
   */
  readonly idle: readonly EntryId[];
}

export function resolveCorrections(entries: readonly Entry[]): Corrections {
  const targets = new Set<string>();
  for (const entry of entries)
    if (entry.kind === 'correction' && entry.reverses !== null) targets.add(entry.reverses);
  const byId = new Map<string, Entry>();
  if (targets.size > 0) for (const entry of entries) if (targets.has(entry.id)) byId.set(entry.id, entry);
  const reversedBy = new Map<EntryId, EntryId>();
  const cancels = new Map<EntryId, Entry>();
  const idle: EntryId[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'correction') continue;
    const target = entry.reverses === null ? undefined : byId.get(entry.reverses);
    if (target === undefined || target.kind === 'correction' || reversedBy.has(target.id))
      idle.push(entry.id);
    else {
      reversedBy.set(target.id, entry.id);
      cancels.set(entry.id, target);
    }
  }
  return { reversedBy, cancels, idle };
}

const INCOME: ReadonlySet<EntryKind> = new Set(INCOME_KINDS);
const OUTGOING: ReadonlySet<EntryKind> = new Set(OUTGOING_KINDS);

/** What an entry that is not a correction does to `fundId`: + into it, − out of it, 0 elsewhere. */
function plainChangeIn(entry: Entry, fundId: FundId): number {
  if (entry.kind === 'transfer')
    return entry.toFundId === null
      ? 0
      : (entry.fundId === fundId ? -entry.amount : 0) + (entry.toFundId === fundId ? entry.amount : 0);
  if (entry.fundId !== fundId) return 0;
  return INCOME.has(entry.kind) ? entry.amount : OUTGOING.has(entry.kind) ? -entry.amount : 0;
}

/** What any entry does to `fundId`; a correction exactly undoes the entry it cancels (nothing if idle). */
export function changeIn(entry: Entry, fundId: FundId, corrections: Corrections): number {
  if (entry.kind !== 'correction') return plainChangeIn(entry, fundId);
  const target = corrections.cancels.get(entry.id);
  return target === undefined ? 0 : -plainChangeIn(target, fundId);
}

/** The funds an entry touches (a correction: those of the entry it cancels). */
export function fundsOf(entry: Entry, corrections: Corrections): FundId[] {
  const source = entry.kind === 'correction' ? corrections.cancels.get(entry.id) : entry;
  if (source === undefined) return [];
  return source.kind === 'transfer' && source.toFundId !== null
    ? [source.fundId, source.toFundId]
    : [source.fundId];
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
  let balance = 0;
  let opening = 0;
  const lines: CashBookLine[] = [];
  for (const entry of view.entries) {
    if (!fundsOf(entry, corrections).includes(fundId) && entry.fundId !== fundId && entry.toFundId !== fundId)
      continue;
    const change = changeIn(entry, fundId, corrections);
    balance += change;
    if (filter.from !== undefined && entry.date < filter.from) {
      opening = balance;
      continue;
    }
    if (filter.to !== undefined && entry.date > filter.to) continue;
    if (filter.kinds !== undefined && !filter.kinds.includes(entry.kind)) continue;
    lines.push({ entry, change, balance, reversed: corrections.reversedBy.has(entry.id) });
  }
  if (!Number.isSafeInteger(balance)) throw new Error('money total beyond the safe-integer range');
  const closing = lines.at(-1)?.balance ?? opening;
  return { fundId, opening, lines, closing };
}

/** Cash balance of every fund id that appears in the entries or in `fundIds`, in one pass. */
export function cashBalances(
  view: Pick<MoneyView, 'entries'>,
  fundIds: readonly FundId[] = [],
): Map<FundId, number> {
  const balances = new Map<FundId, number>(fundIds.map((id) => [id, 0]));
  const corrections = resolveCorrections(view.entries);
  for (const entry of view.entries)
    for (const fund of fundsOf(entry, corrections))
      balances.set(fund, (balances.get(fund) ?? 0) + changeIn(entry, fund, corrections));
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
