import { describe, expect, it } from 'vitest';
import type { ColumnTarget } from './import-fields';
import { readName, readPhone, rowToDraft } from './row-draft';

const mapping = (...targets: ColumnTarget[]) => new Map(targets.map((t, i) => [i, t]));

describe('rowToDraft', () => {
  it('reads a typical commune row into a member draft', () => {
    const { draft, problems, blank } = rowToDraft(
      [
        1,
        'NGUYỄN THỊ LAN',
        'Nữ',
        '12/07/1958',
        912345678,
        'Thôn Đông',
        'Cận nghèo',
        'Tày',
        'Thủ quỹ',
        'Nhà gần chợ',
      ],
      mapping(
        'skip',
        'fullName',
        'gender',
        'birthYear',
        'phone',
        'hamlet',
        'household',
        'ethnicity',
        'role',
        'notes',
      ),
    );
    expect(blank).toBe(false);
    expect(problems).toEqual({});
    expect(draft).toEqual({
      fullName: 'Nguyễn Thị Lan',
      gender: 'female',
      birthYear: 1958,
      phone: '0912345678',
      hamlet: 'Thôn Đông',
      household: 'nearPoor',
      ethnicMinority: true,
      joinedOn: null,
      role: 'treasurer',
      notes: 'Nhà gần chợ',
    });
  });

  it('joins a family-name and a given-name column, and reads the gender from a Nam / Nữ year column', () => {
    const { draft, problems } = rowToDraft(
      ['Lê Văn', 'Ba', 1950, null, 'x', null, 'Kinh'],
      mapping('familyName', 'givenName', 'birthYearMale', 'birthYearFemale', 'poor', 'nearPoor', 'ethnicity'),
    );
    expect(problems).toEqual({});
    expect(draft).toMatchObject({
      fullName: 'Lê Văn Ba',
      gender: 'male',
      birthYear: 1950,
      household: 'poor',
      ethnicMinority: false,
    });
  });

  it('names what it cannot read instead of guessing', () => {
    const { problems } = rowToDraft(
      ['Trần Thị Bốn', 'bà con', 'năm ngoái', 'khó khăn', '31/02/2020'],
      mapping('fullName', 'gender', 'birthYear', 'household', 'joinedOn'),
    );
    expect(problems).toEqual({
      gender: 'genderUnknown',
      birthYear: 'yearFormat',
      household: 'householdUnknown',
      joinedOn: 'dateFormat',
    });
    expect(rowToDraft(['Trần Thị Bốn'], mapping('fullName')).problems).toEqual({ gender: 'genderMissing' });
  });

  it('calls a row with nothing in its mapped columns blank, whatever the skipped ones hold', () => {
    expect(rowToDraft([7, '', null], mapping('skip', 'fullName', 'phone')).blank).toBe(true);
  });
});

describe('readPhone and readName', () => {
  it('gives back the leading zero Excel dropped and keeps the first of several numbers', () => {
    expect(readPhone(987654321)).toBe('0987654321');
    expect(readPhone('0912 345 678 / 0987 654 321')).toBe('0912 345 678');
    expect(readPhone(null)).toBe('');
  });

  it('turns names in capitals into the usual case and leaves others alone', () => {
    expect(readName('  ĐỖ   THỊ ÚT ')).toBe('Đỗ Thị Út');
    expect(readName('nguyen thi lan')).toBe('Nguyen Thi Lan');
    expect(readName('Nguyễn thị Lan')).toBe('Nguyễn thị Lan');
  });
});
