import { DEFAULT_HEALTH_THRESHOLDS, type HealthCheck, type MeetingId, type MemberId } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { printHealthRows } from './print-health';

const check = (memberId: string, values: Partial<HealthCheck>): HealthCheck => ({
  meetingId: 'm1' as MeetingId,
  memberId: memberId as MemberId,
  weightKg: null,
  systolic: null,
  diastolic: null,
  glucoseMmol: null,
  takenAt: '2026-03-05',
  takenBy: 'a1',
  ...values,
});

describe('printHealthRows', () => {
  it('lists the checks in the register order, members no longer listed last', () => {
    const rows = printHealthRows(
      [check('left', { weightKg: 50 }), check('binh', { weightKg: 61 }), check('an', { weightKg: 45.5 })],
      ['an', 'binh'],
      DEFAULT_HEALTH_THRESHOLDS,
    );
    expect(rows.map((r) => r.check.memberId)).toEqual(['an', 'binh', 'left']);
  });

  it('flags each row against the club thresholds and leaves out checks with nothing measured', () => {
    const rows = printHealthRows(
      [
        check('an', { systolic: 165, diastolic: 95 }),
        check('binh', {}),
        check('cuong', { glucoseMmol: 5.2 }),
      ],
      ['an', 'binh', 'cuong'],
      { ...DEFAULT_HEALTH_THRESHOLDS, highGlucoseMmol: 5 },
    );
    expect(rows.map((r) => [r.check.memberId, r.flags])).toEqual([
      ['an', ['highBloodPressure']],
      ['cuong', ['highGlucose']],
    ]);
  });
});
