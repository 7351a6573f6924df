import { For, type JSX } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context';
import { TextField } from '../../ui/text-field/text-field';

export const PLACE_FIELDS = ['hamlet', 'commune', 'district', 'province'] as const;
export type PlaceField = (typeof PLACE_FIELDS)[number];

/** Where a club is: hamlet, commune, district, province (the levels supervisors report up through). */
export function PlaceFields(props: {
  value: Readonly<Record<PlaceField, string>>;
  onChange: (field: PlaceField, value: string) => void;
}): JSX.Element {
  const { t } = useI18n();
  return (
    <For each={PLACE_FIELDS}>
      {(field) => (
        <TextField
          label={t(`create.${field}`)}
          value={props.value[field]}
          onChange={(v) => props.onChange(field, v)}
        />
      )}
    </For>
  );
}
