// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import type { AgendaItemId, RichBlock } from '@chungtay/model';
import { newMemberId } from '@chungtay/model';
import { Editor } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { openMinutesSession } from '../src/data/minutes/minutes-session';
import { openTabletSigner } from '../src/device/signing-key';
import { richTextKit, richTextPasteProps } from '../src/ui/rich-text-editor/rich-text-kit';
import { WORD_CLIPBOARD } from '../src/ui/rich-text-editor/word-clipboard.fixture';
import { testMeeting } from './meeting';

// From the clipboard through the real editor and its Yjs binding into the minutes doc, and back out as
// the blocks the print view draws: the node and mark names the model reads are the ones the editor writes.

const text = (t: string, marks: { bold?: boolean; italic?: boolean } = {}) => ({
  type: 'text' as const,
  text: t,
  bold: marks.bold ?? false,
  italic: marks.italic ?? false,
  underline: false,
});
const para = (...content: ReturnType<typeof text>[]): RichBlock => ({ type: 'paragraph', content });

describe('pasted minutes on paper', () => {
  it('prints a pasted Word text with its lists and emphasis, and keeps printing the approved one', async () => {
    const [chair, secretary] = [newMemberId(), newMemberId()];
    const meeting = testMeeting(chair, secretary);
    const session = await openMinutesSession({
      clubId: 'club-paste-1',
      meeting,
      author: { id: 'device-1', name: 'Nguyễn Thị Hoa' },
      canEditClub: () => true,
    });
    const added = session.commands.addAgendaItem('Báo cáo quỹ');
    if (!added.ok) throw new Error('item not added');
    const item: AgendaItemId = added.value;
    const editor = new Editor({
      element: document.createElement('div'),
      extensions: [...richTextKit(), ...(session.bodyExtensions(item) ?? [])],
      editorProps: richTextPasteProps,
    });
    editor.view.pasteHTML(WORD_CLIPBOARD);

    const pasted: RichBlock[] = [
      para(text('Báo cáo quỹ', { bold: true }), text(' tháng 3 của '), text('Chi hội', { italic: true })),
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [
          {
            blocks: [
              para(text('Góp quỹ: 32.500.000 đồng')),
              {
                type: 'list',
                ordered: false,
                start: 1,
                items: [{ blocks: [para(text('Tổ 1 nộp '), text('đủ', { bold: true }))] }],
              },
            ],
          },
          { blocks: [para(text('Thăm hỏi hội viên ốm'))] },
        ],
      },
      para(text('Kế hoạch:')),
      {
        type: 'list',
        ordered: true,
        start: 1,
        items: [
          { blocks: [para(text('Sửa mái nhà bà Lan'))] },
          { blocks: [para(text('Mua '), text('ghế', { italic: true }), text(' cho nhà văn hóa'))] },
        ],
      },
    ];
    expect(session.printBodies()[item]).toEqual(pasted);

    expect((await session.commands.approve('chair', chair, await openTabletSigner())).ok).toBe(true);
    expect((await session.commands.approve('secretary', secretary, await openTabletSigner())).ok).toBe(true);
    // An editor still open for writing (a tablet that missed the approval) adds a line: a late edit.
    editor.commands.setContent('<p>Ghi thêm sau khi duyệt</p>');
    await Promise.resolve();
    expect(session.view.agenda[0]?.bodyText).toBe('Ghi thêm sau khi duyệt');
    expect(session.printBodies()[item]).toEqual(pasted);

    editor.destroy();
    await session.close();
  });
});
