import { Checkbox } from '@kobalte/core/checkbox';
import type { JSX } from 'solid-js';

export function CheckboxField(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}): JSX.Element {
  return (
    <Checkbox class="checkbox" checked={props.checked} onChange={props.onChange}>
      <Checkbox.Input class="checkbox-input" />
      <Checkbox.Control class="checkbox-control">
        <Checkbox.Indicator>✓</Checkbox.Indicator>
      </Checkbox.Control>
      <Checkbox.Label class="checkbox-label">{props.label}</Checkbox.Label>
    </Checkbox>
  );
}
