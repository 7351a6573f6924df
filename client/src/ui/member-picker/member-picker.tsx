import { matchesQuery } from '@chungtay/model';
import { Combobox } from '@kobalte/core/combobox';
import type { JSX } from 'solid-js';

export interface PickerOption {
  readonly id: string;
  readonly label: string;
}

/** Chooses one member by typing part of the name, with or without diacritics. */
export function MemberPicker(props: {
  label: string;
  placeholder: string;
  options: readonly PickerOption[];
  onPick: (id: string) => void;
}): JSX.Element {
  return (
    <Combobox<PickerOption>
      class="field"
      options={[...props.options]}
      optionValue="id"
      optionTextValue="label"
      optionLabel="label"
      value={null}
      onChange={(option) => option && props.onPick(option.id)}
      defaultFilter={(option, input) => matchesQuery(option.label, input)}
      placeholder={props.placeholder}
      triggerMode="focus"
      itemComponent={(item) => (
        <Combobox.Item item={item.item} class="select-item">
          <Combobox.ItemLabel>{item.item.rawValue.label}</Combobox.ItemLabel>
        </Combobox.Item>
      )}
    >
      <Combobox.Label class="field-label">{props.label}</Combobox.Label>
      <Combobox.Control class="combobox-control" aria-label={props.label}>
        <Combobox.Input class="field-input" />
        <Combobox.Trigger class="btn btn-quiet combobox-trigger" aria-label={props.label}>
          <Combobox.Icon>▾</Combobox.Icon>
        </Combobox.Trigger>
      </Combobox.Control>
      <Combobox.Portal>
        <Combobox.Content class="select-content">
          <Combobox.Listbox class="select-listbox" />
        </Combobox.Content>
      </Combobox.Portal>
    </Combobox>
  );
}
