import * as i18n from '@solid-primitives/i18n';
import { type Accessor, createMemo } from 'solid-js';
import type { Locale } from './locale';

/** A message key of a section catalogue: `'chart.title'` for `{ chart: { title } }`. */
export type SectionKey<T extends i18n.BaseRecordDict> = keyof i18n.Flatten<T>;

export type SectionTranslate<T extends i18n.BaseRecordDict> = (
  key: SectionKey<T>,
  args?: Record<string, string | number>,
) => string;

/**
 * A translator over one section catalogue that is not wired into `vi.ts` (the money, import and health
 * screens' words): the screen that calls this imports both languages, so they ride in that screen's lazy
 * chunk and the roster's first chunk does not carry them. It follows the app's language as it changes;
 * a key the catalogue lacks reads back as itself, as the main catalogue's `t` does.
 */
export function createSectionTranslator<T extends i18n.BaseRecordDict>(
  locale: Accessor<Locale>,
  catalogues: Readonly<Record<Locale, T>>,
): SectionTranslate<T> {
  const dict = createMemo(() => i18n.flatten(catalogues[locale()]));
  // The generic catalogue hides the per-key argument types the library computes; every message here is a
  // string template, so the plain signature is the honest one.
  const translate = i18n.translator(dict, i18n.resolveTemplate) as (key: string, args: object) => unknown;
  return (key, args) => String(translate(key as string, args ?? {}) ?? String(key));
}
