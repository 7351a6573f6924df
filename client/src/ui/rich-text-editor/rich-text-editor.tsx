import { Editor, type Extensions } from '@tiptap/core';
import { createEffect, createSignal, For, type JSX, onCleanup, onMount } from 'solid-js';
import { holdRemoteWhileComposing } from './hold-remote';
import { richTextKit, richTextPasteProps } from './rich-text-kit';

export interface RichTextLabels {
  readonly toolbar: string;
  readonly bold: string;
  readonly italic: string;
  readonly heading: string;
  readonly bulletList: string;
  readonly orderedList: string;
}

type Mark = 'bold' | 'italic' | 'heading' | 'bulletList' | 'orderedList';

/**
 * A Tiptap (ProseMirror) editor with a small toolbar. What it edits comes in as `extensions` (the
 * collaboration binding from data/), so this component knows nothing of the document behind it; `holdRemote`
 * lets it hold others' changes while a word is being composed (see hold-remote.ts).
 */
export function RichTextEditor(props: {
  label: string;
  extensions: Extensions;
  holdRemote?: () => (() => void) | null;
  editable: boolean;
  labels: RichTextLabels;
  testId?: string;
}): JSX.Element {
  let host!: HTMLDivElement;
  const [editor, setEditor] = createSignal<Editor>();
  const [active, setActive] = createSignal<ReadonlySet<Mark>>(new Set());
  onMount(() => {
    const instance = new Editor({
      element: host,
      editable: props.editable,
      extensions: [
        ...richTextKit(),
        ...props.extensions,
        ...(props.holdRemote ? [holdRemoteWhileComposing(props.holdRemote)] : []),
      ],
      editorProps: {
        attributes: { 'aria-label': props.label, role: 'textbox', 'aria-multiline': 'true' },
        // Word's lists and a chat message's lines keep their structure when pasted.
        ...richTextPasteProps,
      },
    });
    const refresh = () => {
      const marks = new Set<Mark>();
      for (const name of ['bold', 'italic', 'heading', 'bulletList', 'orderedList'] as const) {
        if (instance.isActive(name)) marks.add(name);
      }
      setActive(marks);
    };
    instance.on('transaction', refresh);
    setEditor(instance);
  });
  createEffect(() => {
    const instance = editor();
    if (instance && instance.isEditable !== props.editable) instance.setEditable(props.editable);
  });
  onCleanup(() => editor()?.destroy());

  const buttons: { mark: Mark; text: string; run: (e: Editor) => void }[] = [
    { mark: 'bold', text: 'B', run: (e) => e.chain().focus().toggleBold().run() },
    { mark: 'italic', text: 'I', run: (e) => e.chain().focus().toggleItalic().run() },
    { mark: 'heading', text: 'H', run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
    { mark: 'bulletList', text: '•', run: (e) => e.chain().focus().toggleBulletList().run() },
    // Its "1." is drawn by CSS (.rich-text-orderedList::before): as text, a screen reader's name
    // ("Danh sách đánh số") would not contain the visible label, which voice control users say aloud.
    { mark: 'orderedList', text: '', run: (e) => e.chain().focus().toggleOrderedList().run() },
  ];
  return (
    <div class="rich-text" data-testid={props.testId} data-editable={props.editable ? 'true' : 'false'}>
      <div class="rich-text-toolbar" role="toolbar" aria-label={props.labels.toolbar}>
        <For each={buttons}>
          {(button) => (
            <button
              type="button"
              class={`rich-text-button rich-text-${button.mark}`}
              aria-label={props.labels[button.mark]}
              aria-pressed={active().has(button.mark)}
              disabled={!props.editable}
              // Keep the selection in the editor: a button taking focus would lose it.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                const instance = editor();
                if (instance) button.run(instance);
              }}
            >
              {button.text}
            </button>
          )}
        </For>
      </div>
      <div class="rich-text-body" ref={host} />
    </div>
  );
}
