import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../ids/ids';
import { listUpcomingNationalDays, meetsOnNationalDays } from './national-days';

describe('listUpcomingNationalDays', () => {
  it('lists each national day once, soonest first, rolling past ones into next year', () => {
    expect(listUpcomingNationalDays('2026-05-19')).toEqual([
      { day: '0519', date: '2026-05-19' },
      { day: '0819', date: '2026-08-19' },
      { day: '0902', date: '2026-09-02' },
      { day: '1206', date: '2026-12-06' },
      { day: '1222', date: '2026-12-22' },
      { day: '0430', date: '2027-04-30' },
      { day: '0501', date: '2027-05-01' },
    ]);
  });

  it('starts the new year with 30/4 after 22/12 has passed', () => {
    const days = listUpcomingNationalDays('2026-12-23');
    expect(days[0]).toEqual({ day: '0430', date: '2027-04-30' });
    expect(days.at(-1)).toEqual({ day: '1222', date: '2027-12-22' });
    expect(days.every((d) => isIsoDate(d.date))).toBe(true);
  });
});

describe('meetsOnNationalDays', () => {
  it('is for veterans’ clubs', () => {
    expect(meetsOnNationalDays('veterans')).toBe(true);
    expect(meetsOnNationalDays('selfHelp')).toBe(false);
    expect(meetsOnNationalDays('redCross')).toBe(false);
  });
});
