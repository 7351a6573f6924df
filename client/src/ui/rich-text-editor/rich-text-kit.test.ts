// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { richTextKit, richTextPasteProps } from './rich-text-kit';
import { CHAT_MESSAGE, WORD_CLIPBOARD } from './word-clipboard.fixture';

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

function open(): Editor {
  editor = new Editor({
    element: document.createElement('div'),
    extensions: richTextKit(),
    editorProps: richTextPasteProps,
  });
  return editor;
}

describe('pasting into the minutes editor', () => {
  it('makes Word’s paragraphs, nested lists, bold and italic the editor’s own', () => {
    const e = open();
    e.view.pasteHTML(WORD_CLIPBOARD);
    expect(e.getHTML()).toBe(
      '<p><strong>Báo cáo quỹ</strong> tháng 3 của <em>Chi hội</em></p>' +
        '<ul><li><p>Góp quỹ: 32.500.000 đồng</p><ul><li><p>Tổ 1 nộp <strong>đủ</strong></p></li></ul></li>' +
        '<li><p>Thăm hỏi hội viên ốm</p></li></ul>' +
        '<p>Kế hoạch:</p>' +
        '<ol><li><p>Sửa mái nhà bà Lan</p></li><li><p>Mua <em>ghế</em> cho nhà văn hóa</p></li></ol>' +
        // The editor keeps a paragraph after a list to type into (StarterKit's trailing node).
        '<p></p>',
    );
  });

  it('makes a chat message’s paragraphs and typed lists real ones', () => {
    const e = open();
    e.view.pasteText(CHAT_MESSAGE);
    expect(e.getHTML()).toBe(
      '<p>Chị Lan báo cáo:<br>quỹ còn 32.500.000 đồng</p>' +
        '<ul><li><p>Góp quỹ tháng 3</p></li><li><p>Thăm hỏi hội viên ốm</p></li></ul>' +
        '<ol><li><p>Sửa mái nhà bà Lan</p></li><li><p>Mua ghế</p></li></ol>' +
        '<p>Hết.</p>',
    );
  });

  it('pastes one line inline, in the formatting at the caret', () => {
    const e = open();
    e.chain().insertContent('Quỹ ').toggleBold().insertContent('tăng').run();
    e.view.pasteText('- thêm\n');
    expect(e.getHTML()).toBe('<p>Quỹ <strong>tăng- thêm</strong></p>');
  });
});
