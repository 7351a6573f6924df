import * as i18n from '@solid-primitives/i18n';
import { type Accessor, createContext, createMemo, createSignal, type JSX, useContext } from 'solid-js';
import { formatDate, formatMoney, formatPercent } from './format';
import { isLocale, type Locale } from './locale';
import { type Catalogue, vi } from './vi';

const STORAGE_KEY = 'chungtay.locale';

/**
 * Vietnamese ships with the app; English is fetched the first time it is needed, so the first screen of
 * a Vietnamese tablet does not download a catalogue it will not show (it kept the roster under its 100 KB
 * budget). `loadCatalogue` before rendering avoids a flash of Vietnamese for an English tablet.
 */
const catalogues: Partial<Record<Locale, Catalogue>> = { vi };
const [loadedCount, setLoadedCount] = createSignal(1);

export async function loadCatalogue(locale: Locale): Promise<void> {
  if (catalogues[locale] !== undefined) return;
  if (locale === 'en') catalogues.en = (await import('./en')).en;
  setLoadedCount(Object.keys(catalogues).length);
}

/** The saved language of this device, before anything renders. */
export function savedLocale(storage: Storage | undefined = globalThis.localStorage): Locale {
  const saved = storage?.getItem(STORAGE_KEY);
  return isLocale(saved) ? saved : 'vi';
}
export type MessageKey = keyof i18n.Flatten<Catalogue>;

export interface I18n {
  readonly locale: Accessor<Locale>;
  setLocale(locale: Locale): void;
  t(key: MessageKey, args?: Record<string, string | number>): string;
  date(iso: string | null | undefined): string;
  money(amount: number): string;
  percent(pct: number): string;
}

const I18nContext = createContext<I18n>();

/** The language is a device preference (session scope): never synced. */
export function I18nProvider(props: { children: JSX.Element; storage?: Storage }): JSX.Element {
  const storage = props.storage ?? globalThis.localStorage;
  const [locale, setLocaleSignal] = createSignal<Locale>(savedLocale(storage));
  const dict = createMemo(() => {
    loadedCount();
    return i18n.flatten(catalogues[locale()] ?? vi);
  });
  const translate = i18n.translator(dict, i18n.resolveTemplate);
  const value: I18n = {
    locale,
    setLocale(next) {
      void loadCatalogue(next);
      setLocaleSignal(next);
      storage?.setItem(STORAGE_KEY, next);
      document.documentElement.lang = next;
    },
    t: (key, args) => String(translate(key, args ?? {}) ?? key),
    date: formatDate,
    money: (amount) => formatMoney(amount, locale()),
    percent: (pct) => formatPercent(pct, locale()),
  };
  document.documentElement.lang = locale();
  void loadCatalogue(locale());
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
