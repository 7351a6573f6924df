import * as i18n from '@solid-primitives/i18n';
import { createMemo } from 'solid-js';
import { enHealthScreens } from '../../i18n/en-health-screens';
import { type I18n, useI18n } from '../../i18n/i18n-context';
import { viHealthScreens } from '../../i18n/vi-health-screens';

export type HealthScreenKey = keyof i18n.Flatten<typeof viHealthScreens>;

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
  const dict = createMemo(() => i18n.flatten(base.locale() === 'en' ? enHealthScreens : viHealthScreens));
  const translate = i18n.translator(dict, i18n.resolveTemplate);
  return { ...base, h: (key, args) => String(translate(key, args ?? {}) ?? key) };
}
