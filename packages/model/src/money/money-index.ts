import type { MeetingId, MemberId } from '../ids/ids';
import type { ListAdditions } from './follow-money';
import { resolveCorrections } from './ledger';
import type { Entry, LoanId } from './money-types';
import { compareEntries } from './read-money';

/**
 * The standing entries (neither a correction nor reversed by one) grouped by loan, by member and by
 * meeting, and each member's dues paid: what the meeting-day screen reads at every tap, so that a tap
 * costs the work of the member it touched instead of a scan of the whole book (some 7,600 entries after
 * five busy years). Kept up to date from the follower's additions. Exact by construction: a batch that
 * could change which entries stand (a correction, an entry a correction already names, a rebuilt list)
 * reads the whole book again, the same as a full computation; any other batch only adds standing entries.
 * A group's array is replaced, never changed, when it changes, so "same array" means "same entries".
 */
export interface MoneyIndex {
  loanEntries(loanId: LoanId): readonly Entry[];
  memberEntries(memberId: MemberId): readonly Entry[];
  meetingEntries(meetingId: MeetingId): readonly Entry[];
  /** Dues paid by each member, over the standing entries (`duesPaidByMember` of them). */
  readonly duesPaid: ReadonlyMap<MemberId, number>;
  /** Folds one flush of the follower in; `entries` is the whole list after it, in canonical order. */
  update(entries: readonly Entry[], changes: ListAdditions<Entry>): void;
}

const NONE: readonly Entry[] = Object.freeze([]);

function insertionIndex(list: readonly Entry[], entry: Entry): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareEntries(list[mid] as Entry, entry) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

class Groups<K> {
  readonly lists = new Map<K, readonly Entry[]>();

  /** During a build: entries arrive in canonical order, so they are appended in place. */
  push(key: K, entry: Entry): void {
    const list = this.lists.get(key);
    if (list === undefined) this.lists.set(key, [entry]);
    else (list as Entry[]).push(entry);
  }

  /** After a build: a new array with the entry in its place, so holders of the old one see a change. */
  insert(key: K, entry: Entry): void {
    const next = (this.lists.get(key) ?? NONE).slice();
    next.splice(insertionIndex(next, entry), 0, entry);
    this.lists.set(key, next);
  }

  get(key: K): readonly Entry[] {
    return this.lists.get(key) ?? NONE;
  }
}

export function createMoneyIndex(entries: readonly Entry[]): MoneyIndex {
  let byLoan = new Groups<LoanId>();
  let byMember = new Groups<MemberId>();
  let byMeeting = new Groups<MeetingId>();
  let duesPaid = new Map<MemberId, number>();
  // Every id a correction names, standing or idle: an entry arriving under one of them changes what stands.
  let named = new Set<string>();

  const addStanding = (entry: Entry, place: 'push' | 'insert'): void => {
    if (entry.loanId !== null) byLoan[place](entry.loanId, entry);
    if (entry.memberId !== null) byMember[place](entry.memberId, entry);
    if (entry.meetingId !== null) byMeeting[place](entry.meetingId, entry);
    if (entry.kind === 'dues' && entry.memberId !== null)
      duesPaid.set(entry.memberId, (duesPaid.get(entry.memberId) ?? 0) + entry.amount);
  };

  const build = (all: readonly Entry[]): void => {
    byLoan = new Groups();
    byMember = new Groups();
    byMeeting = new Groups();
    duesPaid = new Map();
    named = new Set();
    const { reversedBy } = resolveCorrections(all);
    for (const entry of all) {
      if (entry.kind === 'correction') {
        if (entry.reverses !== null) named.add(entry.reverses);
      } else if (!reversedBy.has(entry.id)) addStanding(entry, 'push');
    }
  };

  build(entries);
  return {
    loanEntries: (loanId) => byLoan.get(loanId),
    memberEntries: (memberId) => byMember.get(memberId),
    meetingEntries: (meetingId) => byMeeting.get(meetingId),
    get duesPaid() {
      return duesPaid;
    },
    update(all, changes) {
      const standsAlone = (e: Entry) => e.kind !== 'correction' && !named.has(e.id);
      if (changes.rebuilt !== null || !changes.added.every(standsAlone)) build(all);
      else for (const entry of changes.added) addStanding(entry, 'insert');
    },
  };
}
