import type { Entry, EntryId, LoanEvent, LoanId } from '@chungtay/model';
import * as i18n from '@solid-primitives/i18n';
import { describe, expect, it } from 'vitest';

import { viMoney } from '../../i18n/vi-money';
import { loanEventText } from './loan-history';
import { formatDong, type MoneyI18n } from './money-i18n';

const dict = i18n.flatten(viMoney);
const translate = i18n.translator(() => dict, i18n.resolveTemplate) as unknown as (
  key: string,
  args: Record<string, string | number>,
) => unknown;
const words = {
  m: (key: string, args?: Record<string, string | number>) => String(translate(key, args ?? {})),
  dong: formatDong,
} as unknown as MoneyI18n;

const repaid: Entry = {
  id: 'entry-repaid-000001' as EntryId,
  fundId: 'income' as Entry['fundId'],
  kind: 'principalRepaid',
  amount: 500_000,
  date: '2026-12-03',
  memberId: null,
  loanId: 'loan-0000000000001' as LoanId,
  meetingId: null,
  toFundId: null,
  reverses: null,
  note: '',
  recordedBy: 'lan',
  recordedAt: new Date(2026, 11, 3, 10, 2).toISOString(),
};

describe('loanEventText', () => {
  it('says who recorded what and when, as the treasurer would say it', () => {
    const event: LoanEvent = {
      type: 'entry',
      entry: repaid,
      cancels: null,
      by: 'lan',
      name: 'Lan',
      at: repaid.recordedAt,
    };
    expect(loanEventText(words, event)).toBe('Lan ghi trả nợ gốc 500.000 đ, 10:02 03/12/2026');
  });

  it('names what a correction cancelled and why, and an unnamed author as another tablet', () => {
    const correction: Entry = {
      ...repaid,
      id: 'entry-fix-0000001' as EntryId,
      kind: 'correction',
      reverses: repaid.id,
      note: 'Ghi nhầm',
      recordedBy: 'hoa',
    };
    const event: LoanEvent = {
      type: 'entry',
      entry: correction,
      cancels: repaid,
      by: 'hoa',
      name: null,
      at: correction.recordedAt,
    };
    expect(loanEventText(words, event)).toBe(
      'Một máy khác ghi điều chỉnh, hủy trả nợ gốc 500.000 đ (Ghi nhầm), 10:02 03/12/2026',
    );
  });
});
