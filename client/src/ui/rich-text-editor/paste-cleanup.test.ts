// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cleanPastedHtml, plainTextToHtml } from './paste-cleanup';
import { CHAT_MESSAGE, WORD_CLIPBOARD } from './word-clipboard.fixture';

function parse(html: string): HTMLElement {
  return new DOMParser().parseFromString(html, 'text/html').body;
}

/** The cleaned HTML's structure: each element with its text when it has no child elements. */
function outline(element: Element, depth = 0): string[] {
  return [...element.children].flatMap((child) => {
    const tag = child.tagName.toLowerCase();
    if (['span', 'b', 'i'].includes(tag)) return [];
    const text =
      child.querySelector('p, li, ul, ol') === null ? ` "${(child.textContent ?? '').trim()}"` : '';
    const start = child.getAttribute('start') ? ` start=${child.getAttribute('start')}` : '';
    return [`${'  '.repeat(depth)}${tag}${start}${text}`, ...outline(child, depth + 1)];
  });
}

describe('cleanPastedHtml', () => {
  it('turns Word list paragraphs into nested lists and drops Word’s markers, comments and blank lines', () => {
    const body = parse(cleanPastedHtml(WORD_CLIPBOARD));
    expect(outline(body)).toEqual([
      'p "Báo cáo quỹ tháng 3 của Chi hội"',
      'ul',
      '  li',
      '    p "Góp quỹ: 32.500.000 đồng"',
      '    ul',
      '      li',
      '        p "Tổ 1 nộp đủ"',
      '  li',
      '    p "Thăm hỏi hội viên ốm"',
      'p "Kế hoạch:"',
      'ol',
      '  li',
      '    p "Sửa mái nhà bà Lan"',
      '  li',
      '    p "Mua ghế cho nhà văn hóa"',
    ]);
    const html = body.innerHTML;
    expect(html).not.toMatch(/<!--|o:p|mso-list:ignore|·|\u00a0|&nbsp;|supportLists|StartFragment/i);
    // Bold and italic stay for the editor's parser.
    expect(body.querySelector('p > b')?.textContent).toBe('Báo cáo quỹ');
    expect(body.querySelector('ol i')?.textContent).toBe('ghế');
  });

  it('keeps a numbered list’s first number and tells numbered from bulleted by Word’s marker', () => {
    const item = (marker: string, level: number, text: string) =>
      `<p class=MsoListParagraph style='mso-list:l3 level${level} lfo4'><![if !supportLists]><span><span style='mso-list:Ignore'>${marker}<span>&nbsp;&nbsp; </span></span></span><![endif]>${text}</p>`;
    const body = parse(
      cleanPastedHtml(`${item('3.', 1, 'Ba')}${item('a)', 2, 'Ý a')}${item('4.', 1, 'Bốn')}`),
    );
    expect(outline(body)).toEqual([
      'ol start=3',
      '  li',
      '    p "Ba"',
      '    ol',
      '      li',
      '        p "Ý a"',
      '  li',
      '    p "Bốn"',
    ]);
  });

  it('maps headings to the editor’s two levels and leaves the editor’s own copies alone', () => {
    expect(cleanPastedHtml('<h1>Phần một</h1><h4>Mục nhỏ</h4><h3>Giữ</h3>')).toBe(
      '<h2>Phần một</h2><h3>Mục nhỏ</h3><h3>Giữ</h3>',
    );
    const own = '<p data-pm-slice="1 1 []"><strong>Đã có</strong></p><p></p>';
    expect(cleanPastedHtml(own)).toBe(own);
  });
});

describe('plainTextToHtml', () => {
  it('makes paragraphs of blank-line blocks, keeps line breaks and builds lists from typed markers', () => {
    expect(plainTextToHtml(CHAT_MESSAGE)).toBe(
      '<p>Chị Lan báo cáo:<br>quỹ còn 32.500.000 đồng</p>' +
        '<ul><li><p>Góp quỹ tháng 3</p></li><li><p>Thăm hỏi hội viên ốm</p></li></ul>' +
        '<ol><li><p>Sửa mái nhà bà Lan</p></li><li><p>Mua ghế</p></li></ol>' +
        '<p>Hết.</p>',
    );
  });

  it('nests indented items, starts a numbered list where it starts, and escapes markup', () => {
    expect(plainTextToHtml('• Tổ 1\r\n  - Lan <b>\r\n  - Mai & Hoa\r\n• Tổ 2\r\n\r\n3) Ba\r\n4) Bốn')).toBe(
      '<ul><li><p>Tổ 1</p><ul><li><p>Lan &lt;b&gt;</p></li><li><p>Mai &amp; Hoa</p></li></ul></li>' +
        '<li><p>Tổ 2</p></li></ul>' +
        '<ol start="3"><li><p>Ba</p></li><li><p>Bốn</p></li></ol>',
    );
  });

  it('does not take a number inside a sentence or a dash without a space for a list', () => {
    expect(plainTextToHtml('Năm 2026. Quỹ tăng\n-5 độ')).toBe('<p>Năm 2026. Quỹ tăng<br>-5 độ</p>');
  });
});
