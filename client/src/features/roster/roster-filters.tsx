import { AGE_BANDS, GENDERS, HOUSEHOLD_STATUSES, listHamlets } from '@chungtay/model';
import type { JSX } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { SelectField } from '../../ui/select-field/select-field';
import type { RosterFilterState, RosterStatus } from './roster-filters-state';

/** Loaded only when opened: keeps the select machinery out of the first roster paint. */
export default function RosterFilters(props: {
  filters: RosterFilterState;
  setFilters: SetStoreFunction<RosterFilterState>;
}): JSX.Element {
  const { t } = useI18n();
  const session = useClub();
  const all = (label: string) => ({ value: '' as const, label });
  return (
    <div class="filter-grid">
      <SelectField
        label={t('member.hamlet')}
        options={[
          all(t('roster.allHamlets')),
          ...listHamlets(session.club).map((h) => ({ value: h, label: h })),
        ]}
        value={props.filters.hamlet}
        onChange={(v) => props.setFilters('hamlet', v)}
      />
      <SelectField
        label={t('member.groups')}
        options={[
          all(t('roster.allGroups')),
          ...session.club.groups
            .filter((g) => !g.retiredOn)
            .map((g) => ({ value: g.id as string, label: g.name })),
        ]}
        value={props.filters.groupId}
        onChange={(v) => props.setFilters('groupId', v)}
      />
      <SelectField
        label={t('roster.ageBandLabel')}
        options={[
          all(t('roster.allAges')),
          ...AGE_BANDS.map((b) => ({ value: b, label: t(`ageBand.${b}`) })),
        ]}
        value={props.filters.ageBand}
        onChange={(v) => props.setFilters('ageBand', v)}
      />
      <SelectField
        label={t('member.gender')}
        options={[
          all(t('roster.allGenders')),
          ...GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) })),
        ]}
        value={props.filters.gender}
        onChange={(v) => props.setFilters('gender', v)}
      />
      <SelectField
        label={t('member.household')}
        options={[
          all(t('roster.allHouseholds')),
          ...HOUSEHOLD_STATUSES.map((h) => ({ value: h, label: t(`household.${h}`) })),
        ]}
        value={props.filters.household}
        onChange={(v) => props.setFilters('household', v)}
      />
      <SelectField<RosterStatus>
        label={t('roster.statusLabel')}
        options={[
          { value: 'active', label: t('roster.statusActive') },
          { value: 'left', label: t('roster.statusLeft') },
          { value: 'all', label: t('roster.statusAll') },
        ]}
        value={props.filters.status}
        onChange={(v) => props.setFilters('status', v)}
      />
    </div>
  );
}
