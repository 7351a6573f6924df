import type { AgendaItemId } from '@chungtay/model';
import * as model from '@chungtay/model';
import { newClubId, newMemberId } from '@chungtay/model';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testMeeting } from '../../../test/meeting';
import { openTabletSigner } from '../../device/signing-key';
import { bindMinutesCommands } from './minutes-commands';
import { createMinutesUndo } from './minutes-undo';

const hoa = model.localOrigin({ id: 'device-hoa', name: 'Nguyễn Thị Hoa' });

/** Started minutes with one agenda item, and the undo made after the start (as the session makes it). */
function startedMinutes() {
  const doc = model.createMinutesDoc();
  const chair = newMemberId();
  model.createMinutes(doc, model.minutesInputFromMeeting(newClubId(), testMeeting(chair, chair)), hoa);
  const commands = bindMinutesCommands(doc, hoa);
  const undo = createMinutesUndo(doc, hoa);
  const added = commands.addAgendaItem('Báo cáo quỹ');
  if (!added.ok) throw new Error('no agenda item');
  undo.stopCapturing();
  const body = model.getAgendaBody(doc, added.value as AgendaItemId);
  if (!body) throw new Error('no body');
  return { doc, commands, undo, body, chair };
}

/** What Tiptap's binding does for a keystroke in an agenda body: a transaction with its plugin key. */
function type(doc: Y.Doc, body: Y.XmlFragment, text: string): void {
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    body.insert(body.length, [paragraph]);
  }, ySyncPluginKey);
}

const bodyText = (body: Y.XmlFragment) => model.xmlFragmentToText(body);
const titles = (doc: Y.Doc) => model.readMinutes(doc).agenda.map((item) => item.title);

describe('the minutes’ undo', () => {
  it('walks fields and body text in one history, in the order they were made', () => {
    const { doc, commands, undo, body } = startedMinutes();
    type(doc, body, 'Quỹ còn 2.000.000 đồng');
    undo.stopCapturing();
    expect(commands.updateHeader({ place: 'Nhà ông Tư' }).ok).toBe(true);
    undo.undo();
    expect(model.readMinutes(doc).header.place).toBe('Nhà văn hóa thôn Đông');
    expect(bodyText(body)).toContain('Quỹ còn 2.000.000 đồng');
    undo.undo();
    expect(bodyText(body)).not.toContain('Quỹ còn');
    undo.undo();
    expect(titles(doc)).toEqual([]);
    // Starting the minutes came before the undo: the header made from the meeting stays.
    expect(undo.undoStack).toHaveLength(0);
    expect(model.readMinutes(doc).meetingId).not.toBeNull();
  });

  it('never undoes what a colleague wrote, in the fields or in a body', () => {
    const { doc, commands, undo, body } = startedMinutes();
    expect(commands.updateHeader({ place: 'Nhà ông Tư' }).ok).toBe(true);
    undo.stopCapturing();
    // A colleague's tablet, from the same state: a field and the body text, sent through the relay.
    const colleague = model.createMinutesDoc();
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(doc));
    const lan = model.localOrigin({ id: 'device-lan', name: 'Trần Thị Lan' });
    expect(bindMinutesCommands(colleague, lan).updateHeader({ closedAt: '09:30' }).ok).toBe(true);
    const theirBody = model.getAgendaBody(
      colleague,
      model.readMinutes(colleague).agenda[0]?.id as AgendaItemId,
    );
    if (!theirBody) throw new Error('no body on the colleague’s tablet');
    type(colleague, theirBody, 'Lan ghi: quỹ đủ chi');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(colleague, Y.encodeStateVector(doc)), 'relay');
    expect(undo.undoStack).toHaveLength(2);
    undo.undo();
    expect(model.readMinutes(doc).header).toMatchObject({
      place: 'Nhà văn hóa thôn Đông',
      closedAt: '09:30',
    });
    expect(bodyText(body)).toContain('Lan ghi: quỹ đủ chi');
    expect(titles(doc)).toEqual(['Báo cáo quỹ']);
  });

  it('never undoes an approval, and outlives the editors that are handed it', async () => {
    const { doc, commands, undo, chair } = startedMinutes();
    expect((await commands.approve('chair', chair, await openTabletSigner(new IDBFactory()))).ok).toBe(true);
    expect(undo.undoStack).toHaveLength(1);
    // Tiptap's y-undo plugin destroys the manager when its editor unmounts; the minutes keep theirs.
    undo.destroy();
    expect(commands.updateHeader({ place: 'Nhà ông Tư' }).ok).toBe(true);
    expect(undo.undoStack).toHaveLength(2);
    doc.destroy();
  });
});
