import { TextField as KTextField } from '@kobalte/core/text-field';
import { type JSX, Show } from 'solid-js';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: string;
  placeholder?: string;
  required?: boolean;
  multiline?: boolean;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'search';
  type?: 'text' | 'search' | 'tel' | 'password';
  name?: string;
  autofocus?: boolean;
  readOnly?: boolean;
  class?: string;
}

/** A labelled input that keeps what was typed and shows a message when it is refused. */
export function TextField(props: TextFieldProps): JSX.Element {
  return (
    <KTextField
      class={`field ${props.class ?? ''}`}
      value={props.value}
      onChange={props.onChange}
      validationState={props.error ? 'invalid' : 'valid'}
      required={props.required ?? false}
      readOnly={props.readOnly ?? false}
      name={props.name ?? ''}
    >
      <KTextField.Label class="field-label">{props.label}</KTextField.Label>
      <Show
        when={props.multiline}
        fallback={
          <KTextField.Input
            class="field-input"
            type={props.type ?? 'text'}
            inputMode={props.inputMode ?? 'text'}
            placeholder={props.placeholder ?? ''}
            autofocus={props.autofocus ?? false}
            autocomplete="off"
          />
        }
      >
        <KTextField.TextArea
          class="field-input field-textarea"
          autoResize
          placeholder={props.placeholder ?? ''}
        />
      </Show>
      <Show when={props.description}>
        <KTextField.Description class="field-description">{props.description}</KTextField.Description>
      </Show>
      <KTextField.ErrorMessage class="field-error">{props.error}</KTextField.ErrorMessage>
    </KTextField>
  );
}
