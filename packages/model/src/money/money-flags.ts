import { changeIn, fundsOf, resolveCorrections } from './ledger';
import type { Entry, EntryId, FundId, MoneyView } from './money-types';

/**
 * What the treasurer must look at. Nothing here changes the books: the model never merges or drops
 * an entry on its own, it points at it and the treasurer reverses (or confirms) by a command.
 */

export interface PossibleDuplicate {
  /** Pass to `confirmDuplicate` when both are real. Changes when another equal entry arrives. */
  readonly key: string;
  /** Two or more standing entries with the same kind, fund, member, loan, amount and day; canonical order. */
  readonly entries: readonly Entry[];
}

function sameness(e: Entry): string {
  return `${e.kind}|${e.fundId}|${e.toFundId ?? ''}|${e.memberId ?? ''}|${e.loanId ?? ''}|${e.amount}|${e.date}`;
}

/**
 * The same payment entered on two tablets (same member, loan, amount and day) is kept twice and
 * listed here until one is reversed or the treasurer confirms both. Entries without a member (an
 * expense, a donation from outside) are left out: two equal expenses on a day are ordinary.
 */
export function listDuplicateEntries(
  view: Pick<MoneyView, 'entries' | 'confirmedDuplicates'>,
): PossibleDuplicate[] {
  const { reversedBy } = resolveCorrections(view.entries);
  const groups = new Map<string, Entry[]>();
  for (const entry of view.entries) {
    if (entry.kind === 'correction' || entry.memberId === null || reversedBy.has(entry.id)) continue;
    const key = sameness(entry);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [entry]);
    else group.push(entry);
  }
  const confirmed = new Set(view.confirmedDuplicates);
  return [...groups.values()]
    .filter((entries) => entries.length > 1)
    .map((entries) => ({
      key: entries
        .map((e) => e.id)
        .sort()
        .join(','),
      entries,
    }))
    .filter((d) => !confirmed.has(d.key));
}

export interface NegativeBalance {
  readonly fundId: FundId;
  /** The entry after which the fund's balance was below zero. */
  readonly entryId: EntryId;
  readonly balanceAfter: number;
}

/**
 * Payments that took a fund below zero, in canonical order: allowed (the cash was paid, perhaps a
 * receipt was not yet entered) and flagged. A later receipt dated earlier can clear the flag.
 */
export function listNegativeBalances(view: Pick<MoneyView, 'entries'>): NegativeBalance[] {
  const balances = new Map<FundId, number>();
  const out: NegativeBalance[] = [];
  const corrections = resolveCorrections(view.entries);
  for (const entry of view.entries) {
    for (const fundId of fundsOf(entry, corrections)) {
      const delta = changeIn(entry, fundId, corrections);
      const after = (balances.get(fundId) ?? 0) + delta;
      balances.set(fundId, after);
      if (delta < 0 && after < 0) out.push({ fundId, entryId: entry.id, balanceAfter: after });
    }
  }
  return out;
}

/** Corrections with no effect (a second reversal of one entry, made on two tablets offline). */
export function listIdleCorrections(view: Pick<MoneyView, 'entries'>): EntryId[] {
  return [...resolveCorrections(view.entries).idle];
}

/**
 * Repayments that name no loan (moved from old minutes, which did not say which loan): counted in the
 * fund's cash but not against any loan until the treasurer reverses each and records it on its loan.
 */
export function listUnlinkedRepayments(view: Pick<MoneyView, 'entries'>): Entry[] {
  const { reversedBy } = resolveCorrections(view.entries);
  return view.entries.filter(
    (e) =>
      (e.kind === 'principalRepaid' || e.kind === 'interestPaid') &&
      e.loanId === null &&
      !reversedBy.has(e.id),
  );
}
