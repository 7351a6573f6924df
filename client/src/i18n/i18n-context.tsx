import * as i18n from '@solid-primitives/i18n';
import {
  type Accessor,
  createContext,
  createMemo,
  createResource,
  createSignal,
  getListener,
  type JSX,
  useContext,
} from 'solid-js';
import { afterFirstScreen } from '../ui/after-load/after-load';
import { formatDate, formatMoney, formatPercent } from './format';
import { isLocale, type Locale } from './locale';
import type { Catalogue } from './vi';
import { viCore } from './vi-core';

const STORAGE_KEY = 'chungtay.locale';

/**
 * Only the first screens' Vietnamese words (vi-core.ts) ship with the roster's script: the whole
 * catalogue was a sixth of it. The rest of Vietnamese loads once the first screen is painted and the page
 * idle (not after the first frame: that is the loading line, and the request fell before the rows), or at once
 * when a screen asks for a word the core lacks; English is fetched the first time it is needed.
 * `loadFirstWords` before rendering avoids a flash of Vietnamese for an English tablet.
 */
const catalogues: Partial<Record<Locale, Catalogue>> = {};
const loading: Partial<Record<Locale, Promise<void>>> = {};
const [loadedCount, setLoadedCount] = createSignal(0);

/** The whole catalogue of `locale`, fetched once. */
export function loadCatalogue(locale: Locale): Promise<void> {
  loading[locale] ??= (
    locale === 'en' ? import('./en').then((m) => m.en) : import('./vi').then((m) => m.vi)
  ).then((catalogue) => {
    catalogues[locale] = catalogue;
    setLoadedCount(Object.keys(catalogues).length);
  });
  return loading[locale];
}

/** What must be here before the first paint: nothing for Vietnamese (its core ships), English whole. */
export function loadFirstWords(locale: Locale): Promise<void> {
  return locale === 'vi' ? Promise.resolve() : loadCatalogue(locale);
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
  // The core's keys are a subset of the catalogue's: a key it lacks reads back as undefined below.
  const core = viCore as Catalogue;
  const dict = createMemo(() => {
    loadedCount();
    return i18n.flatten(catalogues[locale()] ?? core);
  });
  const translate = i18n.translator(dict, i18n.resolveTemplate);
  // Pending until the whole catalogue of the language on screen is here. A word outside the core reads it:
  // inside a <Suspense> the screen waits (its fallback shows, never a key), elsewhere the text is empty and
  // fills in when the words arrive. Started once the first screen is painted, or at once on such a read.
  // Ends the wait for the first screen: a screen asks for a word now.
  let wake = () => {};
  const [whole] = createResource(locale, async (wanted) => {
    // A language switched to is already on its way (setLocale): only the first screen's language waits.
    if (loading[wanted] === undefined) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        afterFirstScreen(resolve);
      });
    }
    await loadCatalogue(wanted);
    return wanted;
  });
  const value: I18n = {
    locale,
    setLocale(next) {
      void loadCatalogue(next);
      setLocaleSignal(next);
      storage?.setItem(STORAGE_KEY, next);
      document.documentElement.lang = next;
    },
    t: (key, args) => {
      const text = translate(key, args ?? {});
      if (text !== undefined) return String(text);
      if (catalogues[locale()] !== undefined) return key;
      void loadCatalogue(locale());
      wake();
      // Read outside any tracking (an event handler), an empty word could never fill in: the key says more.
      if (getListener() === null) return key;
      whole();
      return '';
    },
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
