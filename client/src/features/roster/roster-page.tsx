import {
  AGE_BANDS,
  type AgeBand,
  filterMembers,
  GENDERS,
  HOUSEHOLD_STATUSES,
  listHamlets,
  type MemberFilters,
} from '@chungtay/model';
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useClub } from '../../data/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { Dialog } from '../../ui/dialog/dialog';
import { SelectField } from '../../ui/select-field/select-field';
import { TextField } from '../../ui/text-field/text-field';
import { feedback } from '../shared/command-feedback';
import { DuplicatesBanner } from './duplicates-banner';
import { MemberForm } from './member-form';
import { MemberRow } from './member-row';

type Status = NonNullable<MemberFilters['status']>;

export function RosterPage(): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useClub();
  const club = () => session.club;
  const [query, setQuery] = createSignal('');
  const [filters, setFilters] = createStore({ hamlet: '', groupId: '', ageBand: '', gender: '', household: '', status: 'active' as Status });
  const [adding, setAdding] = createSignal(false);

  const shown = createMemo(() => {
    const f: MemberFilters = {
      query: query(),
      status: filters.status,
      ...(filters.hamlet ? { hamlet: filters.hamlet } : {}),
      ...(filters.groupId ? { groupId: filters.groupId as MemberFilters['groupId'] & string } : {}),
      ...(filters.ageBand ? { ageBand: filters.ageBand as AgeBand } : {}),
      ...(filters.gender ? { gender: filters.gender as (typeof GENDERS)[number] } : {}),
      ...(filters.household ? { household: filters.household as (typeof HOUSEHOLD_STATUSES)[number] } : {}),
    };
    return filterMembers(club(), f, session.today());
  });
  const activeTotal = createMemo(() => club().members.filter((m) => !m.left && !m.mergedInto).length);
  const anyFilter = () =>
    query() !== '' || filters.hamlet || filters.groupId || filters.ageBand || filters.gender || filters.household || filters.status !== 'active';

  const all = (label: string) => ({ value: '', label });
  return (
    <section class="roster">
      <div class="page-title-row">
        <h1>{t('roster.title')}</h1>
        <Button variant="primary" onClick={() => setAdding(true)} disabled={session.newerVersion !== null}>
          + {t('roster.add')}
        </Button>
      </div>
      <DuplicatesBanner />
      <div class="filters card">
        <TextField
          class="search-field"
          label={t('roster.searchLabel')}
          placeholder={t('roster.search')}
          type="search"
          inputMode="search"
          value={query()}
          onChange={setQuery}
        />
        <div class="filter-grid">
          <SelectField
            label={t('member.hamlet')}
            options={[all(t('roster.allHamlets')), ...listHamlets(club()).map((h) => ({ value: h, label: h }))]}
            value={filters.hamlet}
            onChange={(v) => setFilters('hamlet', v)}
          />
          <SelectField
            label={t('member.groups')}
            options={[
              all(t('roster.allGroups')),
              ...club()
                .groups.filter((g) => !g.retiredOn)
                .map((g) => ({ value: g.id as string, label: g.name })),
            ]}
            value={filters.groupId}
            onChange={(v) => setFilters('groupId', v)}
          />
          <SelectField
            label={t('roster.ageBandLabel')}
            options={[all(t('roster.allAges')), ...AGE_BANDS.map((b) => ({ value: b, label: t(`ageBand.${b}`) }))]}
            value={filters.ageBand}
            onChange={(v) => setFilters('ageBand', v)}
          />
          <SelectField
            label={t('member.gender')}
            options={[all(t('roster.allGenders')), ...GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))]}
            value={filters.gender}
            onChange={(v) => setFilters('gender', v)}
          />
          <SelectField
            label={t('member.household')}
            options={[
              all(t('roster.allHouseholds')),
              ...HOUSEHOLD_STATUSES.map((h) => ({ value: h, label: t(`household.${h}`) })),
            ]}
            value={filters.household}
            onChange={(v) => setFilters('household', v)}
          />
          <SelectField<Status>
            label={t('roster.statusLabel')}
            options={[
              { value: 'active', label: t('roster.statusActive') },
              { value: 'left', label: t('roster.statusLeft') },
              { value: 'all', label: t('roster.statusAll') },
            ]}
            value={filters.status}
            onChange={(v) => setFilters('status', v)}
          />
        </div>
        <div class="filter-summary">
          <span data-testid="roster-count">{t('roster.count', { shown: shown().length, total: activeTotal() })}</span>
          <Show when={anyFilter()}>
            <Button
              variant="quiet"
              onClick={() => {
                setQuery('');
                setFilters({ hamlet: '', groupId: '', ageBand: '', gender: '', household: '', status: 'active' });
              }}
            >
              {t('roster.clearFilters')}
            </Button>
          </Show>
        </div>
      </div>
      <Show
        when={shown().length > 0}
        fallback={<p class="empty">{club().members.length === 0 ? t('roster.empty') : t('roster.noResults')}</p>}
      >
        <ul class="member-list" aria-label={t('roster.title')}>
          <For each={shown()}>
            {(member) => (
              <li>
                <A href={`/club/${session.clubId}/members/${member.id}`} class="member-link">
                  <MemberRow member={member} today={session.today()} />
                </A>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Dialog open={adding()} onOpenChange={setAdding} title={t('member.addTitle')}>
        <MemberForm
          today={session.today()}
          onCancel={() => setAdding(false)}
          onSubmit={({ input, consent }) => {
            const added = session.commands.addMember(input);
            const errors = feedback(i18n, added, t('member.added', { name: input.fullName.trim() }));
            if (added.ok) {
              if (consent) session.commands.recordConsent(added.value, { givenOn: session.today(), recordedBy: session.author.name });
              setAdding(false);
            }
            return errors;
          }}
        />
      </Dialog>
    </section>
  );
}
