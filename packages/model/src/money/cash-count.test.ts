import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../ids/ids';
import { getCashCountDifference, recordCashCount } from './cash-count';
import { cashBalances, getCashBook } from './ledger';
import { getMeetingMoney } from './minutes-money';
import { recordEntry, reverseEntry } from './money-commands';
import { clockAt, LAN, MEETING, newBook, ok, treasurer } from './money-fixtures';
import { createMoneyIndex } from './money-index';
import type { FundId } from './money-types';
import { readMoney } from './read-money';

const activity = 'activity' as FundId;
const DAY = '2026-03-10' as IsoDate;

function bookWithDues() {
  const doc = newBook();
  ok(
    recordEntry(
      doc,
      { fundId: activity, kind: 'dues', amount: 200_000, date: DAY, memberId: LAN, meetingId: MEETING },
      treasurer,
      clockAt(DAY),
    ),
  );
  return doc;
}

describe('recordCashCount', () => {
  it('records a shortfall as money out of the fund, shown in the cash book and the minutes', () => {
    const doc = bookWithDues();
    const count = { fundId: activity, meetingId: MEETING, date: DAY, expected: 200_000, counted: 180_000 };
    const id = ok(
      recordCashCount(doc, { ...count, note: 'Đếm 180.000 đ, sổ 200.000 đ' }, treasurer, clockAt(DAY, 1)),
    );
    const view = readMoney(doc);
    expect(view.entries.find((e) => e.id === id)).toMatchObject({
      kind: 'cashShort',
      amount: 20_000,
      meetingId: MEETING,
      note: 'Đếm 180.000 đ, sổ 200.000 đ',
    });
    expect(cashBalances(view).get(activity)).toBe(180_000);
    expect(getCashBook(view, activity).lines.map((l) => [l.entry.kind, l.balance])).toEqual([
      ['dues', 200_000],
      ['cashShort', 180_000],
    ]);
    expect(getMeetingMoney(view, MEETING)).toMatchObject({ received: 200_000, paid: 20_000 });
    expect(getCashCountDifference(view, MEETING)).toBe(-20_000);
  });

  it('records a surplus as money in, writes nothing when the box matches, and reads a reversed count as none', () => {
    const doc = bookWithDues();
    const count = { fundId: activity, meetingId: MEETING, date: DAY, expected: 200_000 };
    expect(ok(recordCashCount(doc, { ...count, counted: 200_000 }, treasurer, clockAt(DAY)))).toBeNull();
    expect(getCashCountDifference(readMoney(doc), MEETING)).toBeNull();
    const id = ok(recordCashCount(doc, { ...count, counted: 205_000 }, treasurer, clockAt(DAY, 1)));
    expect(id).not.toBeNull();
    let view = readMoney(doc);
    expect(view.entries.at(-1)).toMatchObject({ kind: 'cashOver', amount: 5_000 });
    expect(cashBalances(view).get(activity)).toBe(205_000);
    expect(getCashCountDifference(view, MEETING)).toBe(5_000);
    expect(getCashCountDifference(view, MEETING, createMoneyIndex(view.entries))).toBe(5_000);
    ok(
      reverseEntry(
        doc,
        { entryId: id ?? ('' as never), date: DAY, note: 'Đếm nhầm' },
        treasurer,
        clockAt(DAY, 2),
      ),
    );
    view = readMoney(doc);
    expect(cashBalances(view).get(activity)).toBe(200_000);
    expect(getCashCountDifference(view, MEETING)).toBeNull();
    // Read through the meeting's standing entries (the meeting-day screen's index), the same answer.
    expect(getCashCountDifference(view, MEETING, createMoneyIndex(view.entries))).toBeNull();
  });

  it('refuses a negative count, a count in the future and an unknown fund, writing nothing', () => {
    const doc = bookWithDues();
    const count = { fundId: activity, meetingId: MEETING, date: DAY, expected: 200_000, counted: 100_000 };
    const refused = recordCashCount(doc, { ...count, counted: -1 }, treasurer, clockAt(DAY));
    expect(refused).toMatchObject({
      ok: false,
      error: { type: 'invalid', fields: { counted: 'numberRange' } },
    });
    const future = recordCashCount(doc, { ...count, date: '2026-03-11' }, treasurer, clockAt(DAY));
    expect(future).toMatchObject({ ok: false, error: { type: 'invalid' } });
    const unknown = recordCashCount(doc, { ...count, fundId: 'nope' as FundId }, treasurer, clockAt(DAY));
    expect(unknown).toMatchObject({ ok: false, error: { type: 'notFound' } });
    expect(readMoney(doc).entries).toHaveLength(1);
  });
});
