import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { xmlFragmentToText } from './xml-text';

describe('xmlFragmentToText', () => {
  it('puts each block on its own line, joins formatted runs and nests lists', () => {
    const doc = new Y.Doc();
    const body = doc.getXmlFragment('body');
    const heading = new Y.XmlElement('heading');
    const text = new Y.XmlText();
    heading.insert(0, [text]);
    const list = new Y.XmlElement('bulletList');
    const items = ['Góp quỹ', 'Thăm hỏi'].map((t) => {
      const item = new Y.XmlElement('listItem');
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(t)]);
      item.insert(0, [p]);
      return item;
    });
    list.insert(0, items);
    body.insert(0, [heading, list]);
    text.insert(0, 'Quyết định ');
    text.insert(11, 'quan trọng', { bold: true });
    expect(xmlFragmentToText(body)).toBe('Quyết định quan trọng\nGóp quỹ\nThăm hỏi');
    expect(xmlFragmentToText(doc.getXmlFragment('empty'))).toBe('');
  });
});
