import type { Extensions } from '@tiptap/core';
import { Fragment, DOMParser as SchemaParser, Slice } from '@tiptap/pm/model';
import type { EditorProps } from '@tiptap/pm/view';
import { StarterKit } from '@tiptap/starter-kit';
import { cleanPastedHtml, plainTextToHtml } from './paste-cleanup';

/**
 * The editor's schema and paste handling, in one place so the component and the tests that paste into a
 * real editor use the same ones.
 */
export function richTextKit(): Extensions {
  // Collaboration brings its own undo history (per writer); StarterKit's would undo others' text.
  return [StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] } })];
}

export const richTextPasteProps = {
  transformPastedHTML: (html) => cleanPastedHtml(html),
  clipboardTextParser(text, $context, _plain, view) {
    const { schema } = view.state;
    const trimmed = text.replace(/^[\r\n]+|[\r\n]+$/g, '');
    // One line goes inline, with the marks at the caret, as ProseMirror itself pastes it.
    if (!/[\r\n]/.test(trimmed)) {
      return new Slice(
        trimmed === '' ? Fragment.empty : Fragment.from(schema.text(trimmed, $context.marks())),
        0,
        0,
      );
    }
    const body = new DOMParser().parseFromString(plainTextToHtml(trimmed), 'text/html').body;
    return SchemaParser.fromSchema(schema).parseSlice(body, { preserveWhitespace: true, context: $context });
  },
} satisfies EditorProps;
