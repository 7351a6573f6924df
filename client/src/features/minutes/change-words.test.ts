import {
  addActionItem,
  addAgendaItem,
  addMoneyEntry,
  approveMinutes,
  captureVersion,
  listChangesAfterApproval,
  listVersions,
  setMinutesAttendance,
  updateActionItem,
  updateAgendaItem,
  updateMinutesHeader,
} from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { alice, bob, carol, value } from '../../../../packages/model/test/fixtures';
import {
  AT,
  forkMinutes,
  HUNG,
  LAN,
  MAI,
  newMinutes,
  typeAt,
  typeParagraph,
} from '../../../../packages/model/test/minutes-fixtures';
import { deliver } from '../../../../packages/model/test/peers';
import { enChangeLabels } from '../../i18n/en-change-labels';
import { vi } from '../../i18n/vi';
import { viChangeLabels } from '../../i18n/vi-change-labels';
import {
  authorName,
  changeLabels,
  describeLateChange,
  fieldLabel,
  formatChangeTime,
  type LateChangeWords,
} from './change-words';

const roster: Record<string, string> = {
  [LAN]: 'Nguyễn Thị Lan',
  [HUNG]: 'Trần Văn Hùng',
  [MAI]: 'Lê Thị Mai',
};
const nameOf = (id: string) => roster[id] ?? '';
const words: LateChangeWords = {
  labels: viChangeLabels,
  section: (section) => vi.sections[section],
  verb: (kind) => vi.minutes[kind],
  nameOf,
};

// The minutes doc's type, taken from the model's fixture: features never import yjs, tests included.
type MinutesDoc = ReturnType<typeof newMinutes>;

/** The model's own late-edit scenario: approved here, edited offline on a tablet that never saw it. */
function lateEdits(): MinutesDoc {
  const doc = newMinutes();
  const item = value(addAgendaItem(doc, { title: 'Báo cáo' }, alice));
  typeParagraph(doc, item, 'Tháng 3 có 52 thành viên.');
  const action = value(addActionItem(doc, { what: 'Thăm bà Tư', responsibleId: LAN, due: null }, alice));
  value(setMinutesAttendance(doc, { memberId: MAI, status: 'present' }, alice));
  const [tablet] = forkMinutes(doc, 1) as [MinutesDoc];
  value(approveMinutes(doc, { role: 'secretary', by: HUNG, at: AT }, bob));
  value(approveMinutes(doc, { role: 'chair', by: LAN, at: AT }, alice));
  typeAt(tablet, item, 10, ' (sửa)');
  value(updateAgendaItem(tablet, item, { decisions: 'Tăng quỹ' }, carol));
  value(updateActionItem(tablet, action, { due: '2026-04-01' }, carol));
  value(setMinutesAttendance(tablet, { memberId: MAI, status: 'absent' }, carol));
  value(updateMinutesHeader(tablet, { place: 'Nhà chị Mai' }, carol));
  value(addMoneyEntry(tablet, { kind: 'contribution', memberId: LAN, amount: 20000, note: '' }, carol));
  deliver(tablet, doc);
  return doc;
}

describe('describeLateChange', () => {
  it('reads every late change of real minutes in words: labels and names, no keys or ids', () => {
    const lines = listChangesAfterApproval(lateEdits()).map((c) => describeLateChange(c, words));
    expect(lines).toEqual([
      'Thông tin chung · Địa điểm · sửa',
      'Điểm danh · Lê Thị Mai · sửa',
      'Nội dung · Báo cáo · sửa Kết luận, quyết định, Nội dung',
      'Việc cần làm · Thăm bà Tư · sửa Hạn',
      'Tiền thu · Nguyễn Thị Lan · thêm',
    ]);
    for (const line of lines) {
      expect(line).not.toMatch(/bodyText|decisions|place|member-|[A-Za-z0-9_-]{16,}/);
    }
  });

  it('names a member the roster lost as "Hội viên" and an unknown field in words', () => {
    const changes = listChangesAfterApproval(lateEdits());
    const lost = { ...words, nameOf: () => '' };
    expect(describeLateChange(changes[1] as (typeof changes)[number], lost)).toBe(
      'Điểm danh · Hội viên · sửa',
    );
    expect(fieldLabel(viChangeLabels, 'signatureV9')).toBe('Trường khác');
    expect(fieldLabel(viChangeLabels, 'bodyText')).toBe('Nội dung');
    expect(fieldLabel(viChangeLabels, 'toString')).toBe('Trường khác');
  });
});

describe('authorName and formatChangeTime (version history)', () => {
  it('shows who saved a real version by name, and an unknown id as "một máy khác"', () => {
    const doc = newMinutes();
    value(captureVersion(doc, { by: LAN, at: AT, label: 'Trước khi sửa' }, alice));
    value(captureVersion(doc, { by: 'Mai', at: AT, label: '' }, carol));
    value(captureVersion(doc, { by: 'Q3xZk8vT2mWp9LrB4nYd1A', at: AT, label: '' }, carol));
    const who = listVersions(doc).map((v) => authorName(v.by, nameOf, viChangeLabels));
    expect(who).toEqual(['Nguyễn Thị Lan', 'Mai', 'một máy khác']);
    expect(authorName(null, nameOf, enChangeLabels)).toBe('another tablet');
  });

  it('writes the time as 10:02 03/12/2026', () => {
    expect(formatChangeTime(new Date(2026, 11, 3, 10, 2).toISOString())).toBe('10:02 03/12/2026');
    expect(formatChangeTime('not a date')).toBe('');
  });

  it('has a label for every field in both languages', () => {
    expect(Object.keys(changeLabels('en').fields)).toEqual(Object.keys(changeLabels('vi').fields));
    expect(changeLabels('vi').fields.decisions).toBe('Kết luận, quyết định');
  });
});
