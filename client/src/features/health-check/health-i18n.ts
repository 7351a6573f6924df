import { enHealthScreens } from '../../i18n/en-health-screens';
import { type I18n, useI18n } from '../../i18n/i18n-context';
import { createSectionTranslator, type SectionKey } from '../../i18n/lazy-section';
import { viHealthScreens } from '../../i18n/vi-health-screens';

export type HealthScreenKey = SectionKey<typeof viHealthScreens>;

export interface HealthI18n extends I18n {
  /** A message of the health screens' own catalogue. */
  h(key: HealthScreenKey, args?: Record<string, string | number>): string;
}

/**
 * The words only the lazy health screens use (`i18n/vi-health-screens.ts`, `en-health-screens.ts`) come with
 * their chunk, as the money screens' do, so the roster's first chunk does not carry them.
 */
export function useHealthI18n(): HealthI18n {
  const base = useI18n();
  const h = createSectionTranslator(base.locale, { vi: viHealthScreens, en: enHealthScreens });
  return { ...base, h };
}
