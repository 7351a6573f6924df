import * as i18n from '@solid-primitives/i18n';
import { describe, expect, it } from 'vitest';
import { enMoney } from '../../i18n/en-money';
import { viMoney } from '../../i18n/vi-money';

describe('the money catalogues', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(Object.keys(i18n.flatten(enMoney)).sort()).toEqual(Object.keys(i18n.flatten(viMoney)).sort());
  });

  it('have no empty message and the same template slots in both languages', () => {
    const flatVi = i18n.flatten(viMoney) as Record<string, unknown>;
    const flatEn = i18n.flatten(enMoney) as Record<string, unknown>;
    const slots = (s: unknown) => [...String(s).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const [key, value] of Object.entries(flatVi)) {
      if (typeof value !== 'string') continue;
      expect(value.trim(), key).not.toBe('');
      expect(slots(flatEn[key]), key).toEqual(slots(value));
    }
  });
});
