import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addActionItem, updateActionItem } from '../src/minutes/action-commands';
import { addAgendaItem, moveAgendaItem } from '../src/minutes/agenda-commands';
import { approveMinutes } from '../src/minutes/approval';
import { getApprovedView, listChangesAfterApproval } from '../src/minutes/late-changes';
import { createMinutes, setMinutesAttendance } from '../src/minutes/minutes-commands';
import { type AgendaItemId, agendaOrder, createMinutesDoc } from '../src/minutes/minutes-layout';
import { readMinutesContent } from '../src/minutes/read-minutes';
import { alice, bob, carol, value } from './fixtures';
import {
  AT,
  CLUB,
  expectMinutesConvergence,
  forkMinutes,
  HUNG,
  LAN,
  MAI,
  MEETING,
  newMinutes,
  typeAt,
  typeParagraph,
} from './minutes-fixtures';
import { deliver, syncAll } from './peers';

/** The minutes rules on 2–3 peers, each checked in every delivery order. */

function withItems(titles: readonly string[]): { doc: Y.Doc; ids: AgendaItemId[] } {
  const doc = newMinutes();
  return { doc, ids: titles.map((title) => value(addAgendaItem(doc, { title }, alice))) };
}

describe('minutes convergence', () => {
  it('two tablets that both start the same minutes offline share one set of minutes', () => {
    const [a, b] = [createMinutesDoc(), createMinutesDoc()];
    value(createMinutes(a, { clubId: CLUB, meetingId: MEETING, header: { place: 'Nhà văn hóa' } }, alice));
    value(createMinutes(b, { clubId: CLUB, meetingId: MEETING, header: { place: 'Nhà văn hóa' } }, bob));
    value(addAgendaItem(a, { title: 'A' }, alice));
    value(addAgendaItem(b, { title: 'B' }, bob));
    const view = expectMinutesConvergence([a, b]);
    expect(view.agenda.map((i) => i.title).sort()).toEqual(['A', 'B']);
    expect(view.header.place).toBe('Nhà văn hóa');
  });

  it('keeps attendance marked by two secretaries at once', () => {
    const [a, b] = forkMinutes(newMinutes(), 2) as [Y.Doc, Y.Doc];
    value(setMinutesAttendance(a, { memberId: LAN, status: 'present' }, alice));
    value(setMinutesAttendance(b, { memberId: HUNG, status: 'excused' }, bob));
    value(setMinutesAttendance(b, { memberId: MAI, status: 'absent' }, bob));
    expect(expectMinutesConvergence([a, b]).attendance).toEqual({
      [LAN]: 'present',
      [HUNG]: 'excused',
      [MAI]: 'absent',
    });
  });

  it('concurrent moves of the same item leave it once, and no item is lost', () => {
    const { doc, ids } = withItems(['A', 'B', 'C', 'D']);
    const [p, q, r] = forkMinutes(doc, 3) as [Y.Doc, Y.Doc, Y.Doc];
    value(moveAgendaItem(p, { itemId: ids[0] as AgendaItemId, toIndex: 3 }, alice));
    value(moveAgendaItem(q, { itemId: ids[0] as AgendaItemId, toIndex: 1 }, bob));
    value(moveAgendaItem(r, { itemId: ids[3] as AgendaItemId, toIndex: 0 }, carol));
    const view = expectMinutesConvergence([p, q, r]);
    expect(view.agenda.map((i) => i.title).sort()).toEqual(['A', 'B', 'C', 'D']);
    syncAll([p, q]);
    expect(
      agendaOrder(p)
        .toArray()
        .filter((id) => id === ids[0]),
    ).toHaveLength(2);
    value(moveAgendaItem(p, { itemId: ids[0] as AgendaItemId, toIndex: 0 }, alice));
    expect(readMinutesContent(p).agenda[0]?.title).toBe('A');
    expect(
      agendaOrder(p)
        .toArray()
        .filter((id) => id === ids[0]),
    ).toHaveLength(1);
  });

  it('concurrent insertions and moves keep every item exactly once', () => {
    const { doc, ids } = withItems(['A', 'B', 'C']);
    const [p, q] = forkMinutes(doc, 2) as [Y.Doc, Y.Doc];
    value(addAgendaItem(p, { title: 'P', index: 1 }, alice));
    value(moveAgendaItem(p, { itemId: ids[2] as AgendaItemId, toIndex: 0 }, alice));
    value(addAgendaItem(q, { title: 'Q', index: 1 }, bob));
    value(moveAgendaItem(q, { itemId: ids[1] as AgendaItemId, toIndex: 0 }, bob));
    const titles = expectMinutesConvergence([p, q]).agenda.map((i) => i.title);
    expect([...titles].sort()).toEqual(['A', 'B', 'C', 'P', 'Q']);
  });

  it('keeps concurrent edits to different fields of one action item', () => {
    const doc = newMinutes();
    const id = value(addActionItem(doc, { what: 'Thăm bà Tư', responsibleId: null, due: null }, alice));
    const [a, b] = forkMinutes(doc, 2) as [Y.Doc, Y.Doc];
    value(updateActionItem(a, id, { responsibleId: LAN }, alice));
    value(updateActionItem(b, id, { due: '2026-04-01', what: 'Thăm bà Tư ốm' }, bob));
    expect(expectMinutesConvergence([a, b]).actions).toEqual([
      { id, what: 'Thăm bà Tư ốm', responsibleId: LAN, due: '2026-04-01', done: false },
    ]);
  });

  it('merges two writers typing into one paragraph without losing a character', () => {
    const doc = newMinutes();
    const item = value(addAgendaItem(doc, { title: 'Báo cáo' }, alice));
    typeParagraph(doc, item, 'Họp tháng 3.');
    const [a, b] = forkMinutes(doc, 2) as [Y.Doc, Y.Doc];
    typeAt(a, item, 0, 'Lan: ');
    typeAt(b, item, 12, ' Hùng ghi.');
    expect(expectMinutesConvergence([a, b]).agenda[0]?.bodyText).toBe('Lan: Họp tháng 3. Hùng ghi.');
  });

  it('an offline edit made before the approval merges without changing the approved view, in every order', () => {
    const doc = newMinutes();
    const item = value(addAgendaItem(doc, { title: 'Báo cáo' }, alice));
    typeParagraph(doc, item, 'Nội dung đã duyệt');
    const [chair, tablet] = forkMinutes(doc, 2) as [Y.Doc, Y.Doc];
    value(approveMinutes(chair, { role: 'secretary', by: HUNG, at: AT }, bob));
    value(approveMinutes(chair, { role: 'chair', by: LAN, at: AT }, alice));
    const approved = readMinutesContent(chair);
    typeAt(tablet, item, 0, 'Sửa muộn: ');
    const view = expectMinutesConvergence([chair, tablet]);
    expect(view.approval.status).toBe('approved');
    expect(view.agenda[0]?.bodyText).toBe('Sửa muộn: Nội dung đã duyệt');
    deliver(tablet, chair);
    expect(getApprovedView(chair)).toEqual(approved);
    expect(listChangesAfterApproval(chair)).toMatchObject([
      { section: 'agenda', key: item, change: 'changed', fields: ['bodyText'] },
    ]);
  });
});
