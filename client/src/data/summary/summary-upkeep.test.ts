import 'fake-indexeddb/auto';
import type { ApprovedReport, FundId, MeetingId, MemberId } from '@chungtay/model';
import { createClub, localOrigin, readClub } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openHealthSession } from '../health/health-session';
import { openMoneySession } from '../money/money-session';
import { openSummarySession, publishReportToSummary } from './summary-session';
import { startSummaryUpkeep } from './summary-upkeep';

const author = { id: 'device-1', name: 'Trần Thị Hoa' };
const LAN = 'member-lan-000001' as MemberId;

function club(clubId: string) {
  const doc = new Y.Doc();
  createClub(doc, { name: 'CLB thôn Đông', kind: 'selfHelp' }, localOrigin(author), '2026-03-20');
  // The stored club id is the doc's own; the upkeep only needs a club that is loaded.
  return { view: readClub(doc), clubId };
}

/** Runs the keeper's quiet timer and idle work on the next turns, so the test waits on no wall clock. */
const soon = {
  whenIdle: (work: () => void) => {
    const id = setTimeout(work, 0);
    return () => clearTimeout(id);
  },
  setTimer: (work: () => void) => setTimeout(work, 0),
  clearTimer: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  quietMs: 0,
  now: () => '2026-03-20T08:00:00.000Z',
};

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
}

describe('summary upkeep', () => {
  it('on a committee tablet writes the money and health figures into the summary', async () => {
    const { view, clubId } = club('club-upkeep-1');
    const money = await openMoneySession(clubId, 'selfHelp', author);
    const fund = money.view.funds[0]?.id as FundId;
    expect(
      money.commands.recordEntry({
        fundId: fund,
        kind: 'dues',
        amount: 50_000,
        date: '2026-03-10',
        memberId: LAN,
      }).ok,
    ).toBe(true);
    await money.whenSaved();
    await money.close();
    const health = await openHealthSession(clubId, author);
    expect(
      health.commands.record({
        meetingId: 'meeting-000000001' as MeetingId,
        memberId: LAN,
        weightKg: 52,
        takenAt: '2026-03-10',
      }).ok,
    ).toBe(true);
    await health.whenSaved();
    await health.close();

    const opened: string[] = [];
    let computed = 0;
    const stop = await startSummaryUpkeep({
      clubId,
      author,
      club: view,
      canEdit: () => true,
      canOpen: (name) => {
        opened.push(name);
        return true;
      },
      accessChanges: () => () => undefined,
      onBooksChange: () => () => undefined,
      schedule: {
        ...soon,
        now: () => {
          computed++;
          return soon.now();
        },
      },
    });
    // `now` is read as the figures are computed; stopping then waits for the write and the books' close.
    await until(() => computed > 0);
    await stop();
    const summary = await openSummarySession(clubId, author);
    // The money book first: held from the first idle moment, shared with the money screens (money/).
    expect(opened).toEqual([`${clubId}/money`, `${clubId}/health`]);
    expect(summary.view.health?.checks).toBe(1);
    expect(summary.view.money?.funds).toBeDefined();
    const funds = summary.view.money?.funds ?? { income: 0, activity: 0, humanitarian: 0, custom: 0 };
    expect(Object.values(funds).reduce((a, b) => a + b, 0)).toBe(50_000);
    expect(summary.view.club.name).toBe('CLB thôn Đông');
    await summary.close();
  });

  it('without the private books writes the club figures and leaves health and money alone', async () => {
    const { view, clubId } = club('club-upkeep-2');
    const asked: string[] = [];
    let computed = 0;
    const stop = await startSummaryUpkeep({
      clubId,
      author,
      club: view,
      canEdit: () => true,
      canOpen: (name) => {
        asked.push(name);
        return false;
      },
      accessChanges: () => () => undefined,
      onBooksChange: () => () => undefined,
      schedule: {
        ...soon,
        now: () => {
          computed++;
          return soon.now();
        },
      },
    });
    await until(() => computed > 0);
    // Refused in idle time, then asked again at the recomputation (a key may have arrived meanwhile).
    expect(asked).toEqual([`${clubId}/money`, `${clubId}/health`, `${clubId}/money`]);
    await stop();
    const summary = await openSummarySession(clubId, author);
    expect(summary.view.club.name).toBe('CLB thôn Đông');
    expect(summary.view.money).toBeNull();
    expect(summary.view.health).toBeNull();
    await summary.close();
  });
});

describe('publishing an approved report', () => {
  const report: ApprovedReport = {
    id: 'report-2026-year',
    kind: 'year',
    from: '2026-01-01',
    to: '2026-12-31',
    approvedOn: '2026-12-20',
    figures: { members: 24 },
    narrative: { activities: 'Họp đủ 12 buổi.' },
  };

  it('adds the entry once, however many times it is pressed', async () => {
    const clubId = 'club-publish-1';
    expect(await publishReportToSummary(clubId, author, report)).toBe(true);
    expect(await publishReportToSummary(clubId, author, { ...report, figures: { members: 99 } })).toBe(true);
    const summary = await openSummarySession(clubId, author);
    expect(summary.view.reports.map((r) => [r.id, r.figures.members])).toEqual([['report-2026-year', 24]]);
    await summary.close();
  });

  it('withdraws a reopened report, and the next approval takes its place', async () => {
    const clubId = 'club-publish-2';
    await publishReportToSummary(clubId, author, report);
    expect(await publishReportToSummary(clubId, author, { withdraw: { id: report.id, revision: 0 } })).toBe(
      true,
    );
    let summary = await openSummarySession(clubId, author);
    expect(summary.view.reports).toEqual([]);
    await summary.close();
    await publishReportToSummary(clubId, author, { ...report, figures: { members: 25 }, revision: 1 });
    summary = await openSummarySession(clubId, author);
    expect(summary.view.reports.map((r) => r.figures.members)).toEqual([25]);
    await summary.close();
  });
});
