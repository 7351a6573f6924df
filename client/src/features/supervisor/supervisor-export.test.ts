import readXlsxFile from 'read-excel-file/browser';
import { describe, expect, it } from 'vitest';
import { tableToXlsx } from '../roster-export/export-table';
import { supervisorColumns } from './supervisor-export';
import { type ClubLine, updatedDay, updatedTime } from './supervisor-rows';

// The catalogue's key stands for its words: the test is about cells, not wording.
const t = (key: string, args?: Record<string, string | number>) =>
  args === undefined ? key : `${key}(${Object.values(args).join(',')})`;

const lines: ClubLine[] = [
  {
    id: 'a',
    name: 'CLB Ấp Bắc',
    commune: 'xã Bình',
    district: 'huyện Đông',
    updatedAt: '2026-03-20T08:00:00.000Z',
    row: {
      members: 58,
      womenPct: 68.96551,
      olderPct: 100,
      poorPct: 0,
      meetingsLast3Months: 3,
      attendancePct: 91.2,
      borrowedPct: null,
      fundSize: 1_500_000,
      overdueAmount: null,
      reports: 1,
      below: ['women', 'borrowed'],
    },
    redCross: null,
  },
  { id: 'b', name: 'CLB An Hòa', commune: '', district: '', updatedAt: null, row: null, redCross: null },
];

describe('the district summary spreadsheet', () => {
  it('reads back one club a row: numbers as numbers, unknown figures empty, targets missed in words', async () => {
    const blob = await tableToXlsx(supervisorColumns(t as never), lines, 'Tổng hợp');
    const [sheet] = await readXlsxFile(blob);
    expect(sheet?.sheet).toBe('Tổng hợp');
    expect(sheet?.data[0]?.[0]).toBe('supervisor.col.club');
    expect(sheet?.data[1]).toEqual([
      'CLB Ấp Bắc',
      'xã Bình',
      'huyện Đông',
      58,
      69,
      100,
      0,
      3,
      91.2,
      null,
      1_500_000,
      null,
      1,
      // Not a Red Cross chapter: its five columns are empty, not zero.
      null,
      null,
      null,
      null,
      null,
      'supervisor.below.women, supervisor.below.borrowed',
      new Date(Date.UTC(...dayParts(updatedDay(lines[0]?.updatedAt ?? null)))),
    ]);
    // A club whose figures have not arrived: its name, nothing invented.
    expect(sheet?.data[2]?.slice(0, 4)).toEqual(['CLB An Hòa', null, null, null]);
    expect(sheet?.data[2]?.slice(4).every((cell) => cell === null)).toBe(true);
  });

  it('gives a Red Cross chapter its counts since 1 January: volunteers, blood drives, units, relief, trainings', async () => {
    const [first] = lines;
    if (first === undefined) throw new Error('no line');
    const chapter: ClubLine = {
      ...first,
      name: 'Chi hội Chữ thập đỏ thôn Đông',
      redCross: {
        volunteers: 24,
        volunteersBySkill: { firstAid: 10, bloodDonation: 20, rescue: 3, relief: 5 },
        activitiesByKind: { bloodDrive: 3, relief: 2, firstAidTraining: 4, other: 1 },
        participants: 310,
        bloodUnits: 85,
      },
    };
    const [sheet] = await readXlsxFile(
      await tableToXlsx(supervisorColumns(t as never), [chapter], 'Tổng hợp'),
    );
    const header = sheet?.data[0] ?? [];
    const at = header.indexOf('supervisor.col.volunteers');
    expect(header.slice(at, at + 5)).toEqual([
      'supervisor.col.volunteers',
      'supervisor.col.bloodDrives',
      'supervisor.col.bloodUnits',
      'supervisor.col.relief',
      'supervisor.col.firstAidTrainings',
    ]);
    expect(sheet?.data[1]?.slice(at, at + 5)).toEqual([24, 3, 85, 2, 4]);
  });

  it('says the time of the last update on the tablet’s clock, as 7h30', () => {
    const at = new Date(2026, 2, 20, 7, 30).toISOString();
    expect(updatedTime(at)).toBe('7h30');
    expect(updatedDay(at)).toBe('2026-03-20');
    expect(updatedTime(null)).toBe('');
    expect(updatedDay('not a time')).toBeNull();
  });
});

function dayParts(day: string | null): [number, number, number] {
  const [y = 0, m = 1, d = 1] = (day ?? '').split('-').map(Number);
  return [y, m - 1, d];
}
