import { type Entry, type EntryId, getMeetingMoney, type MeetingId } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { meetingMoneyLines } from './money-section';

const MEETING = 'meeting-1' as MeetingId;

function entry(id: string, fields: Partial<Entry>): Entry {
  return {
    id: id as EntryId,
    fundId: 'activity',
    kind: 'contribution',
    amount: 100_000,
    date: '2026-03-05',
    memberId: null,
    loanId: null,
    meetingId: MEETING,
    toFundId: null,
    reverses: null,
    note: '',
    recordedBy: 'author-1',
    recordedAt: '2026-03-05T02:00:00.000Z',
    ...fields,
  } as Entry;
}

describe('meetingMoneyLines', () => {
  const entries = [
    entry('e1', { memberId: 'lan' as Entry['memberId'], amount: 50_000 }),
    entry('e2', { kind: 'interestPaid', fundId: 'income' as Entry['fundId'], amount: 10_000 }),
    entry('e3', { kind: 'correction', reverses: 'e2' as EntryId, amount: 10_000 }),
    entry('e4', { meetingId: 'other' as MeetingId, amount: 999_000 }),
  ];
  const lines = meetingMoneyLines(
    getMeetingMoney({ entries }, MEETING),
    (kind) => `kind:${kind}`,
    (id) => (id === 'lan' ? 'Nguyễn Thị Lan' : ''),
  );

  it("lists only this meeting's entries, labelled, with the member's name", () => {
    expect(lines.map((l) => [l.id, l.kind, l.name, l.amount])).toEqual([
      ['e1', 'kind:contribution', 'Nguyễn Thị Lan', 50_000],
      ['e2', 'kind:interestPaid', '', 10_000],
    ]);
  });

  it('leaves the correction out and marks what it cancelled', () => {
    expect(lines.find((l) => l.id === 'e3')).toBeUndefined();
    expect(lines.map((l) => l.reversed)).toEqual([false, true]);
  });
});
