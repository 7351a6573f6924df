import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alice, bob, carol, value } from '../../test/fixtures';
import {
  AT,
  forkMinutes,
  HUNG,
  LAN,
  MAI,
  newMinutes,
  typeAt,
  typeParagraph,
} from '../../test/minutes-fixtures';
import { deliver } from '../../test/peers';
import { addActionItem, addMoneyEntry, updateActionItem } from './action-commands';
import { addAgendaItem, moveAgendaItem, updateAgendaItem } from './agenda-commands';
import { approveMinutes, reopenMinutes } from './approval';
import { getApprovedView, listChangesAfterApproval, setAsideLateChanges } from './late-changes';
import { setMinutesAttendance, updateMinutesHeader } from './minutes-commands';
import { readMinutes, readMinutesContent } from './read-minutes';

const LATER = '2026-03-21T09:00:00.000Z';

function approve(doc: Y.Doc): void {
  value(approveMinutes(doc, { role: 'secretary', by: HUNG, at: AT }, bob));
  value(approveMinutes(doc, { role: 'chair', by: LAN, at: LATER }, alice));
}

describe('approveMinutes', () => {
  it('needs both roles; the second signature seals the minutes', () => {
    const doc = newMinutes();
    expect(value(approveMinutes(doc, { role: 'secretary', by: HUNG, at: AT }, bob))).toEqual({
      approved: false,
    });
    expect(readMinutes(doc).approval.status).toBe('draft');
    value(updateMinutesHeader(doc, { closedAt: '10:30' }, bob));
    expect(value(approveMinutes(doc, { role: 'chair', by: LAN, at: LATER }, alice))).toEqual({
      approved: true,
    });
    expect(readMinutes(doc).approval).toEqual({
      chair: { by: LAN, at: LATER },
      secretary: { by: HUNG, at: AT },
      status: 'approved',
      approvedAt: LATER,
      pendingSeal: false,
    });
    expect(getApprovedView(doc)).toEqual(readMinutesContent(doc));
    expect(listChangesAfterApproval(doc)).toEqual([]);
    expect(approveMinutes(doc, { role: 'chair', by: LAN, at: LATER }, alice)).toEqual({
      ok: false,
      error: { type: 'approved' },
    });
  });

  it('rejects bad signers and throws on a gc-enabled doc', () => {
    const doc = newMinutes();
    expect(approveMinutes(doc, { role: 'chair', by: LAN, at: 'yesterday' }, alice)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { at: 'dateFormat' } },
    });
    expect(() => approveMinutes(new Y.Doc(), { role: 'chair', by: LAN, at: AT }, alice)).toThrow(/gc: false/);
  });

  it('shows both signatures but asks for a seal when the two signed at once offline', () => {
    const [chair, secretary] = forkMinutes(newMinutes(), 2) as [Y.Doc, Y.Doc];
    value(approveMinutes(chair, { role: 'chair', by: LAN, at: AT }, alice));
    value(approveMinutes(secretary, { role: 'secretary', by: HUNG, at: AT }, bob));
    deliver(secretary, chair);
    expect(readMinutes(chair).approval).toMatchObject({ status: 'draft', pendingSeal: true });
    expect(value(approveMinutes(chair, { role: 'chair', by: LAN, at: LATER }, alice))).toEqual({
      approved: true,
    });
  });
});

describe('reopenMinutes', () => {
  it('records who, when and why, unlocks editing and keeps the approved version in history', () => {
    const doc = newMinutes();
    expect(reopenMinutes(doc, { by: LAN, at: LATER, reason: 'Sửa số tiền' }, alice)).toEqual({
      ok: false,
      error: { type: 'notApproved' },
    });
    approve(doc);
    expect(reopenMinutes(doc, { by: LAN, at: LATER, reason: ' ' }, alice)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { reason: 'required' } },
    });
    value(reopenMinutes(doc, { by: LAN, at: LATER, reason: 'Sửa số tiền' }, alice));
    const view = readMinutes(doc);
    expect(view.reopenings).toEqual([{ by: LAN, at: LATER, reason: 'Sửa số tiền', approvedAt: LATER }]);
    expect(view.approval).toMatchObject({ status: 'draft', chair: null, secretary: null });
    expect(view.versions).toEqual([{ index: 0, by: LAN, at: LATER, label: 'approved' }]);
    value(updateMinutesHeader(doc, { closedAt: '11:00' }, alice));
  });
});

describe('late edits from a tablet that never saw the approval', () => {
  function scenario() {
    const doc = newMinutes();
    const item = value(addAgendaItem(doc, { title: 'Báo cáo' }, alice));
    typeParagraph(doc, item, 'Tháng 3 có 52 thành viên.');
    const action = value(addActionItem(doc, { what: 'Thăm bà Tư', responsibleId: LAN, due: null }, alice));
    value(setMinutesAttendance(doc, { memberId: MAI, status: 'present' }, alice));
    const [tablet] = forkMinutes(doc, 1) as [Y.Doc];
    approve(doc);
    const approved = readMinutesContent(doc);
    // Offline, before seeing the approval:
    typeAt(tablet, item, 10, ' (sửa)');
    value(updateAgendaItem(tablet, item, { decisions: 'Tăng quỹ' }, carol));
    value(addAgendaItem(tablet, { title: 'Ý kiến khác', index: 0 }, carol));
    value(updateActionItem(tablet, action, { due: '2026-04-01' }, carol));
    value(setMinutesAttendance(tablet, { memberId: MAI, status: 'absent' }, carol));
    value(updateMinutesHeader(tablet, { place: 'Nhà chị Mai' }, carol));
    value(addMoneyEntry(tablet, { kind: 'other', memberId: null, amount: 20000, note: '' }, carol));
    deliver(tablet, doc);
    return { doc, item, action, approved };
  }

  it('merges them, keeps the approved view unchanged and lists each change', () => {
    const { doc, item, action, approved } = scenario();
    expect(getApprovedView(doc)).toEqual(approved);
    expect(readMinutes(doc).agenda.find((i) => i.id === item)?.bodyText).toBe(
      'Tháng 3 có (sửa) 52 thành viên.',
    );
    const changes = listChangesAfterApproval(doc);
    expect(changes.map((c) => [c.section, c.change, c.fields])).toEqual([
      ['header', 'changed', ['place']],
      ['attendance', 'changed', []],
      ['agenda', 'changed', ['decisions', 'bodyText']],
      ['agenda', 'added', []],
      ['actions', 'changed', ['due']],
      ['money', 'added', []],
    ]);
    expect(changes.find((c) => c.section === 'actions')?.key).toBe(action);
    expect(changes[1]).toMatchObject({ key: MAI, approved: 'present', current: 'absent' });
  });

  it('setAsideLateChanges writes the approved content back, and the doc stays approved', () => {
    const { doc, approved } = scenario();
    expect(value(setAsideLateChanges(doc, alice))).toBe(6);
    expect(readMinutesContent(doc)).toEqual(approved);
    expect(listChangesAfterApproval(doc)).toEqual([]);
    expect(readMinutes(doc).approval.status).toBe('approved');
    expect(setAsideLateChanges(newMinutes(), alice)).toEqual({ ok: false, error: { type: 'notApproved' } });
  });

  it('lists a moved item as a position change', () => {
    const doc = newMinutes();
    const a = value(addAgendaItem(doc, { title: 'A' }, alice));
    value(addAgendaItem(doc, { title: 'B' }, alice));
    const [tablet] = forkMinutes(doc, 1) as [Y.Doc];
    approve(doc);
    value(moveAgendaItem(tablet, { itemId: a, toIndex: 1 }, carol));
    deliver(tablet, doc);
    expect(listChangesAfterApproval(doc).map((c) => c.fields)).toEqual([['position'], ['position']]);
    value(setAsideLateChanges(doc, alice));
    expect(readMinutes(doc).agenda.map((i) => i.title)).toEqual(['A', 'B']);
  });
});
