import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import { type JSX, Suspense } from 'solid-js';
import { afterEach, describe, expect, it, vi as vitest } from 'vitest';
import { vi } from './vi';
import { viCore } from './vi-core';

// The setup file loads the whole catalogue into the shared module; each test here starts from a fresh copy
// of i18n-context, as a tablet does on opening: the core's words only.
async function freshContext() {
  vitest.resetModules();
  return import('./i18n-context');
}

afterEach(cleanup);

describe('the Vietnamese words on opening', () => {
  it('holds the first screens words as they are in the whole catalogue', () => {
    for (const [section, words] of Object.entries(viCore)) {
      expect(vi[section as keyof typeof vi], section).toEqual(words);
    }
    expect(Object.keys(viCore).length).toBeLessThan(Object.keys(vi).length);
  });

  it('shows a core word at once and keeps a screen that needs another word waiting, never showing a key', async () => {
    const { I18nProvider, useI18n } = await freshContext();
    function Word(props: { key: Parameters<ReturnType<typeof useI18n>['t']>[0] }): JSX.Element {
      const { t } = useI18n();
      return <p data-testid={props.key}>{t(props.key)}</p>;
    }
    render(() => (
      <I18nProvider storage={new MemoryStorage()}>
        <Word key="nav.roster" />
        <Suspense fallback={<p>waiting</p>}>
          <Word key="meetings.title" />
        </Suspense>
      </I18nProvider>
    ));
    expect(screen.getByTestId('nav.roster').textContent).toBe(viCore.nav.roster);
    expect(screen.queryByText('meetings.title')).toBeNull();
    expect(screen.getByText('waiting')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('meetings.title').textContent).toBe(vi.meetings.title));
    expect(screen.queryByText('waiting')).toBeNull();
  });

  it('fills in a word outside the core that is read outside any waiting screen', async () => {
    const { I18nProvider, useI18n } = await freshContext();
    function Title(): JSX.Element {
      const { t } = useI18n();
      return <p data-testid="title">{t('groups.title')}</p>;
    }
    render(() => (
      <I18nProvider storage={new MemoryStorage()}>
        <Title />
      </I18nProvider>
    ));
    expect(screen.getByTestId('title').textContent).toBe('');
    await waitFor(() => expect(screen.getByTestId('title').textContent).toBe(vi.groups.title));
  });
});

/** A device's saved language: none, so Vietnamese. */
class MemoryStorage implements Storage {
  readonly #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  clear() {
    this.#items.clear();
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.#items.delete(key);
  }
  setItem(key: string, value: string) {
    this.#items.set(key, value);
  }
}
