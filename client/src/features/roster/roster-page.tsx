import { filterMembers } from '@chungtay/model';
import { createComponent, createMemo, createSignal, For, type JSX, lazy, onMount, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { MemberRow } from './member-row';
import {
  countActiveFilters,
  NO_FILTERS,
  type RosterFilterState,
  toMemberFilters,
} from './roster-filters-state';
import { RosterSearch } from './roster-search';

const RosterFilters = lazy(() => import('./roster-filters'));
const AddMemberDialog = lazy(() => import('./add-member-dialog'));

type Banner = () => JSX.Element;

/**
 * The duplicates banner's code, loaded and run once the rows are painted: it compares every name, and its
 * merge commands are not needed to see the roster. Not a lazy component: one inside the page's Suspense
 * would put the loading line back over the painted rows while it loads.
 */
function useAfterPaint(load: () => Promise<Banner>): () => Banner | undefined {
  const [loaded, setLoaded] = createSignal<Banner>();
  onMount(() => requestAnimationFrame(() => setTimeout(() => void load().then((c) => setLoaded(() => c)))));
  return loaded;
}

export function RosterPage(): JSX.Element {
  const { t } = useI18n();
  const session = useClub();
  const club = () => session.club;
  const [query, setQuery] = createSignal('');
  const [filters, setFilters] = createStore<RosterFilterState>({ ...NO_FILTERS });
  const [showFilters, setShowFilters] = createSignal(false);
  const [adding, setAdding] = createSignal(false);

  const shown = createMemo(() => filterMembers(club(), toMemberFilters(query(), filters), session.today()));
  const activeTotal = createMemo(() => club().members.filter((m) => !m.left && !m.mergedInto).length);
  const filterCount = () => countActiveFilters(filters);
  const duplicatesBanner = useAfterPaint(() => import('./duplicates-banner').then((m) => m.DuplicatesBanner));

  return (
    <section class="roster">
      <div class="page-title-row">
        <h1>{t('roster.title')}</h1>
        <Button variant="primary" onClick={() => setAdding(true)} disabled={!session.canEdit()}>
          + {t('roster.add')}
        </Button>
      </div>
      <Show when={session.role() !== 'viewer'}>
        {/* Plain links to lazy routes: the Excel readers and writers load only on those screens. */}
        <div class="actions-row roster-file-links">
          <Show when={session.canEdit()}>
            <a class="btn btn-secondary" href={`/club/${session.clubId}/import`}>
              {t('roster.importExcel')}
            </a>
          </Show>
          <a class="btn btn-secondary" href={`/club/${session.clubId}/export`}>
            {t('roster.exportList')}
          </a>
        </div>
      </Show>
      <Show when={duplicatesBanner()}>{(banner) => createComponent(banner(), {})}</Show>
      <div class="filters card">
        <div class="search-row">
          <RosterSearch
            label={t('roster.searchLabel')}
            placeholder={t('roster.search')}
            value={query()}
            onChange={setQuery}
          />
          <Button
            variant={filterCount() > 0 ? 'primary' : 'secondary'}
            aria-expanded={showFilters()}
            onClick={() => setShowFilters(!showFilters())}
          >
            {t('roster.filters')}
            <Show when={filterCount() > 0}> ({filterCount()})</Show>
          </Button>
        </div>
        <Show when={showFilters()}>
          <RosterFilters filters={filters} setFilters={setFilters} />
        </Show>
        <div class="filter-summary">
          <span data-testid="roster-count">
            {t('roster.count', { shown: shown().length, total: activeTotal() })}
          </span>
          <Show when={query() !== '' || filterCount() > 0}>
            <Button
              variant="quiet"
              onClick={() => {
                setQuery('');
                setFilters({ ...NO_FILTERS });
              }}
            >
              {t('roster.clearFilters')}
            </Button>
          </Show>
        </div>
      </div>
      <Show
        when={shown().length > 0}
        fallback={
          <p class="empty">{club().members.length === 0 ? t('roster.empty') : t('roster.noResults')}</p>
        }
      >
        <ul class="member-list" aria-label={t('roster.title')}>
          <For each={shown()}>
            {(member) => (
              <li>
                {/* A plain anchor, not the router's <A>: the router still navigates on a click (it takes
                    every same-origin link), and <A>'s per-row memos and prop spreading were a third of the
                    time from the club loaded to its roster painted. */}
                <a href={`/club/${session.clubId}/members/${member.id}`} class="member-link">
                  <MemberRow member={member} today={session.today()} />
                </a>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={adding()}>
        <AddMemberDialog onClose={() => setAdding(false)} />
      </Show>
    </section>
  );
}
