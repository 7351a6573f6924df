import { describe, expect, it } from 'vitest';
import { exportFileName } from './roster-columns';

describe('exportFileName', () => {
  it('names the file in plain letters with the club and the day', () => {
    expect(exportFileName('danh-sach-thanh-vien', 'CLB Liên thế hệ thôn Đông', '2026-03-20')).toBe(
      'danh-sach-thanh-vien-clb-lien-the-he-thon-dong-20-03-2026',
    );
  });
});
