import { createSignal, type JSX } from 'solid-js';
import { TextField } from '../../ui/text-field/text-field';

/**
 * A text field over a shared value: what is typed stays local until the field loses focus, then it is
 * committed once. Remote changes show while the field is not being edited. `onCommit` returns an error
 * message to keep the draft and show it, or undefined when accepted.
 */
export function CommitField(props: {
  label: string;
  value: string;
  onCommit: (text: string) => string | undefined;
  disabled: boolean;
  multiline?: boolean;
  inputMode?: 'text' | 'numeric';
  class?: string;
}): JSX.Element {
  const [draft, setDraft] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string>();
  const commit = () => {
    const text = draft();
    if (text === null) return;
    if (text === props.value) {
      setDraft(null);
      setError(undefined);
      return;
    }
    const problem = props.onCommit(text);
    setError(problem);
    if (problem === undefined) setDraft(null);
  };
  return (
    <div class={`commit-field ${props.class ?? ''}`} onFocusOut={commit}>
      <TextField
        label={props.label}
        value={draft() ?? props.value}
        onChange={setDraft}
        readOnly={props.disabled}
        multiline={props.multiline ?? false}
        inputMode={props.inputMode ?? 'text'}
        error={error()}
      />
    </div>
  );
}
