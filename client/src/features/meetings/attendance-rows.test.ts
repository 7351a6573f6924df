import { describe, expect, it } from 'vitest';
import { attendanceRows, chunksOf, unmarkedIds } from './attendance-rows';

const people = [
  { id: 'lan', fullName: 'Nguyễn Thị Lan' },
  { id: 'duc', fullName: 'Đặng Văn Đức' },
  { id: 'hoa', fullName: 'Trần Thị Hoa' },
  { id: 'lanh', fullName: 'Lê Thị Lành' },
];
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);

describe('attendanceRows', () => {
  it('shows everyone, as the same list, with no search and no filter', () => {
    expect(attendanceRows(people, '', null)).toBe(people);
  });

  it('searches names without diacritics', () => {
    expect(ids(attendanceRows(people, 'dang duc', null))).toEqual(['duc']);
    expect(ids(attendanceRows(people, 'thi lan', null))).toEqual(['lan', 'lanh']);
  });

  it('keeps those unmarked when the filter was switched on, marked since or not', () => {
    const attendance: Record<string, string> = { lan: 'present' };
    const unmarked = unmarkedIds(people, attendance);
    expect([...unmarked]).toEqual(['duc', 'hoa', 'lanh']);
    attendance.duc = 'absent';
    expect(ids(attendanceRows(people, '', unmarked))).toEqual(['duc', 'hoa', 'lanh']);
    expect(ids(attendanceRows(people, 'thi', unmarked))).toEqual(['hoa', 'lanh']);
    // Switched off and on again: the filter now leaves out Đức too.
    expect(ids(attendanceRows(people, '', unmarkedIds(people, attendance)))).toEqual(['hoa', 'lanh']);
  });
});

describe('chunksOf', () => {
  it('cuts the rows into blocks in order, the last one shorter, and nothing for no rows', () => {
    expect(chunksOf(ids(people), 3)).toEqual([['lan', 'duc', 'hoa'], ['lanh']]);
    expect(chunksOf(ids(people), 2)).toEqual([
      ['lan', 'duc'],
      ['hoa', 'lanh'],
    ]);
    expect(chunksOf([], 25)).toEqual([]);
  });
});
