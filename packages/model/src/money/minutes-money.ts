import type * as Y from 'yjs';
import { type IsoDate, type MeetingId, ok, type Result } from '../ids/ids';
import type { MinutesView, MoneyKind } from '../minutes/minutes-types';
import type { LocalOrigin } from '../origin/origin';
import { derivedId } from './derived-id';
import { resolveCorrections } from './ledger';
import { appendEntry, type MoneyError, runMoneyCommand } from './money-layout';
import {
  type Entry,
  type EntryId,
  type EntryKind,
  type FundId,
  type MoneyView,
  OUTGOING_KINDS,
} from './money-types';
import { readFunds, readStoredEntries } from './read-money';

/**
 * The minutes' "money received" now reads the money book: the entries recorded at that meeting. The
 * lists older minutes kept themselves are moved once into the book by `migrateMinutesMoney`.
 */

export interface MeetingMoney {
  /** Entries recorded at the meeting, corrections included, in canonical order. */
  readonly entries: readonly Entry[];
  /** Entries cancelled by a correction (shown struck through). */
  readonly reversed: ReadonlySet<EntryId>;
  /** Net received at the meeting (corrections applied), whole đồng. */
  readonly received: number;
  /** Net paid out at the meeting. */
  readonly paid: number;
}

/**
 * `approvedAt`: the moment the meeting's minutes were approved, for printing them as approved: what was
 * recorded after it (a correction made later, an entry from a tablet that had not heard of the approval)
 * is left out, so the approved minutes keep the money they were signed with.
 */
export function getMeetingMoney(
  view: Pick<MoneyView, 'entries'>,
  meetingId: MeetingId,
  approvedAt: string | null = null,
): MeetingMoney {
  const book = approvedAt === null ? view.entries : view.entries.filter((e) => e.recordedAt <= approvedAt);
  const { reversedBy } = resolveCorrections(book);
  const entries = book.filter((e) => e.meetingId === meetingId);
  let received = 0;
  let paid = 0;
  for (const e of entries) {
    if (e.kind === 'correction' || e.kind === 'transfer' || reversedBy.has(e.id)) continue;
    if (e.meetingId !== meetingId) continue;
    if (OUTGOING_KINDS.includes(e.kind)) paid += e.amount;
    else received += e.amount;
  }
  const reversed = new Set(entries.filter((e) => reversedBy.has(e.id)).map((e) => e.id));
  return { entries, reversed, received, paid };
}

/** How the minutes' three kinds land in the book. A repayment there named no loan: see listUnlinkedRepayments. */
const KIND_OF: Readonly<Record<MoneyKind, { kind: EntryKind; fund: 'activity' | 'income' }>> = {
  contribution: { kind: 'contribution', fund: 'activity' },
  repayment: { kind: 'principalRepaid', fund: 'income' },
  other: { kind: 'donation', fund: 'activity' },
};

/** The entry id of a minutes money line: the same on every tablet. */
export function migratedEntryId(meetingId: string, itemId: string): EntryId {
  return derivedId(`minutes-money/${meetingId}/${itemId}`) as EntryId;
}

/**
 * Moves a minutes doc's money lines into the money book, once: each becomes an entry whose id is
 * derived from the meeting and the line, with every field derived from the minutes too (recordedBy
 * `minutes`, recordedAt the meeting day), so two tablets migrating the same minutes append the same
 * entry and readers keep one. A line already moved is skipped, so a line the
 * treasurer reversed since is not brought back. Lines of 0 đ (allowed in minutes) are not money and
 * are skipped. Returns the ids written now.
 */
export function migrateMinutesMoney(
  doc: Y.Doc,
  minutes: Pick<MinutesView, 'meetingId' | 'header' | 'money'>,
  origin: LocalOrigin,
  fallbackDate: IsoDate,
): Result<readonly EntryId[], MoneyError> {
  return runMoneyCommand(doc, origin, () => {
    const meetingId = minutes.meetingId;
    if (meetingId === null) return ok([]);
    const funds = readFunds(doc).map((f) => f.id as string);
    const date = minutes.header.date ?? fallbackDate;
    const held = new Set(readStoredEntries(doc).map((e) => e.id as string));
    const written: EntryId[] = [];
    for (const line of minutes.money) {
      if (!Number.isSafeInteger(line.amount) || line.amount <= 0) continue;
      const id = migratedEntryId(meetingId, line.id);
      if (held.has(id)) continue;
      const { kind, fund } = KIND_OF[line.kind];
      const fundId = (funds.includes(fund) ? fund : (funds[0] ?? fund)) as FundId;
      appendEntry(doc, {
        id,
        fundId,
        kind,
        amount: line.amount,
        date,
        memberId: line.memberId,
        loanId: null,
        meetingId,
        toFundId: null,
        reverses: null,
        note: line.note,
        recordedBy: 'minutes',
        recordedAt: `${date}T00:00:00.000Z`,
      });
      written.push(id);
    }
    return ok(written);
  });
}
