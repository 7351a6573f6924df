import { describe, expect, it } from 'vitest';
import type { CareView } from '../care/read-care';
import { DEFAULT_HEALTH_THRESHOLDS } from '../health/health-flags';
import type { HealthView } from '../health/read-health';
import type { MeetingId, MemberId } from '../ids/ids';
import { computeReportFigures, flattenReportFigures } from './report-figures';
import { clubView, entry, group, loan, meeting, member, moneyView } from './report-fixtures';
import { checkPeriod, reportIdFor, standardPeriod } from './report-period';

const H1 = standardPeriod('halfYear', 2026, 1);

const members = [
  member('lan-000001', { joinedOn: '2020-03-01' }),
  member('hung-00001', { gender: 'male', birthYear: 1950, household: 'poor', joinedOn: '2026-02-10' }),
  member('mai-000001', { joinedOn: '2021-05-05', left: { on: '2026-04-01', reason: 'chuyển nhà' } }),
  member('tuan-00001', { gender: 'male', joinedOn: '2026-08-01' }),
  member('old-000001', { joinedOn: '2019-01-01', left: { on: '2025-11-30', reason: '' } }),
  member('dup-000001', { joinedOn: '2026-03-03', mergedInto: 'lan-000001' as MemberId }),
];
const meetings = [
  meeting('meet-2025-12', '2025-12-10', { 'lan-000001': 'present' }),
  meeting('meet-2026-01', '2026-01-10', { 'lan-000001': 'present', 'mai-000001': 'absent' }),
  meeting('meet-2026-03', '2026-03-10', { 'lan-000001': 'present', 'hung-00001': 'present' }),
  meeting('meet-2026-07', '2026-07-10', { 'lan-000001': 'present' }),
];
const club = clubView(members, meetings, [
  group('group-livelihood', 'livelihood', ['lan-000001', 'hung-00001']),
]);

describe('report figures for a period', () => {
  it('counts members who joined and left within the period, and the roster at both ends', () => {
    const f = computeReportFigures({ club, health: null, money: null, care: null }, H1);
    // 31/12/2025: Lan and Mai (old left in November, Hùng and Tuấn not yet joined, a merged record never counts).
    expect(f.members.atStart).toBe(2);
    expect(f.members).toMatchObject({ joined: 1, left: 1, atEnd: 2, women: 1, older: 2, poorOrNearPoor: 1 });
  });

  it('counts only the meetings held in the period, with their attendance', () => {
    const f = computeReportFigures({ club, health: null, money: null, care: null }, H1);
    expect(f.meetings.held).toBe(2);
    expect(f.meetings.present).toBe(3);
    expect(f.meetings.roster).toBeGreaterThanOrEqual(f.meetings.present);
    expect(f.activities).toEqual([{ area: 'livelihood', groups: 1, members: 2 }]);
  });

  it('counts health checks by their meeting day and each member checked once', () => {
    const check = (meetingId: string, memberId: string, takenAt: string) => ({
      meetingId: meetingId as MeetingId,
      memberId: memberId as MemberId,
      weightKg: 50,
      systolic: 120,
      diastolic: 80,
      glucoseMmol: null,
      takenAt,
      takenBy: 'alice',
    });
    const health: HealthView = {
      clubId: club.id,
      schemaVersion: 1,
      readOnly: false,
      thresholds: DEFAULT_HEALTH_THRESHOLDS,
      followUps: {},
      checks: [
        check('meet-2025-12', 'lan-000001', '2026-01-02T08:00:00Z'),
        check('meet-2026-01', 'lan-000001', '2026-01-10T08:00:00Z'),
        check('meet-2026-03', 'lan-000001', '2026-03-10T08:00:00Z'),
        check('meet-2026-03', 'hung-00001', '2026-03-10T08:00:00Z'),
        check('meet-unknown', 'hung-00001', '2026-08-10T08:00:00Z'),
      ],
    };
    const f = computeReportFigures({ club, health, money: null, care: null }, H1);
    expect(f.health).toEqual({ checks: 3, membersChecked: 2 });
  });

  it('counts loans paid out and repayments in the period, and fund sizes as they stood at its end', () => {
    const before = entry('contribution', 10_000_000, '2025-10-01');
    const payout = entry('loanPayout', 3_000_000, '2026-02-01', { loanId: 'loan-000001' as never });
    const wrong = entry('principalRepaid', 400_000, '2026-05-01', { loanId: 'loan-000001' as never });
    const money = moneyView(
      [
        before,
        payout,
        entry('principalRepaid', 1_000_000, '2026-04-01', { loanId: 'loan-000001' as never }),
        entry('interestPaid', 15_000, '2026-04-01', { loanId: 'loan-000001' as never }),
        wrong,
        entry('correction', 400_000, '2026-05-02', { reverses: wrong.id }),
        entry('loanPayout', 2_000_000, '2026-07-15', { loanId: 'loan-000002' as never }),
        entry('donation', 5_000_000, '2026-09-01'),
      ],
      [
        loan('loan-000001', 'lan-000001', 3_000_000, '2026-02-01'),
        loan('loan-000002', 'hung-00001', 2_000_000, '2026-07-15'),
      ],
    );
    const f = computeReportFigures({ club, health: null, money, care: null }, H1);
    expect(f.money).toMatchObject({
      loansDisbursed: 1,
      amountDisbursed: 3_000_000,
      principalRepaid: 1_000_000,
      interestPaid: 15_000,
    });
    // 30/06: 10 000 000 − 3 000 000 + 1 015 000 in cash, 2 000 000 still lent; July and September not yet.
    expect(f.money?.funds.income).toBe(8_015_000 + 2_000_000);
    const year = computeReportFigures(
      { club, health: null, money, care: null },
      standardPeriod('year', 2026),
    );
    expect(year.money?.loansDisbursed).toBe(2);
  });

  it('counts home-care pairings active in the period and its visits', () => {
    const care: CareView = {
      clubId: club.id,
      schemaVersion: 1,
      readOnly: false,
      visitIntervalDays: 14,
      pairings: [
        {
          id: 'pair-00001' as never,
          volunteerId: 'lan-000001' as MemberId,
          memberId: 'hung-00001' as MemberId,
          start: '2025-06-01',
          end: '2026-01-15',
          intervalDays: null,
          note: '',
        },
        {
          id: 'pair-00002' as never,
          volunteerId: 'lan-000001' as MemberId,
          memberId: 'mai-000001' as MemberId,
          start: '2026-07-01',
          end: null,
          intervalDays: null,
          note: '',
        },
      ],
      visits: [
        {
          id: 'visit-0001' as never,
          pairingId: 'pair-00001' as never,
          date: '2026-01-05',
          visitorId: 'lan-000001' as MemberId,
          activities: [],
          note: '',
          recordedBy: 'alice',
        },
        {
          id: 'visit-0002' as never,
          pairingId: 'pair-00001' as never,
          date: '2025-12-05',
          visitorId: 'lan-000001' as MemberId,
          activities: [],
          note: '',
          recordedBy: 'alice',
        },
      ],
    };
    const f = computeReportFigures({ club, health: null, money: null, care }, H1);
    expect(f.care).toEqual({ pairingsActive: 1, visits: 1 });
  });

  it('flattens to figure codes with no name in them', () => {
    const codes = flattenReportFigures(
      computeReportFigures({ club, health: null, money: null, care: null }, H1),
    );
    expect(codes['members.joined']).toBe(1);
    expect(codes['activities.livelihood.members']).toBe(2);
    expect(JSON.stringify(codes)).not.toContain('Nguyễn');
  });

  it('refuses a custom period that ends before it starts, or a date that does not exist', () => {
    expect(checkPeriod({ kind: 'custom', from: '2026-05-01', to: '2026-04-30' })).toEqual({
      to: 'numberOrder',
    });
    expect(checkPeriod({ kind: 'custom', from: '2026-02-30', to: '2026-04-30' })).toEqual({
      from: 'dateFormat',
    });
    expect(checkPeriod(standardPeriod('halfYear', 2026, 2))).toEqual({});
    expect(reportIdFor(standardPeriod('halfYear', 2026, 2))).toBe('report-halfYear-20260701-20261231');
  });
});
