import { Select } from '@kobalte/core/select';
import type { JSX } from 'solid-js';

export interface SelectOption<T extends string> {
  readonly value: T;
  readonly label: string;
}

export interface SelectFieldProps<T extends string> {
  label: string;
  options: readonly SelectOption<T>[];
  value: T;
  onChange: (value: T) => void;
  class?: string;
  hideLabel?: boolean;
  disabled?: boolean;
}

interface Keyed<T extends string> extends SelectOption<T> {
  readonly key: string;
}

export function SelectField<T extends string>(props: SelectFieldProps<T>): JSX.Element {
  // Kobalte treats an empty option value as "no value", so "all" options ('')
  // get a non-empty key of their own.
  const keyed = (): Keyed<T>[] => props.options.map((o) => ({ ...o, key: `v:${o.value}` }));
  const selected = () => keyed().find((o) => o.value === props.value) ?? null;
  return (
    <Select<Keyed<T>>
      class={`field ${props.class ?? ''}`}
      options={keyed()}
      optionValue="key"
      optionTextValue="label"
      value={selected()}
      onChange={(option) => option && props.onChange(option.value)}
      disallowEmptySelection
      disabled={props.disabled ?? false}
      itemComponent={(item) => (
        <Select.Item item={item.item} class="select-item">
          <Select.ItemLabel>{item.item.rawValue.label}</Select.ItemLabel>
          <Select.ItemIndicator class="select-check">✓</Select.ItemIndicator>
        </Select.Item>
      )}
    >
      <Select.Label class={props.hideLabel ? 'visually-hidden' : 'field-label'}>{props.label}</Select.Label>
      <Select.Trigger class="field-input select-trigger" aria-label={props.label}>
        <Select.Value<Keyed<T>>>{(state) => state.selectedOption()?.label}</Select.Value>
        <Select.Icon class="select-icon">▾</Select.Icon>
      </Select.Trigger>
      <Select.Portal>
        <Select.Content class="select-content">
          <Select.Listbox class="select-listbox" />
        </Select.Content>
      </Select.Portal>
    </Select>
  );
}
