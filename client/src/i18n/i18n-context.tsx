import * as i18n from '@solid-primitives/i18n';
import { type Accessor, createContext, createMemo, createSignal, type JSX, useContext } from 'solid-js';
import { en } from './en';
import { formatDate, formatMoney, formatPercent } from './format';
import { isLocale, type Locale } from './locale';
import { type Catalogue, vi } from './vi';

const catalogues: Record<Locale, Catalogue> = { vi, en };
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
const STORAGE_KEY = 'chungtay.locale';

/** The language is a device preference (session scope): never synced. */
export function I18nProvider(props: { children: JSX.Element; storage?: Storage }): JSX.Element {
  const storage = props.storage ?? globalThis.localStorage;
  const saved = storage?.getItem(STORAGE_KEY);
  const [locale, setLocaleSignal] = createSignal<Locale>(isLocale(saved) ? saved : 'vi');
  const dict = createMemo(() => i18n.flatten(catalogues[locale()]));
  const translate = i18n.translator(dict, i18n.resolveTemplate);
  const value: I18n = {
    locale,
    setLocale(next) {
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
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
