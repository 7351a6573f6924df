import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MeetingId } from '../ids/ids';
import { followMoney } from './follow-money';
import { standingEntries } from './ledger';
import { createLoanStateCache, listLoanStates } from './loan-state';
import { fork, newBook } from './money-fixtures';
import { createMoneyIndex, type MoneyIndex } from './money-index';
import { duesPaidByMember } from './money-indicators';
import { apply, MEMBERS, op, TODAY } from './money-random-ops';
import type { Entry, MoneyView } from './money-types';
import { readMoney } from './read-money';

/** The groups as a full computation gives them, from the view alone. */
function groupsOf(index: MoneyIndex, view: MoneyView) {
  const ids = (list: readonly Entry[]) => list.map((e) => e.id);
  const meetings = [
    ...new Set(view.entries.map((e) => e.meetingId).filter((m): m is MeetingId => m !== null)),
  ];
  return {
    loans: view.loans.map((l) => ids(index.loanEntries(l.id))),
    members: MEMBERS.map((m) => ids(index.memberEntries(m))),
    meetings: meetings.map((m) => ids(index.meetingEntries(m))),
    dues: [...index.duesPaid].sort(([a], [b]) => (a < b ? -1 : 1)),
  };
}

describe('the money index', () => {
  it('followed batch by batch equals a full recompute, and so do the loan states read through it', () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 1, maxLength: 30 }),
        fc.array(op, { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }),
        (before, after, chunks) => {
          const start = newBook();
          const docs = [fork(start), fork(start), fork(start)];
          for (const [i, o] of before.entries()) apply(docs, o, i);
          // Tablet 0 follows its book while the others work on, then takes their updates in several batches
          // (a correction may arrive before the entry it reverses, an entry may sort before held ones).
          const follower = followMoney(docs[0] as Y.Doc, () => undefined);
          const index = createMoneyIndex(follower.view().entries);
          const cache = createLoanStateCache();
          const check = () => {
            const changes = follower.flush();
            const view = follower.view();
            index.update(view.entries, changes.entries);
            const full = readMoney(docs[0] as Y.Doc);
            const fresh = createMoneyIndex(full.entries);
            expect(groupsOf(index, full)).toEqual(groupsOf(fresh, full));
            expect(new Map(index.duesPaid)).toEqual(duesPaidByMember(standingEntries(full)));
            expect(listLoanStates(view, TODAY, cache, index)).toEqual(listLoanStates(full, TODAY));
          };
          for (const [i, o] of after.entries()) {
            apply(docs, o, before.length + i);
            if (i % (chunks[i % chunks.length] as number) === 0) {
              const from = docs[1 + (i % 2)] as Y.Doc;
              Y.applyUpdate(
                docs[0] as Y.Doc,
                Y.encodeStateAsUpdate(from, Y.encodeStateVector(docs[0] as Y.Doc)),
              );
              check();
            }
          }
          for (const from of [docs[1], docs[2]] as Y.Doc[])
            Y.applyUpdate(
              docs[0] as Y.Doc,
              Y.encodeStateAsUpdate(from, Y.encodeStateVector(docs[0] as Y.Doc)),
            );
          check();
          follower.stop();
        },
      ),
      { numRuns: 50 },
    );
  }, 60_000);
});
