import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MemberId } from '../ids/ids';
import type { MoneyEntryId } from '../minutes/minutes-layout';
import type { MinutesView } from '../minutes/minutes-types';
import { listLoanStates } from './loan-state';
import { getMeetingMoney, migratedEntryId, migrateMinutesMoney } from './minutes-money';
import { recordEntry, reverseEntry } from './money-commands';
import { chair, clockAt, fork, HUNG, LAN, MEETING, newBook, ok, treasurer } from './money-fixtures';
import { listUnlinkedRepayments } from './money-flags';
import type { FundId } from './money-types';
import { readMoney } from './read-money';

const line = (
  id: string,
  kind: 'contribution' | 'repayment' | 'other',
  memberId: MemberId | null,
  amount: number,
  note = '',
) => ({
  id: id as MoneyEntryId,
  kind,
  memberId,
  amount,
  note,
});

const minutes: Pick<MinutesView, 'meetingId' | 'header' | 'money'> = {
  meetingId: MEETING,
  header: { date: '2026-03-10' } as MinutesView['header'],
  money: [
    line('line-contrib-0001', 'contribution', LAN, 50_000, 'đóng góp quý I'),
    line('line-repay-000001', 'repayment', HUNG, 500_000),
    line('line-other-000001', 'other', null, 200_000, 'xã hỗ trợ'),
    line('line-empty-000001', 'other', null, 0),
  ],
};

describe('minutes money moved into the book', () => {
  it('moves each line once, with ids derived from the meeting and the line, read back as the meeting’s money', () => {
    const doc = newBook();
    const ids = ok(migrateMinutesMoney(doc, minutes, treasurer, '2026-03-20'));
    expect(ids).toEqual([
      migratedEntryId(MEETING, 'line-contrib-0001'),
      migratedEntryId(MEETING, 'line-repay-000001'),
      migratedEntryId(MEETING, 'line-other-000001'),
    ]);
    expect(new Set(ids).size).toBe(3);
    expect(ok(migrateMinutesMoney(doc, minutes, treasurer, '2026-03-20'))).toEqual([]);
    const view = readMoney(doc);
    expect(view.entries.map((e) => [e.kind, e.fundId, e.amount, e.memberId, e.date, e.note])).toEqual(
      expect.arrayContaining([
        ['contribution', 'activity', 50_000, LAN, '2026-03-10', 'đóng góp quý I'],
        ['principalRepaid', 'income', 500_000, HUNG, '2026-03-10', ''],
        ['donation', 'activity', 200_000, null, '2026-03-10', 'xã hỗ trợ'],
      ]),
    );
    expect(getMeetingMoney(view, MEETING)).toMatchObject({ received: 750_000, paid: 0 });
    expect(listUnlinkedRepayments(view).map((e) => e.memberId)).toEqual([HUNG]);
  });

  it('gives one set of entries when two tablets migrate the same minutes offline', () => {
    const doc = newBook();
    const [a, b] = [fork(doc), fork(doc)] as [Y.Doc, Y.Doc];
    ok(migrateMinutesMoney(a, minutes, treasurer, '2026-03-20'));
    ok(migrateMinutesMoney(b, minutes, chair, '2026-03-21'));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readMoney(a)).toEqual(readMoney(b));
    expect(readMoney(a).entries).toHaveLength(3);
  });

  it('does not bring back a moved line the treasurer reversed, and counts entries recorded at the meeting since', () => {
    const doc = newBook();
    ok(migrateMinutesMoney(doc, minutes, treasurer, '2026-03-20'));
    ok(
      reverseEntry(
        doc,
        {
          entryId: migratedEntryId(MEETING, 'line-repay-000001'),
          date: '2026-03-20',
          note: 'ghi vào khoản vay',
        },
        treasurer,
        clockAt('2026-03-20'),
      ),
    );
    ok(
      recordEntry(
        doc,
        {
          fundId: 'activity' as FundId,
          kind: 'expense',
          amount: 100_000,
          date: '2026-03-10',
          meetingId: MEETING,
        },
        treasurer,
        clockAt('2026-03-20'),
      ),
    );
    ok(migrateMinutesMoney(doc, minutes, treasurer, '2026-03-20'));
    const meeting = getMeetingMoney(readMoney(doc), MEETING);
    expect(meeting).toMatchObject({ received: 250_000, paid: 100_000 });
    expect([...meeting.reversed]).toEqual([migratedEntryId(MEETING, 'line-repay-000001')]);
    expect(listUnlinkedRepayments(readMoney(doc))).toEqual([]);
    expect(listLoanStates(readMoney(doc), '2026-03-20')).toEqual([]);
  });
});
