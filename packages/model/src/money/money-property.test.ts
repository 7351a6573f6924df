import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MemberId } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { localOrigin } from '../origin/origin';
import { getCashBook } from './ledger';
import { payOutLoan, recordRepayment } from './loan-commands';
import { listLoanStates } from './loan-state';
import { type PlainEntryKind, recordEntry, reverseEntry } from './money-commands';
import { clockAt, fork, HUNG, LAN, MAI, newBook } from './money-fixtures';
import { listDuplicateEntries, listNegativeBalances } from './money-flags';
import { getMoneyIndicators } from './money-indicators';
import type { FundId, MoneyView } from './money-types';
import { readMoney } from './read-money';

const FUNDS = ['income', 'activity'] as FundId[];
const MEMBERS = [LAN, HUNG, MAI] as MemberId[];
const KINDS: PlainEntryKind[] = ['founding', 'contribution', 'dues', 'donation', 'expense', 'transfer'];
const TABLETS: LocalOrigin[] = [0, 1, 2].map((i) => localOrigin({ id: `tablet-${i}`, name: `T${i}` }));
const TODAY = '2026-12-31';

const day = fc
  .integer({ min: 1, max: 28 })
  .chain((d) =>
    fc
      .integer({ min: 1, max: 12 })
      .map((m) => `2026-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  );
const amount = fc.integer({ min: 1, max: 50 }).map((n) => n * 100_000);
const tablet = fc.integer({ min: 0, max: 2 });

type Op =
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

const op: fc.Arbitrary<Op> = fc.oneof(
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

function apply(docs: Y.Doc[], o: Op, tick: number): void {
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

/** Everything a screen shows, computed on one tablet. */
function figures(view: MoneyView) {
  const members = MEMBERS.map((id) => ({ id, joinedOn: '2025-01-01' }));
  return {
    indicators: getMoneyIndicators(view, members, TODAY),
    books: FUNDS.map((f) => getCashBook(view, f)),
    loans: listLoanStates(view, TODAY),
    duplicates: listDuplicateEntries(view),
    negative: listNegativeBalances(view),
  };
}

/** An independent reference: each standing entry's effect summed by fund, ignoring order altogether. */
function referenceCash(view: MoneyView): Record<string, number> {
  const reversed = new Set(view.entries.filter((e) => e.kind === 'correction').map((e) => e.reverses));
  const cash: Record<string, number> = { income: 0, activity: 0 };
  for (const e of view.entries) {
    if (e.kind === 'correction' || reversed.has(e.id)) continue;
    const sign = ['loanPayout', 'expense', 'transfer'].includes(e.kind) ? -1 : 1;
    cash[e.fundId] = (cash[e.fundId] ?? 0) + sign * e.amount;
    if (e.kind === 'transfer' && e.toFundId !== null) cash[e.toFundId] = (cash[e.toFundId] ?? 0) + e.amount;
  }
  return cash;
}

describe('money balances (property)', () => {
  it('give three tablets the same exact figures whatever order the entries reached them in', () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(tablet, tablet), { maxLength: 12 }),
        (ops, finalOrder) => {
          const start = newBook();
          const docs = [fork(start), fork(start), fork(start)];
          for (const [i, o] of ops.entries()) apply(docs, o, i);
          // Random partial exchanges, then everything to everyone in a fixed and then a reversed round.
          for (const [from, to] of finalOrder) apply(docs, { type: 'sync', from, to }, 0);
          for (const order of [
            [0, 1, 2],
            [2, 1, 0],
          ])
            for (const from of order) for (const to of order) apply(docs, { type: 'sync', from, to }, 0);
          const views = docs.map(readMoney);
          const [first, ...rest] = views.map(figures);
          for (const other of rest) expect(other).toEqual(first);
          const cash = Object.fromEntries(first?.indicators.funds.map((f) => [f.fund.id, f.cash]) ?? []);
          expect(cash).toEqual(referenceCash(views[0] as MoneyView));
          for (const f of first?.indicators.funds ?? [])
            expect(Number.isSafeInteger(f.cash) && Number.isSafeInteger(f.size)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
    // 60 runs of three docs take about 1 s alone; on a machine shared with other builds, several times that.
  }, 60_000);
});
