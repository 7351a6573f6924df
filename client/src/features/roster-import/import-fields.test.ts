import { describe, expect, it } from 'vitest';
import { guessHeader, recognizeHeader } from './import-fields';

describe('recognizeHeader', () => {
  it.each([
    ['Họ và tên', 'fullName'],
    ['HỌ VÀ TÊN', 'fullName'],
    ['  Họ   tên ', 'fullName'],
    ['Ho va ten', 'fullName'],
    ['Họ và tên thành viên CLB', 'fullName'],
    ['Tên', 'givenName'],
    ['Họ và tên đệm', 'familyName'],
    ['Năm sinh', 'birthYear'],
    ['Ngày sinh', 'birthYear'],
    ['Ngày, tháng, năm sinh', 'birthYear'],
    ['Giới tính', 'gender'],
    ['Nam', 'birthYearMale'],
    ['Nữ', 'birthYearFemale'],
    ['Thôn/Ấp', 'hamlet'],
    ['Thôn / Ấp', 'hamlet'],
    ['Xóm', 'hamlet'],
    ['Tổ', 'hamlet'],
    ['Điện thoại', 'phone'],
    ['SĐT', 'phone'],
    ['Số điện thoại (nếu có)', 'phone'],
    ['Hộ nghèo/cận nghèo', 'household'],
    ['Hộ nghèo', 'poor'],
    ['Hộ cận nghèo', 'nearPoor'],
    ['Dân tộc', 'ethnicity'],
    ['Ngày vào CLB', 'joinedOn'],
    ['Chức vụ', 'role'],
    ['Ghi chú', 'notes'],
    ['STT', 'skip'],
  ])('reads %s as %s', (title, target) => {
    expect(recognizeHeader(title)).toBe(target);
  });

  it('does not know headers it was not taught', () => {
    expect(recognizeHeader('Nghề nghiệp')).toBeNull();
    expect(recognizeHeader('')).toBeNull();
  });
});

describe('guessHeader', () => {
  it('finds the header below a title banner and lets the first column of a field claim it', () => {
    const rows = [
      ['DANH SÁCH THÀNH VIÊN CLB LIÊN THẾ HỆ', null, null, null, null],
      [null, null, null, null, null],
      ['STT', 'Họ và tên', 'Năm sinh', 'Họ tên người giới thiệu', 'Nghề nghiệp'],
      [1, 'Nguyễn Thị Lan', 1958, 'Lê Văn Ba', 'Làm ruộng'],
    ];
    const guess = guessHeader(rows);
    expect(guess.dataStart).toBe(3);
    expect(guess.columns.map((c) => c.target)).toEqual(['skip', 'fullName', 'birthYear', null, null]);
  });

  it('folds a Nam / Nữ row under "Năm sinh" into the header', () => {
    const rows = [
      ['TT', 'Họ và tên', 'Năm sinh', null, 'Thôn'],
      [null, null, 'Nam', 'Nữ', null],
      [1, 'Nguyễn Thị Lan', null, 1958, 'Đông'],
    ];
    const guess = guessHeader(rows);
    expect(guess.dataStart).toBe(2);
    expect(guess.columns.map((c) => [c.title, c.target])).toEqual([
      ['TT', 'skip'],
      ['Họ và tên', 'fullName'],
      ['Nam', 'birthYearMale'],
      ['Nữ', 'birthYearFemale'],
      ['Thôn', 'hamlet'],
    ]);
  });

  it('does not take a first member whose gender reads "Nữ" for a second header row', () => {
    const rows = [
      ['STT', 'Họ và tên', 'Giới tính', 'Năm sinh'],
      [1, 'Nguyễn Thị Lan', 'Nữ', 1958],
    ];
    const guess = guessHeader(rows);
    expect(guess.dataStart).toBe(1);
    expect(guess.columns.map((c) => c.target)).toEqual(['skip', 'fullName', 'gender', 'birthYear']);
  });

  it('gives an empty sheet no columns', () => {
    expect(guessHeader([[null], []])).toEqual({ dataStart: 2, columns: [] });
  });
});
