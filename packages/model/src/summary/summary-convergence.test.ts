import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPerson, alice, bob, TODAY, value } from '../../test/fixtures';
import { deliver, permutations } from '../../test/peers';
import { createClub } from '../club/club-commands';
import { readClub } from '../club/read-club';
import { computeSummary } from './compute-summary';
import { readSummary, writeSummary } from './summary-doc';

/**
 * "Converge" for a derived document means two things, both checked by exchanging real Yjs updates:
 * - same books: every replica ends with the same summary, and that summary is the books' summary;
 * - different books: replicas first agree on one state (Yjs merge), and as soon as a tablet holding
 *   the merged books recomputes, the summary is the merged books' summary, whatever the delivery order.
 */

const NOW_A = `${TODAY}T08:00:00.000Z`;
const NOW_B = `${TODAY}T08:00:05.000Z`;

function twoTablets() {
  const a = new Y.Doc();
  const clubId = value(createClub(a, { name: 'CLB thôn Đông', kind: 'selfHelp' }, alice, TODAY));
  addPerson(a, { fullName: 'Nguyễn Thị Lan' });
  const b = new Y.Doc();
  deliver(a, b);
  return { a, b, clubId };
}

/** Every replica after exchanging `docs`' states in every order, read as summaries. */
function exchanged(docs: readonly Y.Doc[]) {
  return permutations(docs.map((d) => Y.encodeStateAsUpdate(d))).map((order) => {
    const replica = new Y.Doc();
    for (const update of order) Y.applyUpdate(replica, update);
    return { replica, summary: readSummary(replica) };
  });
}

/** The summary without the time it was computed: what the books determine. */
const figuresOf = (s: ReturnType<typeof readSummary>) => ({ ...s, computedAt: null });

describe('two tablets recomputing the summary', () => {
  it('from the same books, in either order, end with the same figures: the books’ own', () => {
    const { a, b } = twoTablets();
    const [sumA, sumB] = [new Y.Doc(), new Y.Doc()];
    value(writeSummary(sumA, computeSummary(readClub(a), null, null, NOW_A), alice));
    value(writeSummary(sumB, computeSummary(readClub(b), null, null, NOW_B), bob));
    const results = exchanged([sumA, sumB]);
    const expected = figuresOf(computeSummary(readClub(a), null, null, NOW_A));
    for (const { summary } of results) expect(figuresOf(summary)).toEqual(expected);
    // Every replica picks the same computedAt too: Yjs orders the concurrent writes the same everywhere.
    expect(new Set(results.map((r) => r.summary.computedAt)).size).toBe(1);
  });

  it('writes nothing when the books have not changed, so an idle tablet sends no update', () => {
    const { a } = twoTablets();
    const doc = new Y.Doc();
    value(writeSummary(doc, computeSummary(readClub(a), null, null, NOW_A), alice));
    const before = Y.encodeStateVector(doc);
    expect(value(writeSummary(doc, computeSummary(readClub(a), null, null, NOW_B), alice)).changed).toBe(0);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(readSummary(doc).computedAt).toBe(NOW_A);
  });

  it('from different books agree on one state, and become the merged books’ summary after a recomputation', () => {
    const { a, b } = twoTablets();
    // Apart: tablet A adds two members, tablet B one, each recomputes its own summary.
    addPerson(a, { fullName: 'Trần Văn Hùng', gender: 'male', birthYear: 1990 });
    addPerson(a, { fullName: 'Lê Thị Mai', birthYear: 1950 });
    addPerson(b, { fullName: 'Phạm Thị Hoa', household: 'nearPoor' }, bob);
    const [sumA, sumB] = [new Y.Doc(), new Y.Doc()];
    value(writeSummary(sumA, computeSummary(readClub(a), null, null, NOW_A), alice));
    value(writeSummary(sumB, computeSummary(readClub(b), null, null, NOW_B), bob));

    // The summaries alone meet first: every order gives one and the same state.
    const met = exchanged([sumA, sumB]);
    const states = met.map(({ summary }) => JSON.stringify(summary));
    expect(new Set(states).size).toBe(1);

    // Then the books meet; whichever tablet recomputes, on whichever merged summary, the result is the
    // merged books' summary, and the other tablet's later update does not undo it in either order.
    deliver(a, b);
    deliver(b, a);
    const merged = computeSummary(readClub(a), null, null, NOW_B);
    expect(merged.members.total).toBe(4);
    for (const [tablet, origin] of [
      [a, alice],
      [b, bob],
    ] as const) {
      for (const { replica } of met) {
        value(writeSummary(replica, computeSummary(readClub(tablet), null, null, NOW_B), origin));
        expect(figuresOf(readSummary(replica))).toEqual(figuresOf({ ...merged, reports: [] }));
      }
    }
    // Both tablets recompute concurrently from the merged books on their own summaries, then exchange.
    value(writeSummary(sumA, computeSummary(readClub(a), null, null, NOW_A), alice));
    value(writeSummary(sumB, computeSummary(readClub(b), null, null, NOW_B), bob));
    for (const { summary } of exchanged([sumA, sumB])) expect(figuresOf(summary)).toEqual(figuresOf(merged));
  });

  it('a tablet without the money book leaves the money figures another tablet wrote', () => {
    const { a } = twoTablets();
    const doc = new Y.Doc();
    const withMoney = computeSummary(readClub(a), null, null, NOW_A);
    const money = {
      loans: 3,
      borrowedEver: 1,
      borrowingNow: 1,
      outstanding: 2_000_000,
      overdueLoans: 0,
      overdueAmount: 0,
      funds: { income: 30_000_000, activity: 1_500_000, humanitarian: 0, custom: 0 },
      dues: null,
      targets: { borrowedPct: 50, incomeFund: 20_000_000 },
    };
    value(writeSummary(doc, { ...withMoney, money }, alice));
    value(writeSummary(doc, computeSummary(readClub(a), null, null, NOW_B), bob));
    expect(readSummary(doc).money).toEqual(money);
  });
});
