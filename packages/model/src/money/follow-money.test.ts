import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateMoneyRules } from './book-commands';
import { followMoney } from './follow-money';
import { migrateMinutesMoney } from './minutes-money';
import { recordEntry } from './money-commands';
import { chair, clockAt, fork, LAN, MEETING, newBook, ok, treasurer } from './money-fixtures';
import type { FundId } from './money-types';
import { readMoney } from './read-money';

const activity = 'activity' as FundId;

describe('followMoney', () => {
  it('adds a new entry at the end without re-reading, and says what changed', () => {
    const doc = newBook();
    let calls = 0;
    const follower = followMoney(doc, () => {
      calls += 1;
    });
    ok(
      recordEntry(
        doc,
        { fundId: activity, kind: 'dues', amount: 10_000, date: '2026-03-10', memberId: LAN },
        treasurer,
        clockAt('2026-03-10'),
      ),
    );
    expect(calls).toBeGreaterThan(0);
    const changes = follower.flush();
    expect(changes).toMatchObject({
      header: null,
      entries: { atEnd: true, rebuilt: null },
      loans: { added: [] },
    });
    expect(changes.entries.added.map((e) => e.amount)).toEqual([10_000]);
    ok(updateMoneyRules(doc, { duesAmount: 10_000 }, treasurer));
    expect(follower.flush().header?.rules.duesAmount).toBe(10_000);
    expect(follower.view()).toEqual(readMoney(doc));
    follower.stop();
  });

  it('slots an earlier-dated entry into place and rebuilds when a key is written twice', () => {
    const doc = newBook();
    const follower = followMoney(doc, () => undefined);
    ok(
      recordEntry(
        doc,
        { fundId: activity, kind: 'donation', amount: 1_000, date: '2026-03-10' },
        treasurer,
        clockAt('2026-03-10'),
      ),
    );
    follower.flush();
    ok(
      recordEntry(
        doc,
        { fundId: activity, kind: 'donation', amount: 2_000, date: '2026-01-10' },
        treasurer,
        clockAt('2026-03-10', 1),
      ),
    );
    const changes = follower.flush();
    expect(changes.entries.atEnd).toBe(false);
    expect(follower.view().entries.map((e) => e.amount)).toEqual([2_000, 1_000]);
    const lines = {
      meetingId: MEETING,
      header: { date: '2026-03-10' } as never,
      money: [
        { id: 'line-0000000001' as never, kind: 'other' as const, memberId: null, amount: 5_000, note: '' },
      ],
    };
    const other = fork(doc);
    ok(migrateMinutesMoney(doc, lines, treasurer, '2026-03-20'));
    follower.flush();
    ok(migrateMinutesMoney(other, lines, chair, '2026-03-21'));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(follower.flush().entries.rebuilt).not.toBeNull();
    expect(follower.view()).toEqual(readMoney(doc));
  });

  it('always equals a full read, whatever entries arrive in whatever batches', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: 1, max: 28 }),
            amount: fc.integer({ min: 1, max: 99 }),
            remote: fc.boolean(),
            flush: fc.boolean(),
          }),
          { maxLength: 30 },
        ),
        (steps) => {
          const doc = newBook();
          const remote = fork(doc);
          const follower = followMoney(doc, () => undefined);
          for (const [i, step] of steps.entries()) {
            const date = `2026-02-${String(step.day).padStart(2, '0')}`;
            recordEntry(
              step.remote ? remote : doc,
              { fundId: activity, kind: 'donation', amount: step.amount * 1000, date },
              treasurer,
              clockAt(date, i),
            );
            if (step.flush) {
              Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
              follower.flush();
            }
          }
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
          follower.flush();
          expect(follower.view()).toEqual(readMoney(doc));
          follower.stop();
        },
      ),
      { numRuns: 50 },
    );
  });
});
