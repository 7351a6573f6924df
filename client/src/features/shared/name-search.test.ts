import { describe, expect, it } from 'vitest';
import { filterByName } from './name-search';

const people = [
  { id: 'a', fullName: 'Nguyễn Thị Lan' },
  { id: 'b', fullName: 'Đặng Văn Đức' },
  { id: 'c', fullName: 'Lê Thị Lành' },
];

describe('filterByName', () => {
  it('finds names typed without diacritics, đ as d', () => {
    expect(filterByName(people, 'nguyen thi lan').map((p) => p.id)).toEqual(['a']);
    expect(filterByName(people, 'dang duc').map((p) => p.id)).toEqual(['b']);
    expect(filterByName(people, 'ĐỨC').map((p) => p.id)).toEqual(['b']);
    expect(filterByName(people, 'lan').map((p) => p.id)).toEqual(['a', 'c']);
    expect(filterByName(people, 'thi  lanh').map((p) => p.id)).toEqual(['c']);
    expect(filterByName(people, 'hoa')).toEqual([]);
  });

  it('gives back the same list, not a copy, for an empty search', () => {
    expect(filterByName(people, '')).toBe(people);
    expect(filterByName(people, '   ')).toBe(people);
  });
});
