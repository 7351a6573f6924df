import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alice, bob, value } from '../../test/fixtures';
import { AT, forkMinutes, HUNG, LAN, newMinutes, typeParagraph } from '../../test/minutes-fixtures';
import { deliver } from '../../test/peers';
import { addAgendaItem } from './agenda-commands';
import { approveMinutes } from './approval';
import { getAgendaBody } from './minutes-layout';
import {
  getApprovedAgendaBlocks,
  type RichBlock,
  readAgendaBlocks,
  xmlFragmentToBlocks,
} from './rich-blocks';

/** Builds nodes in the shape the editor's Yjs binding writes: marks as format attributes ({} for bold). */
type Spec =
  | string
  | [string, Record<string, unknown>]
  | { el: string; attrs?: Record<string, unknown>; kids?: Spec[] };

function build(spec: Spec): Y.XmlElement | Y.XmlText {
  if (typeof spec === 'string') return new Y.XmlText(spec);
  if (Array.isArray(spec)) {
    const text = new Y.XmlText();
    text.applyDelta([{ insert: spec[0], attributes: spec[1] }]);
    return text;
  }
  const element = new Y.XmlElement(spec.el);
  for (const [key, v] of Object.entries(spec.attrs ?? {})) element.setAttribute(key, v as string);
  element.insert(0, (spec.kids ?? []).map(build));
  return element;
}

function body(...specs: Spec[]): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment('body');
  fragment.insert(0, specs.map(build));
  return fragment;
}

const p = (...kids: Spec[]): Spec => ({ el: 'paragraph', kids });
const li = (...kids: Spec[]): Spec => ({ el: 'listItem', kids });
const plain = (text: string) =>
  ({ type: 'text', text, bold: false, italic: false, underline: false }) as const;
const para = (text: string): RichBlock => ({ type: 'paragraph', content: [plain(text)] });

describe('xmlFragmentToBlocks', () => {
  it('gives an empty body, and blank paragraphs, no blocks', () => {
    expect(xmlFragmentToBlocks(new Y.Doc().getXmlFragment('body'))).toEqual([]);
    expect(xmlFragmentToBlocks(body(p(), p('  ')))).toEqual([]);
  });

  it('keeps bold, italic and underline runs and line breaks inside a paragraph', () => {
    const fragment = new Y.Doc().getXmlFragment('body');
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text, new Y.XmlElement('hardBreak'), new Y.XmlText('dòng hai')]);
    fragment.insert(0, [paragraph]);
    // Typed, then formatted, as the editor does: a format over part of an existing run.
    text.insert(0, 'Quỹ tăng thêm năm triệu đồng');
    text.format(4, 9, { bold: {} });
    text.format(9, 8, { italic: {} });
    text.format(18, 10, { underline: {} });
    text.format(18, 10, { underline: null });
    expect(xmlFragmentToBlocks(fragment)).toEqual([
      {
        type: 'paragraph',
        content: [
          plain('Quỹ '),
          { type: 'text', text: 'tăng ', bold: true, italic: false, underline: false },
          { type: 'text', text: 'thêm', bold: true, italic: true, underline: false },
          { type: 'text', text: ' năm', bold: false, italic: true, underline: false },
          plain(' triệu đồng'),
          { type: 'break' },
          plain('dòng hai'),
        ],
      },
    ]);
  });

  it('reads marks the binding stores under a hashed name', () => {
    expect(xmlFragmentToBlocks(body(p(['in đậm', { 'bold--AbCd12+/': {} }])))).toEqual([
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'in đậm', bold: true, italic: false, underline: false }],
      },
    ]);
  });

  it('keeps heading levels and clamps odd ones', () => {
    expect(
      xmlFragmentToBlocks(
        body(
          { el: 'heading', attrs: { level: 3 }, kids: ['Ý kiến'] },
          { el: 'heading', attrs: { level: '2' }, kids: ['Kết luận'] },
          { el: 'heading', attrs: { level: 9 }, kids: ['Sâu'] },
          { el: 'heading', kids: ['Không cấp'] },
        ),
      ),
    ).toEqual([
      { type: 'heading', level: 3, content: [plain('Ý kiến')] },
      { type: 'heading', level: 2, content: [plain('Kết luận')] },
      { type: 'heading', level: 6, content: [plain('Sâu')] },
      { type: 'heading', level: 2, content: [plain('Không cấp')] },
    ]);
  });

  it('nests a bulleted list inside a numbered list that starts at 3', () => {
    const blocks = xmlFragmentToBlocks(
      body(
        {
          el: 'orderedList',
          attrs: { start: 3 },
          kids: [
            li(p('Góp quỹ'), {
              el: 'bulletList',
              kids: [li(p('Tổ 1')), li(p(['Tổ 2', { bold: {} }])), li(p())],
            }),
            li(p('Thăm hỏi')),
          ],
        },
        { el: 'bulletList', kids: [li(p(' '))] },
      ),
    );
    expect(blocks).toEqual([
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [
          {
            blocks: [
              para('Góp quỹ'),
              {
                type: 'list',
                ordered: false,
                start: 1,
                items: [
                  { blocks: [para('Tổ 1')] },
                  {
                    blocks: [
                      {
                        type: 'paragraph',
                        content: [
                          { type: 'text', text: 'Tổ 2', bold: true, italic: false, underline: false },
                        ],
                      },
                    ],
                  },
                ],
              },
            ],
          },
          { blocks: [para('Thăm hỏi')] },
        ],
      },
    ]);
  });

  it('falls back to the text of a node it does not know, one paragraph a line', () => {
    expect(
      xmlFragmentToBlocks(
        body(
          { el: 'blockquote', kids: [p('Ý kiến của tổ 3'), p(['nhất trí', { bold: {} }])] },
          { el: 'horizontalRule' },
          p('Trước ', { el: 'mention', attrs: { id: 'x' }, kids: ['@Lan'] }, ' sau'),
        ),
      ),
    ).toEqual([
      para('Ý kiến của tổ 3'),
      para('nhất trí'),
      { type: 'paragraph', content: [plain('Trước '), plain('@Lan'), plain(' sau')] },
    ]);
  });
});

describe('getApprovedAgendaBlocks', () => {
  it('prints the bodies as approved, not an edit merged after the approval', () => {
    const doc = newMinutes();
    const item = value(addAgendaItem(doc, { title: 'Báo cáo quỹ' }, alice));
    typeParagraph(doc, item, 'Quỹ còn 32.500.000 đồng.');
    const [tablet] = forkMinutes(doc, 1) as [Y.Doc];
    expect(getApprovedAgendaBlocks(doc)).toBeNull();
    value(approveMinutes(doc, { role: 'secretary', by: HUNG, at: AT }, bob));
    value(approveMinutes(doc, { role: 'chair', by: LAN, at: AT }, alice));
    // Offline, before seeing the approval, a colleague bolds the sentence and adds one.
    const paragraph = getAgendaBody(tablet, item)?.get(0);
    if (!(paragraph instanceof Y.XmlElement)) throw new Error('no paragraph');
    const run = paragraph.get(0) as Y.XmlText;
    tablet.transact(() => run.format(0, 3, { bold: {} }), bob);
    typeParagraph(tablet, item, 'Ghi thêm khi mất sóng.');
    deliver(tablet, doc);

    expect(getApprovedAgendaBlocks(doc)).toEqual({ [item]: [para('Quỹ còn 32.500.000 đồng.')] });
    const live = readAgendaBlocks(doc)[item];
    expect(live?.[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Quỹ', bold: true, italic: false, underline: false },
        plain(' còn 32.500.000 đồng.'),
      ],
    });
    expect(live?.[1]).toEqual(para('Ghi thêm khi mất sóng.'));
  });
});
