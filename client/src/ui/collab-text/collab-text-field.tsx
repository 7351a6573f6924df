import {
  createEffect,
  createMemo,
  createSignal,
  createUniqueId,
  type JSX,
  onCleanup,
  Show,
  untrack,
} from 'solid-js';
import { bindCollabText, type CollabTextSource } from './collab-text';

export type { CollabTextSource };

export interface CollabTextFieldProps {
  label: string;
  /** The shared field; null while it is not there (a record removed elsewhere). */
  source: CollabTextSource | null;
  multiline?: boolean;
  readOnly?: boolean;
  class?: string;
  testId?: string;
}

/**
 * A labelled text box several tablets write in at once: every keystroke goes to the shared field as it
 * is typed, and others' typing shows as it arrives without moving this writer's caret (collab-text.ts).
 * Not a Kobalte TextField: a controlled value would rewrite the whole box on each change and lose the
 * caret, which is what this component exists to avoid.
 */
export function CollabTextField(props: CollabTextFieldProps): JSX.Element {
  const id = createUniqueId();
  const [error, setError] = createSignal<string>();
  let field: HTMLInputElement | HTMLTextAreaElement | undefined;
  // One kind of box for the life of the component: the binding holds on to the element.
  const multiline = untrack(() => props.multiline ?? false);
  // A screen may build its source again when unrelated data changes; rebinding would reset the box.
  const source = createMemo(() => props.source, null, {
    equals: (a, b) => a === b || (a?.key !== undefined && a.key === b?.key),
  });
  createEffect(() => {
    const current = source();
    if (current === null || field === undefined) return;
    const unbind = bindCollabText(field, current, setError);
    onCleanup(unbind);
  });
  const readOnly = () => (props.readOnly ?? false) || source() === null;
  const invalid = () => (error() !== undefined ? ('true' as const) : undefined);
  const describedBy = () => (error() !== undefined ? `${id}-error` : undefined);
  return (
    <div class={`field ${props.class ?? ''}`} data-invalid={error() !== undefined ? '' : undefined}>
      <label class="field-label" for={id}>
        {props.label}
      </label>
      {multiline ? (
        <textarea
          ref={(el) => {
            field = el;
          }}
          id={id}
          class="field-input field-textarea"
          readOnly={readOnly()}
          aria-invalid={invalid()}
          aria-describedby={describedBy()}
          data-testid={props.testId}
        />
      ) : (
        <input
          ref={(el) => {
            field = el;
          }}
          id={id}
          type="text"
          autocomplete="off"
          class="field-input"
          readOnly={readOnly()}
          aria-invalid={invalid()}
          aria-describedby={describedBy()}
          data-testid={props.testId}
        />
      )}
      <Show when={error()}>
        <p id={`${id}-error`} class="field-error">
          {error()}
        </p>
      </Show>
    </div>
  );
}
