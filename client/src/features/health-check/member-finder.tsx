import type { Member } from '@chungtay/model';
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context';
import { filterByName } from '../shared/name-search';

const SHOWN = 12;

/** Finds a member measured at least once (search without diacritics) and links to their checks. */
export function MemberFinder(props: { clubId: string; members: readonly Member[] }): JSX.Element {
  const { t } = useI18n();
  const [query, setQuery] = createSignal('');
  const found = createMemo(() =>
    query().trim() === '' ? [] : filterByName(props.members, query()).slice(0, SHOWN),
  );
  return (
    <section class="member-finder" aria-labelledby="member-finder-title">
      <h2 id="member-finder-title">{t('healthCheck.trend.find')}</h2>
      <label class="field">
        <span class="field-label">{t('healthCheck.search')}</span>
        <input
          class="field-input"
          type="search"
          autocomplete="off"
          placeholder={t('healthCheck.searchPlaceholder')}
          value={query()}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </label>
      <Show when={query().trim() !== '' && found().length === 0}>
        <p class="empty">{t('healthCheck.attendance.noMatch', { query: query() })}</p>
      </Show>
      <ul class="member-finder-list">
        <For each={found()}>
          {(member) => (
            <li>
              <A href={`/club/${props.clubId}/health/${member.id}`}>{member.fullName}</A>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
