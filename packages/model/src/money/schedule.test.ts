import { describe, expect, it } from 'vitest';
import { monthlyInterest } from './money-math';
import { type LoanTerms, scheduleLoan } from './schedule';

const fiveMillion: LoanTerms = {
  amount: 5_000_000,
  monthlyRateBp: 100,
  method: 'flat',
  plan: 'instalments',
  rounding: 1000,
  termMonths: 6,
  startOn: '2026-01-31',
};

const pick = (terms: LoanTerms) =>
  scheduleLoan(terms).map((i) => [i.dueOn, i.principal, i.interest, i.balanceAfter]);

describe('loan schedules (worked examples)', () => {
  it('flat interest, equal instalments: 1 % of the original 5.000.000 đ every month, principal in parts of 833.000 đ with the rest at the end', () => {
    expect(pick(fiveMillion)).toEqual([
      ['2026-02-28', 833_000, 50_000, 4_167_000],
      ['2026-03-31', 833_000, 50_000, 3_334_000],
      ['2026-04-30', 833_000, 50_000, 2_501_000],
      ['2026-05-31', 833_000, 50_000, 1_668_000],
      ['2026-06-30', 833_000, 50_000, 835_000],
      ['2026-07-31', 835_000, 50_000, 0],
    ]);
  });

  it('declining balance, equal instalments: 1 % of what is still owed, rounded half up to 1.000 đ', () => {
    // 41.670 → 42.000; 33.340 → 33.000; 25.010 → 25.000; 16.680 → 17.000; 8.350 → 8.000.
    expect(pick({ ...fiveMillion, method: 'declining' }).map(([, , interest]) => interest)).toEqual([
      50_000, 42_000, 33_000, 25_000, 17_000, 8_000,
    ]);
  });

  it('interest monthly and principal at the end: flat and declining agree when nothing is paid early', () => {
    const bullet: LoanTerms = {
      ...fiveMillion,
      amount: 3_000_000,
      monthlyRateBp: 50,
      plan: 'bullet',
      termMonths: 12,
      startOn: '2026-01-10',
    };
    for (const method of ['flat', 'declining'] as const) {
      const schedule = scheduleLoan({ ...bullet, method });
      expect(schedule).toHaveLength(12);
      expect(schedule.slice(0, 11).every((i) => i.principal === 0 && i.interest === 15_000)).toBe(true);
      expect(schedule[11]).toEqual({
        number: 12,
        dueOn: '2027-01-10',
        principal: 3_000_000,
        interest: 15_000,
        total: 3_015_000,
        balanceAfter: 0,
      });
    }
  });

  it('rounds to the đồng or to 1.000 đ, half up, with no floating point', () => {
    expect(monthlyInterest(1_234_567, 50, 1)).toBe(6_173); // 6.172,835
    expect(monthlyInterest(1_234_567, 50, 1000)).toBe(6_000);
    expect(monthlyInterest(1_000_100, 50, 1)).toBe(5_001); // 5.000,5 exactly: half up
    expect(monthlyInterest(1_100_000, 50, 1000)).toBe(6_000); // 5.500 exactly: half up
    expect(monthlyInterest(3_000_000, 0, 1000)).toBe(0);
    // Past 2^53 in the intermediate product, still exact: 900.000.000.000 × 65 / 10.000.
    expect(monthlyInterest(900_000_000_000, 65, 1)).toBe(5_850_000_000);
  });

  it('to the đồng, equal parts leave the remainder to the last month', () => {
    const parts = scheduleLoan({ ...fiveMillion, amount: 1_000_000, rounding: 1, termMonths: 3 }).map(
      (i) => i.principal,
    );
    expect(parts).toEqual([333_333, 333_333, 333_334]);
  });
});
