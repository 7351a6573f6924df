import { type ClubView, type Member, NATIONAL_TARGETS, newMemberId } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { exportFileName, rosterRows } from './roster-columns';

function member(fullName: string, extra: Partial<Member> = {}): Member {
  return {
    id: newMemberId(),
    fullName,
    gender: 'female',
    birthYear: null,
    phone: '',
    hamlet: '',
    household: 'none',
    ethnicMinority: false,
    joinedOn: null,
    role: 'none',
    notes: '',
    consent: null,
    left: null,
    mergedInto: null,
    createdAt: 0,
    createdBy: 'a',
    ...extra,
  };
}

describe('rosterRows', () => {
  it('gives current, former or all members, never a record merged into another', () => {
    const lan = member('Nguyễn Thị Lan');
    const ba = member('Lê Văn Ba', { left: { on: '2025-06-01', reason: 'Chuyển nơi ở' } });
    const twice = member('Nguyễn Thị Lan', { mergedInto: lan.id });
    const view: ClubView = {
      id: null,
      schemaVersion: 1,
      readOnly: false,
      profile: {
        name: 'CLB',
        kind: 'selfHelp',
        hamlet: '',
        commune: '',
        district: '',
        province: '',
        foundedOn: null,
      },
      settings: NATIONAL_TARGETS,
      members: [ba, lan, twice],
      groups: [],
      meetings: [],
      dismissedDuplicates: [],
      redCross: { volunteers: [], activities: [] },
    };
    expect(rosterRows(view, 'active')).toEqual([lan]);
    expect(rosterRows(view, 'left')).toEqual([ba]);
    expect(rosterRows(view, 'all')).toEqual([ba, lan]);
  });
});

describe('exportFileName', () => {
  it('names the file in plain letters with the club and the day', () => {
    expect(exportFileName('danh-sach-thanh-vien', 'CLB Liên thế hệ thôn Đông', '2026-03-20')).toBe(
      'danh-sach-thanh-vien-clb-lien-the-he-thon-dong-20-03-2026',
    );
  });
});
