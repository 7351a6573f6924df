import { RadioGroup } from '@kobalte/core/radio-group';
import { For, type JSX } from 'solid-js';

export interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
}

/** A row of large buttons for a short list of choices: one tap, no menu to open. */
export function ChoiceGroup<T extends string>(props: {
  label: string;
  choices: readonly Choice<T>[];
  value: T | '';
  onChange: (value: T) => void;
  hideLabel?: boolean;
  class?: string;
}): JSX.Element {
  return (
    <RadioGroup
      class={`field choice-group ${props.class ?? ''}`}
      value={props.value}
      onChange={(value) => props.onChange(value as T)}
    >
      <RadioGroup.Label class={props.hideLabel ? 'visually-hidden' : 'field-label'}>
        {props.label}
      </RadioGroup.Label>
      <div class="choice-row">
        <For each={props.choices}>
          {(choice) => (
            <RadioGroup.Item value={choice.value} class={`choice choice-${choice.value}`}>
              <RadioGroup.ItemInput class="choice-input" />
              <RadioGroup.ItemControl class="choice-control">
                <RadioGroup.ItemLabel class="choice-label">{choice.label}</RadioGroup.ItemLabel>
              </RadioGroup.ItemControl>
            </RadioGroup.Item>
          )}
        </For>
      </div>
    </RadioGroup>
  );
}
