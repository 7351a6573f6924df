import { type ClubView, type Member, type MemberInput, NATIONAL_TARGETS, newMemberId } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import type { ColumnTarget } from './import-fields';
import { buildPreview, countDecisions, defaultDecision, toImportInput } from './import-preview';

const TODAY = '2026-03-20';

/** A projected club, as the preview receives it from the club session (features never hold a Y.Doc). */
function clubWith(members: Partial<MemberInput>[]): ClubView {
  return {
    id: null,
    schemaVersion: 1,
    readOnly: false,
    profile: {
      name: 'CLB thôn Đông',
      kind: 'selfHelp',
      hamlet: '',
      commune: '',
      district: '',
      province: '',
      foundedOn: null,
    },
    settings: NATIONAL_TARGETS,
    members: members.map(
      (m): Member => ({
        id: newMemberId(),
        fullName: '',
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
        ...m,
      }),
    ),
    groups: [],
    meetings: [],
    dismissedDuplicates: [],
    redCross: { volunteers: [], activities: [] },
  };
}

const mapping = new Map<number, ColumnTarget>([
  [0, 'skip'],
  [1, 'fullName'],
  [2, 'gender'],
  [3, 'birthYear'],
  [4, 'phone'],
]);
const rows = [
  ['STT', 'Họ và tên', 'Giới tính', 'Năm sinh', 'Điện thoại'],
  [1, 'Hà Thị Một', 'Nữ', 1950, '0912000001'],
  [2, 'nguyen thi lan', 'Nữ', 1958, '0912000002'],
  [3, '', 'Nam', 1960, ''],
  [null, null, null, null, null],
  [4, 'Trần Văn Ba', 'Nam', 2999, ''],
  [5, 'Ha Thi Mot', 'nữ', null, ''],
];

describe('buildPreview', () => {
  it('shows each row as it will be saved, its errors, and the rows that look like someone already known', () => {
    const view = clubWith([{ fullName: 'Nguyễn Thị Lan', birthYear: 1958 }]);
    const lan = view.members[0]?.id;
    const preview = buildPreview(rows, 1, mapping, view, TODAY);
    expect(preview.map((r) => r.line)).toEqual([2, 3, 4, 6, 7]);
    expect(preview[0]).toMatchObject({
      draft: { fullName: 'Hà Thị Một', birthYear: 1950 },
      issues: {},
      match: null,
    });
    expect(preview[1]?.match).toEqual({
      type: 'member',
      id: lan,
      name: 'Nguyễn Thị Lan',
      left: false,
      fills: ['phone'],
    });
    expect(preview[2]?.issues).toEqual({ fullName: 'required' });
    expect(preview[3]?.issues).toEqual({ birthYear: 'birthYearRange' });
    expect(preview[4]?.match).toEqual({ type: 'row', line: 2 });
  });

  it('adds clean new rows, skips the rest by default, and merges only when asked', () => {
    const view = clubWith([{ fullName: 'Nguyễn Thị Lan', birthYear: 1958 }]);
    const preview = buildPreview(rows, 1, mapping, view, TODAY);
    expect(preview.map(defaultDecision)).toEqual(['add', 'skip', 'skip', 'skip', 'skip']);
    const input = toImportInput(preview, new Map());
    expect(input.add.map((d) => d.fullName)).toEqual(['Hà Thị Một']);
    expect(input.merge).toEqual([]);
    const asked = new Map([
      [3, 'merge' as const],
      [4, 'add' as const],
      [7, 'add' as const],
    ]);
    const chosen = toImportInput(preview, asked);
    expect(chosen.add.map((d) => d.fullName)).toEqual(['Hà Thị Một', 'Ha Thi Mot']);
    expect(chosen.merge.map((m) => m.id)).toEqual([view.members[0]?.id]);
    expect(countDecisions(preview, asked)).toEqual({ add: 2, merge: 1, skip: 2, errors: 2, duplicates: 2 });
  });
});
