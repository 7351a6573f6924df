import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alice, value } from '../../test/fixtures';
import { AT, newMinutes, typeAt, typeParagraph } from '../../test/minutes-fixtures';
import { addAgendaItem, updateAgendaItem } from './agenda-commands';
import { getAgendaBody } from './minutes-layout';
import { listVersions, readMinutes } from './read-minutes';
import { captureVersion, readVersion } from './versions';

describe('versions', () => {
  it('captures a version, and readVersion shows the old content after edits and deletions', () => {
    const doc = newMinutes();
    const item = value(addAgendaItem(doc, { title: 'Báo cáo' }, alice));
    typeParagraph(doc, item, 'Bản nháp đầu tiên');
    expect(value(captureVersion(doc, { by: 'alice', at: AT, label: 'Trước khi sửa' }, alice))).toBe(0);
    value(updateAgendaItem(doc, item, { title: 'Báo cáo tháng 3' }, alice));
    const body = getAgendaBody(doc, item);
    doc.transact(() => body?.delete(0, 1), alice);
    typeParagraph(doc, item, 'Bản mới');
    typeAt(doc, item, 0, 'Đây là ');
    expect(listVersions(doc)).toEqual([{ index: 0, by: 'alice', at: AT, label: 'Trước khi sửa' }]);
    const old = value(readVersion(doc, 0));
    expect(old.agenda).toEqual([
      { id: item, title: 'Báo cáo', decisions: '', bodyText: 'Bản nháp đầu tiên', removed: false },
    ]);
    expect(readMinutes(doc).agenda[0]).toMatchObject({
      title: 'Báo cáo tháng 3',
      bodyText: 'Đây là Bản mới',
    });
    expect(readVersion(doc, 5)).toEqual({ ok: false, error: { type: 'notFound', id: '5' } });
  });

  it('survives a round trip through an encoded update (as from IndexedDB or the relay)', () => {
    const doc = newMinutes();
    value(captureVersion(doc, { by: 'alice', at: AT, label: '' }, alice));
    value(addAgendaItem(doc, { title: 'Mới' }, alice));
    const loaded = new Y.Doc({ gc: false });
    Y.applyUpdate(loaded, Y.encodeStateAsUpdate(doc));
    expect(value(readVersion(loaded, 0)).agenda).toEqual([]);
    expect(captureVersion(doc, { by: '', at: 'now', label: '' }, alice)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { by: 'required', at: 'dateFormat' } },
    });
  });
});
