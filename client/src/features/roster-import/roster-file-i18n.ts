import { enImport } from '../../i18n/en-import';
import { type I18n, useI18n } from '../../i18n/i18n-context';
import { createSectionTranslator, type SectionKey } from '../../i18n/lazy-section';
import { viImport } from '../../i18n/vi-import';

export type RosterFileKey = SectionKey<typeof viImport>;

export interface RosterFileI18n extends I18n {
  /** A message of the import and export screens' catalogue. */
  ft(key: RosterFileKey, args?: Record<string, string | number>): string;
}

/**
 * The import and export screens' words (`i18n/vi-import.ts`, `en-import.ts`) come with these lazy screens,
 * as the money screens' do: wired into `vi.ts` they would ride in the roster's first chunk (+1.4 KB gzip)
 * for screens most opens never show. Only the roster's two entry buttons are in the main catalogue.
 */
export function useRosterFileI18n(): RosterFileI18n {
  const base = useI18n();
  const ft = createSectionTranslator(base.locale, { vi: viImport, en: enImport });
  return { ...base, ft };
}
