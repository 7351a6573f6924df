import { diffText, type TextChange } from '@chungtay/model';

/**
 * What a collaborative text box is bound to: the shared field's value, a way to send one edit, and the
 * changes others make. The data layer adapts a model `TextFieldHandle` to this (turning a refusal into a
 * message); the box never sees the document behind it.
 */
export interface CollabTextSource {
  /** Names the field: a new source object with the same key is the same field, and the box stays bound. */
  readonly key?: string;
  value(): string;
  /** Sends one edit typed here; returns a message when it was refused (nothing written). */
  applyDelta(index: number, deleteCount: number, insert: string): string | undefined;
  subscribe(listener: (change: TextChange) => void): () => void;
  /** Holds others' changes while a word is composed through the IME; returns the release, or null. */
  holdRemote?: () => (() => void) | null;
}

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * Binds a plain <input> or <textarea> to a shared text field. Each local edit is sent as the one edit
 * that turns what the box showed into what it shows now (insert or delete at the caret, never the whole
 * text); a change from elsewhere rewrites the box and moves the caret with the text around it, so a
 * writer keeps typing where they were. While the IME composes a word (Telex, VNI) others' changes are
 * held, as in the agenda bodies. Returns the unbind.
 */
export function bindCollabText(
  field: Field,
  source: CollabTextSource,
  onError: (message: string | undefined) => void,
): () => void {
  let shown = source.value();
  field.value = shown;
  let release: (() => void) | null = null;

  const onInput = () => {
    const next = field.value;
    const edit = diffText(shown, next, field.selectionEnd ?? next.length);
    if (edit.deleteCount === 0 && edit.insert.length === 0) return;
    const problem = source.applyDelta(edit.index, edit.deleteCount, edit.insert);
    onError(problem);
    if (problem === undefined) {
      shown = next;
      return;
    }
    // Refused (too long, approved meanwhile): the box goes back to the shared value.
    const caret = edit.index;
    showValue(source.value());
    if (document.activeElement === field) field.setSelectionRange(caret, caret);
  };

  const showValue = (value: string) => {
    field.value = value;
    shown = value;
  };

  const unsubscribe = source.subscribe((change) => {
    const value = source.value();
    if (value === field.value) {
      shown = value;
      return;
    }
    const focused = document.activeElement === field;
    const start = field.selectionStart ?? 0;
    const end = field.selectionEnd ?? 0;
    showValue(value);
    if (!focused) return;
    const clamp = (n: number) => Math.max(0, Math.min(n, value.length));
    field.setSelectionRange(clamp(shiftPosition(start, change)), clamp(shiftPosition(end, change)));
  });

  const onCompositionStart = () => {
    release ??= source.holdRemote?.() ?? null;
  };
  const onCompositionEnd = () => {
    // After the input event that carries the composed word.
    setTimeout(() => {
      release?.();
      release = null;
    }, 0);
  };

  field.addEventListener('input', onInput);
  field.addEventListener('compositionstart', onCompositionStart);
  field.addEventListener('compositionend', onCompositionEnd);
  field.addEventListener('blur', onCompositionEnd);
  return () => {
    unsubscribe();
    release?.();
    release = null;
    field.removeEventListener('input', onInput);
    field.removeEventListener('compositionstart', onCompositionStart);
    field.removeEventListener('compositionend', onCompositionEnd);
    field.removeEventListener('blur', onCompositionEnd);
  };
}

/**
 * Where a caret at `position` belongs after others' ops: text they inserted before it (or at it) moves it
 * right, text they deleted before it moves it left, and a caret inside deleted text goes to where the
 * deletion was. A whole replacement (null) keeps the index.
 */
export function shiftPosition(position: number, change: TextChange): number {
  if (change === null) return position;
  let index = 0; // position in the old text
  let shift = 0;
  for (const op of change) {
    if (index > position) break;
    if ('retain' in op) index += op.retain;
    else if ('insert' in op) {
      if (index <= position) shift += op.insert.length;
    } else {
      const deleted = Math.min(op.delete, position - index);
      if (deleted > 0) shift -= deleted;
      index += op.delete;
    }
  }
  return position + shift;
}
