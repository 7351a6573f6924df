import { describe, expect, it } from 'vitest';
import {
  compareVietnameseNames,
  createNameComparator,
  familyAndMiddleNames,
  foldVietnamese,
  givenName,
  matchesQuery,
  matchesQueryWords,
  queryWords,
} from './vietnamese';

describe('foldVietnamese', () => {
  it('strips tones and marks, folds đ to d, lowercases and collapses spaces', () => {
    expect(foldVietnamese('  Nguyễn   Thị  Lan ')).toBe('nguyen thi lan');
    expect(foldVietnamese('Đặng Văn Đức')).toBe('dang van duc');
    expect(foldVietnamese('Ưng Ơn Ấu')).toBe('ung on au');
  });

  it('folds precomposed and decomposed input the same way', () => {
    expect(foldVietnamese('Nguyễn'.normalize('NFD'))).toBe(foldVietnamese('Nguyễn'.normalize('NFC')));
  });
});

describe('matchesQuery', () => {
  it("finds 'Nguyễn Thị Lan' from 'nguyen thi lan'", () => {
    expect(matchesQuery('Nguyễn Thị Lan', 'nguyen thi lan')).toBe(true);
  });

  it("finds 'Đặng' from 'dang'", () => {
    expect(matchesQuery('Đặng', 'dang')).toBe(true);
    expect(matchesQuery('Đặng Thị Hoa', 'DANG hoa')).toBe(true);
  });

  it('needs every word, in any order, and matches everything for an empty query', () => {
    expect(matchesQuery('Nguyễn Thị Lan', 'lan nguyen')).toBe(true);
    expect(matchesQuery('Nguyễn Thị Lan', 'lan tran')).toBe(false);
    expect(matchesQuery('Nguyễn Thị Lan', '   ')).toBe(true);
  });
});

describe('names', () => {
  it('takes the last word as the given name and the rest as family and middle names', () => {
    expect(givenName('Nguyễn Thị Lan')).toBe('Lan');
    expect(givenName('  Lan  ')).toBe('Lan');
    expect(givenName('')).toBe('');
    expect(familyAndMiddleNames('Nguyễn Thị Lan')).toBe('Nguyễn Thị');
  });

  it('sorts by given name: An, Bình, Lan', () => {
    const sorted = ['Nguyễn Thị Lan', 'Trần Văn An', 'Lê Thị Bình'].sort(compareVietnameseNames);
    expect(sorted).toEqual(['Trần Văn An', 'Lê Thị Bình', 'Nguyễn Thị Lan']);
  });

  it('breaks ties on the given name by family and middle names', () => {
    const sorted = ['Trần Thị Lan', 'Lê Thị Lan', 'Nguyễn Văn Lan'].sort(createNameComparator());
    expect(sorted).toEqual(['Lê Thị Lan', 'Nguyễn Văn Lan', 'Trần Thị Lan']);
  });

  it('follows the Vietnamese alphabet, where đ comes after d', () => {
    const sorted = ['Lê Đào', 'Lê Dung', 'Lê Anh'].sort(compareVietnameseNames);
    expect(sorted).toEqual(['Lê Anh', 'Lê Dung', 'Lê Đào']);
  });
});

describe('queryWords and matchesQueryWords', () => {
  it('fold a query once and match it like matchesQuery', () => {
    const words = queryWords('  Nguyễn   LAN ');
    expect(words).toEqual(['nguyen', 'lan']);
    expect(matchesQueryWords('Nguyễn Thị Lan', words)).toBe(true);
    expect(matchesQueryWords('Trần Thị Lan', words)).toBe(false);
  });

  it('match everything for a query of spaces', () => {
    expect(queryWords('   ')).toEqual([]);
    expect(matchesQueryWords('Nguyễn Thị Lan', [])).toBe(true);
  });
});
