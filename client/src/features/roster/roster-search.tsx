import { createUniqueId, type JSX } from 'solid-js';

/**
 * The roster's search box, a plain labelled input with the text fields' look: the shared TextField is
 * Kobalte's, whose form-control code was a few kilobytes of the roster's first script for one input that
 * never shows an error.
 */
export function RosterSearch(props: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}): JSX.Element {
  const id = createUniqueId();
  return (
    <div class="field search-field">
      <label class="field-label" for={id}>
        {props.label}
      </label>
      <input
        id={id}
        class="field-input"
        type="search"
        inputMode="search"
        autocomplete="off"
        placeholder={props.placeholder}
        value={props.value}
        onInput={(event) => props.onChange(event.currentTarget.value)}
      />
    </div>
  );
}
