import type { Entry, Instant, LoanId, MoneyView, WriteOff } from './money-types';

/**
 * A loan's history (issue 12 §5): who recorded what on it and when, newest first, from its entries (the
 * payout, each repayment, each correction, with the entry a correction cancels) and the committee's
 * write-off. `by` is the author's id; `name` the name the book last recorded for it, or null for an
 * author it never named (an entry written before the book kept names, or moved from old minutes).
 */
export type LoanEvent =
  | {
      readonly type: 'entry';
      readonly entry: Entry;
      /** For a correction: the entry it cancels. */
      readonly cancels: Entry | null;
      readonly by: string;
      readonly name: string | null;
      readonly at: Instant;
    }
  | {
      readonly type: 'writeOff';
      readonly writeOff: WriteOff;
      readonly by: string;
      readonly name: string | null;
      /** The decision's day (a write-off keeps no instant). */
      readonly at: string;
    };

export function listLoanHistory(
  view: Pick<MoneyView, 'entries' | 'writeOffs' | 'authors'>,
  loanId: LoanId,
): LoanEvent[] {
  const nameOf = (id: string) => view.authors?.[id] ?? null;
  const mine = view.entries.filter((e) => e.loanId === loanId);
  const byId = new Map(mine.map((e) => [e.id as string, e]));
  const events: LoanEvent[] = mine.map((entry) => ({
    type: 'entry',
    entry,
    cancels: entry.reverses === null ? null : (byId.get(entry.reverses) ?? null),
    by: entry.recordedBy,
    name: nameOf(entry.recordedBy),
    at: entry.recordedAt,
  }));
  for (const writeOff of view.writeOffs)
    if (writeOff.loanId === loanId)
      events.push({
        type: 'writeOff',
        writeOff,
        by: writeOff.recordedBy,
        name: nameOf(writeOff.recordedBy),
        at: writeOff.on,
      });
  // Newest first; ties (one repayment's parts) in the book's own order, reversed.
  return events
    .map((event, order) => ({ event, order }))
    .sort((a, b) => (a.event.at < b.event.at ? 1 : a.event.at > b.event.at ? -1 : b.order - a.order))
    .map(({ event }) => event);
}
