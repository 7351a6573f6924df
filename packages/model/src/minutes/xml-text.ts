import * as Y from 'yjs';

/**
 * The plain text of a rich-text fragment: text runs joined, each block element (paragraph, heading,
 * list item) on its own line. Formatting is dropped. Used to compare versions and for previews.
 */
export function xmlFragmentToText(fragment: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = [];
  let inline = '';
  const flush = (): void => {
    if (inline !== '') lines.push(inline);
    inline = '';
  };
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlText) {
      inline += textOf(child);
    } else if (child instanceof Y.XmlElement) {
      flush();
      const inner = xmlFragmentToText(child);
      if (inner !== '') lines.push(inner);
    }
  }
  flush();
  return lines.join('\n');
}

function textOf(text: Y.XmlText): string {
  let out = '';
  for (const op of text.toDelta() as { insert?: unknown }[]) {
    if (typeof op.insert === 'string') out += op.insert;
  }
  return out;
}
