import { enMoney } from '../../i18n/en-money';
import { formatMoney } from '../../i18n/format';
import { type I18n, useI18n } from '../../i18n/i18n-context';
import { createSectionTranslator, type SectionKey } from '../../i18n/lazy-section';
import { viMoney } from '../../i18n/vi-money';

export type MoneyKey = SectionKey<typeof viMoney>;

export interface MoneyI18n extends I18n {
  /** A message of the money screens' catalogue. */
  m(key: MoneyKey, args?: Record<string, string | number>): string;
  /** "1.500.000 đ": đồng keep dot separators in every language, as the treasurer's books do. */
  dong(amount: number): string;
}

/**
 * The money screens' messages live in their own catalogue (`i18n/vi-money.ts`, `en-money.ts`), loaded with
 * these screens only: wired into `vi.ts` they would ride in the roster's first chunk, which must not grow
 * for screens most opens never show. Both languages come with the money chunk; English is small here.
 */
export function useMoneyI18n(): MoneyI18n {
  const base = useI18n();
  const m = createSectionTranslator(base.locale, { vi: viMoney, en: enMoney });
  return { ...base, m, dong: formatDong };
}

export function formatDong(amount: number): string {
  return formatMoney(amount, 'vi');
}
