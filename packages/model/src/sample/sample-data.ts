/** Name and place data for the sample club, and the seeded PRNG that picks from it. */

export const SAMPLE_PROFILE = {
  name: 'CLB Liên thế hệ tự giúp nhau thôn Đông',
  hamlet: 'thôn Đông',
  commune: 'xã Nga Thạch',
  district: 'huyện Nga Sơn',
  province: 'tỉnh Thanh Hóa',
  foundedOn: '2019-05-15',
} as const;

export const SAMPLE_HAMLETS = ['thôn Đông', 'thôn Tây', 'thôn Trung', 'thôn Bắc'] as const;

export const FAMILY_NAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Mai',
  'Đỗ',
  'Ngô',
  'Đặng',
  'Bùi',
  'Trịnh',
];

/** Family names common among the Mường of Thanh Hóa, used for the ethnic-minority members. */
export const MINORITY_FAMILY_NAMES = ['Quách', 'Hà', 'Bùi'];

export const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh'];
export const MALE_MIDDLE = ['Văn', 'Văn', 'Hữu', 'Đức', 'Minh', 'Công'];

export const FEMALE_GIVEN = [
  'Lan',
  'Hoa',
  'Mai',
  'Hương',
  'Huệ',
  'Cúc',
  'Đào',
  'Hạnh',
  'Thủy',
  'Nga',
  'Hằng',
  'Yến',
  'Loan',
  'Liên',
  'Nhung',
  'Tuyết',
  'Xuân',
  'Thơm',
  'Bình',
  'Dung',
  'Oanh',
  'Sen',
];

export const MALE_GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hùng',
  'Minh',
  'Nam',
  'Phúc',
  'Quang',
  'Sơn',
  'Tâm',
  'Thắng',
  'Tuấn',
  'Việt',
  'Đức',
  'Hải',
];

export const LEFT_REASON = 'Chuyển về ở với con ở Hà Nội';

/** Group sizes for the 8 standard groups: two fall outside 7–20 on purpose so the warnings show. */
export const GROUP_SIZES = [14, 16, 9, 12, 8, 5, 11, 22] as const;

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: readonly T[]): T[];
}

/** mulberry32: tiny, fast and good enough for sample data; the same seed gives the same club. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j] as T, out[i] as T];
      }
      return out;
    },
  };
}
