// @vitest-environment happy-dom
import type { RichBlock } from '@chungtay/model';
import { render } from 'solid-js/web';
import { describe, expect, it } from 'vitest';
import { PrintBody } from './print-body';

const run = (text: string, bold = false, italic = false, underline = false) =>
  ({ type: 'text', text, bold, italic, underline }) as const;

function html(blocks: readonly RichBlock[]): string {
  const host = document.createElement('div');
  const dispose = render(() => <PrintBody blocks={blocks} />, host);
  const out = host.innerHTML;
  dispose();
  return out;
}

describe('PrintBody', () => {
  it('prints paragraphs with their emphasis and line breaks, and headings below the item title', () => {
    expect(
      html([
        { type: 'heading', level: 3, content: [run('Ý kiến')] },
        {
          type: 'paragraph',
          content: [run('Quỹ '), run('tăng', true, true), { type: 'break' }, run('gạch', false, false, true)],
        },
      ]),
    ).toBe(
      '<div class="print-body"><h5 class="print-body-heading">Ý kiến</h5>' +
        '<p class="print-para">Quỹ <strong><em>tăng</em></strong><br><u>gạch</u></p></div>',
    );
  });

  it('prints nested bulleted and numbered lists, with the first number', () => {
    expect(
      html([
        {
          type: 'list',
          ordered: true,
          start: 3,
          items: [
            {
              blocks: [
                { type: 'paragraph', content: [run('Góp quỹ')] },
                {
                  type: 'list',
                  ordered: false,
                  start: 1,
                  items: [{ blocks: [{ type: 'paragraph', content: [run('Tổ 1')] }] }],
                },
              ],
            },
          ],
        },
      ]),
    ).toBe(
      '<div class="print-body"><ol class="print-list" start="3"><li><p class="print-para">Góp quỹ</p>' +
        '<ul class="print-list"><li><p class="print-para">Tổ 1</p></li></ul></li></ol></div>',
    );
  });

  it('prints markup a writer typed as text', () => {
    expect(html([{ type: 'paragraph', content: [run('<b>không</b> in đậm')] }])).toBe(
      '<div class="print-body"><p class="print-para">&lt;b&gt;không&lt;/b&gt; in đậm</p></div>',
    );
  });
});
