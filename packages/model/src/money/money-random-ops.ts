import fc from 'fast-check';
import * as Y from 'yjs';
import type { MemberId } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { localOrigin } from '../origin/origin';
import { payOutLoan, recordRepayment } from './loan-commands';
import { type PlainEntryKind, recordEntry, reverseEntry } from './money-commands';
import { clockAt, HUNG, LAN, MAI } from './money-fixtures';
import type { FundId } from './money-types';
import { readMoney } from './read-money';

/**
 * Random work on three tablets' money books for the property tests (not exported from the package):
 * entries, loans, repayments, corrections and partial exchanges between the tablets, in any order.
 */

export const FUNDS = ['income', 'activity'] as FundId[];
export const MEMBERS = [LAN, HUNG, MAI] as MemberId[];
const KINDS: PlainEntryKind[] = ['founding', 'contribution', 'dues', 'donation', 'expense', 'transfer'];
const TABLETS: LocalOrigin[] = [0, 1, 2].map((i) => localOrigin({ id: `tablet-${i}`, name: `T${i}` }));
export const TODAY = '2026-12-31';

const day = fc
  .integer({ min: 1, max: 28 })
  .chain((d) =>
    fc
      .integer({ min: 1, max: 12 })
      .map((m) => `2026-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  );
const amount = fc.integer({ min: 1, max: 50 }).map((n) => n * 100_000);
export const tablet = fc.integer({ min: 0, max: 2 });

export type Op =
  | {
      type: 'entry';
      tablet: number;
      kind: PlainEntryKind;
      fund: number;
      member: number;
      amount: number;
      date: string;
    }
  | {
      type: 'loan';
      tablet: number;
      member: number;
      amount: number;
      date: string;
      flat: boolean;
      term: number;
    }
  | { type: 'repay'; tablet: number; pick: number; principal: number; interest: number; date: string }
  | { type: 'reverse'; tablet: number; pick: number; date: string }
  | { type: 'sync'; from: number; to: number };

export const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    type: fc.constant('entry' as const),
    tablet,
    kind: fc.constantFrom(...KINDS),
    fund: fc.integer({ min: 0, max: 1 }),
    member: fc.integer({ min: 0, max: 2 }),
    amount,
    date: day,
  }),
  fc.record({
    type: fc.constant('loan' as const),
    tablet,
    member: fc.integer({ min: 0, max: 2 }),
    amount,
    date: day,
    flat: fc.boolean(),
    term: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({
    type: fc.constant('repay' as const),
    tablet,
    pick: fc.nat(),
    principal: fc.integer({ min: 0, max: 10 }).map((n) => n * 50_000),
    interest: fc.integer({ min: 0, max: 5 }).map((n) => n * 10_000),
    date: day,
  }),
  fc.record({ type: fc.constant('reverse' as const), tablet, pick: fc.nat(), date: day }),
  fc.record({ type: fc.constant('sync' as const), from: tablet, to: tablet }),
);

export function apply(docs: Y.Doc[], o: Op, tick: number): void {
  if (o.type === 'sync') {
    const [from, to] = [docs[o.from], docs[o.to]] as [Y.Doc, Y.Doc];
    if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
    return;
  }
  const doc = docs[o.tablet] as Y.Doc;
  const origin = TABLETS[o.tablet] as LocalOrigin;
  const clock = clockAt(o.date, tick);
  const member = MEMBERS[('member' in o ? o.member : 0) % 3] as MemberId;
  if (o.type === 'entry') {
    const fundId = FUNDS[o.fund] as FundId;
    const toFundId = FUNDS[1 - o.fund] as FundId;
    recordEntry(
      doc,
      { fundId, kind: o.kind, amount: o.amount, date: o.date, memberId: member, toFundId },
      origin,
      clock,
    );
  } else if (o.type === 'loan') {
    const method = o.flat ? 'flat' : 'declining';
    payOutLoan(
      doc,
      {
        memberId: member,
        amount: Math.min(o.amount, 10_000_000),
        method,
        termMonths: o.term,
        startOn: o.date,
        purpose: '',
        meetingId: null,
      },
      origin,
      clock,
    );
  } else if (o.type === 'repay') {
    const loans = readMoney(doc).loans;
    const loan = loans[o.pick % Math.max(1, loans.length)];
    if (loan !== undefined && loan.startOn <= o.date)
      recordRepayment(
        doc,
        { loanId: loan.id, principal: o.principal, interest: o.interest, date: o.date },
        origin,
        clock,
      );
  } else {
    const entries = readMoney(doc).entries;
    const target = entries[o.pick % Math.max(1, entries.length)];
    if (target !== undefined && target.date <= o.date)
      reverseEntry(doc, { entryId: target.id, date: o.date, note: '' }, origin, clock);
  }
}
