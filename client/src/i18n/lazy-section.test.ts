import { createRoot, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { createSectionTranslator } from './lazy-section';
import type { Locale } from './locale';

const vi = { title: 'Quỹ', owed: 'Còn nợ {{ amount }}', chart: { title: 'Biểu đồ' } };
const en: typeof vi = { title: 'Funds', owed: 'Still owes {{ amount }}', chart: { title: 'Chart' } };

function withTranslator(test: (setLocale: (l: Locale) => void, tr: ReturnType<typeof create>) => void): void {
  createRoot((dispose) => {
    const [locale, setLocale] = createSignal<Locale>('vi');
    test(setLocale, create(locale));
    dispose();
  });
}
const create = (locale: () => Locale) => createSectionTranslator(locale, { vi, en });

describe('createSectionTranslator', () => {
  it('reads nested keys and fills template slots in Vietnamese', () => {
    withTranslator((_, tr) => {
      expect(tr('chart.title')).toBe('Biểu đồ');
      expect(tr('owed', { amount: '1.500.000 đ' })).toBe('Còn nợ 1.500.000 đ');
    });
  });

  it('follows the app language when it changes', () => {
    withTranslator((setLocale, tr) => {
      expect(tr('title')).toBe('Quỹ');
      setLocale('en');
      expect(tr('title')).toBe('Funds');
      expect(tr('owed', { amount: '1.500.000 đ' })).toBe('Still owes 1.500.000 đ');
      setLocale('vi');
      expect(tr('chart.title')).toBe('Biểu đồ');
    });
  });

  it('reads a missing key back as itself rather than an empty line', () => {
    withTranslator((_, tr) => {
      expect(tr('chart.missing' as 'chart.title')).toBe('chart.missing');
    });
  });
});
