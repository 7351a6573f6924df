import type { ActionItemId, AgendaItemId, MemberId, MinutesContent, MoneyEntryId } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { type ChangeWords, listVersionChanges } from './version-changes';

const names: Record<string, string> = { lan: 'Nguyễn Thị Lan', cuong: 'Lê Văn Cường' };
const words: ChangeWords = {
  label: (key) => key,
  name: (id) => (id ? (names[id] ?? '') : ''),
  date: (iso) => (iso ? iso.split('-').reverse().join('/') : ''),
  money: (amount) => `${amount} đ`,
  status: (status) => status ?? '—',
  kind: (kind) => kind,
  yesNo: (value) => (value ? 'có' : 'không'),
};

const base: MinutesContent = {
  header: {
    date: '2026-03-05',
    startedAt: '08:00',
    closedAt: '',
    place: 'Nhà văn hóa',
    chairId: 'lan' as MemberId,
    secretaryId: null,
    number: '',
    recipients: '',
    healthChecksTaken: false,
    printHealthChecks: false,
  },
  attendance: { lan: 'present' },
  agenda: [
    { id: 'i1' as AgendaItemId, title: 'Khai mạc', decisions: '', bodyText: 'Mở đầu', removed: false },
  ],
  actions: [],
  money: [],
};

describe('listVersionChanges', () => {
  it('finds nothing between a version and the same minutes', () => {
    expect(listVersionChanges(base, base, words)).toEqual([]);
  });

  it('lists the header, attendance, decisions, action items and money that changed since', () => {
    const now: MinutesContent = {
      ...base,
      header: { ...base.header, closedAt: '10:30', secretaryId: 'cuong' as MemberId },
      attendance: { lan: 'excused', cuong: 'present' },
      agenda: [
        { ...(base.agenda[0] as MinutesContent['agenda'][number]), decisions: 'Thông qua chương trình' },
      ],
      actions: [
        {
          id: 'a1' as ActionItemId,
          what: 'Thăm bà Lan',
          responsibleId: null,
          due: '2026-03-15',
          done: false,
        },
      ],
      money: [
        {
          id: 'm1' as MoneyEntryId,
          kind: 'contribution',
          memberId: 'lan' as MemberId,
          amount: 50000,
          note: '',
        },
      ],
    };
    expect(listVersionChanges(base, now, words)).toEqual([
      { label: 'closedAt', before: '', after: '10:30' },
      { label: 'secretary', before: '', after: 'Lê Văn Cường' },
      { label: 'Nguyễn Thị Lan', before: 'present', after: 'excused' },
      { label: 'Lê Văn Cường', before: '—', after: 'present' },
      { label: 'Khai mạc · decisions', before: '', after: 'Thông qua chương trình' },
      { label: 'Thăm bà Lan · what', before: '', after: 'Thăm bà Lan' },
      { label: 'Thăm bà Lan · due', before: '', after: '15/03/2026' },
      { label: 'Thăm bà Lan · done', before: '', after: 'không' },
      { label: 'contribution Nguyễn Thị Lan · moneyKind', before: '', after: 'contribution' },
      { label: 'contribution Nguyễn Thị Lan · amount', before: '', after: '50000 đ' },
    ]);
  });
});
