import { describe, expect, it } from 'vitest';
import { alice, value } from '../../test/fixtures';
import { newMinutes, typeParagraph } from '../../test/minutes-fixtures';
import {
  addAgendaItem,
  moveAgendaItem,
  removeAgendaItem,
  restoreAgendaItem,
  updateAgendaItem,
} from './agenda-commands';
import { type AgendaItemId, agendaItemsMap, agendaOrder, getAgendaBody } from './minutes-layout';
import { readMinutes } from './read-minutes';

const titles = (doc: Parameters<typeof readMinutes>[0]) => readMinutes(doc).agenda.map((i) => i.title);

describe('agenda commands', () => {
  it('adds items at the end or at an index, each with its own body fragment', () => {
    const doc = newMinutes();
    const a = value(addAgendaItem(doc, { title: ' Báo cáo hoạt động ' }, alice));
    value(addAgendaItem(doc, { title: 'Thu quỹ' }, alice));
    value(addAgendaItem(doc, { title: 'Khai mạc', index: 0 }, alice));
    expect(titles(doc)).toEqual(['Khai mạc', 'Báo cáo hoạt động', 'Thu quỹ']);
    typeParagraph(doc, a, 'Chị Lan báo cáo tình hình tháng 3.');
    expect(readMinutes(doc).agenda[1]).toEqual({
      id: a,
      title: 'Báo cáo hoạt động',
      decisions: '',
      bodyText: 'Chị Lan báo cáo tình hình tháng 3.',
      removed: false,
    });
    expect(getAgendaBody(doc, 'nope' as AgendaItemId)).toBeNull();
    expect(addAgendaItem(doc, { title: ' ' }, alice)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { title: 'required' } },
    });
  });

  it('renames and records decisions', () => {
    const doc = newMinutes();
    const a = value(addAgendaItem(doc, { title: 'Thu quỹ' }, alice));
    value(
      updateAgendaItem(
        doc,
        a,
        { title: 'Thu quỹ hoạt động', decisions: 'Mỗi thành viên góp 50.000 đ' },
        alice,
      ),
    );
    expect(readMinutes(doc).agenda[0]).toMatchObject({
      title: 'Thu quỹ hoạt động',
      decisions: 'Mỗi thành viên góp 50.000 đ',
    });
    expect(updateAgendaItem(doc, 'nope-nope-1' as AgendaItemId, { title: 'x' }, alice)).toEqual({
      ok: false,
      error: { type: 'notFound', id: 'nope-nope-1' },
    });
  });

  it('moves items forward and back, and cleans up duplicate ids on the next move', () => {
    const doc = newMinutes();
    const [a, b, c] = ['A', 'B', 'C'].map((title) => value(addAgendaItem(doc, { title }, alice))) as [
      AgendaItemId,
      AgendaItemId,
      AgendaItemId,
    ];
    value(moveAgendaItem(doc, { itemId: a, toIndex: 2 }, alice));
    expect(titles(doc)).toEqual(['B', 'C', 'A']);
    value(moveAgendaItem(doc, { itemId: a, toIndex: 0 }, alice));
    expect(titles(doc)).toEqual(['A', 'B', 'C']);
    value(moveAgendaItem(doc, { itemId: c, toIndex: 1 }, alice));
    expect(titles(doc)).toEqual(['A', 'C', 'B']);
    // As two concurrent moves would leave it, plus an id with no item:
    doc.transact(() => agendaOrder(doc).push([a, 'ghost-item-01']));
    expect(titles(doc)).toEqual(['A', 'C', 'B']);
    value(moveAgendaItem(doc, { itemId: a, toIndex: 1 }, alice));
    expect(titles(doc)).toEqual(['C', 'A', 'B']);
    expect(
      agendaOrder(doc)
        .toArray()
        .filter((id) => id === a),
    ).toHaveLength(1);
    expect(moveAgendaItem(doc, { itemId: b, toIndex: -1 }, alice)).toMatchObject({ ok: false });
  });

  it('removes softly, keeping the text, and restores', () => {
    const doc = newMinutes();
    const a = value(addAgendaItem(doc, { title: 'A' }, alice));
    typeParagraph(doc, a, 'nội dung');
    value(removeAgendaItem(doc, a, alice));
    expect(readMinutes(doc).agenda[0]).toMatchObject({ removed: true, bodyText: 'nội dung' });
    expect(agendaItemsMap(doc).has(a)).toBe(true);
    value(restoreAgendaItem(doc, a, alice));
    expect(readMinutes(doc).agenda[0]?.removed).toBe(false);
  });
});
