import type { Fund } from '@chungtay/model';
import type { MoneyI18n } from './money-i18n';

/** Standard funds are named from the catalogue (they carry no name); a club's own fund by its name. */
export function fundName(i18n: MoneyI18n, fund: Pick<Fund, 'kind' | 'name'>): string {
  return fund.kind === 'custom' ? fund.name || i18n.m('fund.custom') : i18n.m(`fund.${fund.kind}`);
}
