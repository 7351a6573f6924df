import { describe, expect, it } from 'vitest';
import { alice, bob, value } from '../../test/fixtures';
import { HUNG, LAN, newMinutes } from '../../test/minutes-fixtures';
import {
  addActionItem,
  addMoneyEntry,
  removeMoneyEntry,
  setActionDone,
  updateActionItem,
  updateMoneyEntry,
} from './action-commands';
import type { ActionItemId, MoneyEntryId } from './minutes-layout';
import { readMinutes } from './read-minutes';

describe('action items', () => {
  it('adds, edits and completes action items in creation order', () => {
    const doc = newMinutes();
    const a = value(
      addActionItem(doc, { what: 'Thăm bà Tư ốm', responsibleId: LAN, due: '2026-03-25' }, alice),
    );
    const b = value(addActionItem(doc, { what: 'Mua cân mới', responsibleId: null, due: null }, bob));
    value(updateActionItem(doc, b, { responsibleId: HUNG, due: '2026-04-01' }, alice));
    value(setActionDone(doc, a, true, bob));
    expect(readMinutes(doc).actions).toEqual([
      { id: a, what: 'Thăm bà Tư ốm', responsibleId: LAN, due: '2026-03-25', done: true },
      { id: b, what: 'Mua cân mới', responsibleId: HUNG, due: '2026-04-01', done: false },
    ]);
  });

  it('rejects bad input and unknown actions', () => {
    const doc = newMinutes();
    expect(addActionItem(doc, { what: '', responsibleId: null, due: '2026-02-30' }, alice)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { what: 'required', due: 'dateFormat' } },
    });
    expect(setActionDone(doc, 'missing-act-1' as ActionItemId, true, alice)).toEqual({
      ok: false,
      error: { type: 'notFound', id: 'missing-act-1' },
    });
  });
});

describe('money entries', () => {
  it('adds, updates and removes money collected at the meeting', () => {
    const doc = newMinutes();
    const a = value(
      addMoneyEntry(
        doc,
        { kind: 'contribution', memberId: LAN, amount: 50000, note: 'Quỹ hoạt động' },
        alice,
      ),
    );
    const b = value(
      addMoneyEntry(doc, { kind: 'repayment', memberId: HUNG, amount: 1000000, note: '' }, alice),
    );
    value(updateMoneyEntry(doc, a, { amount: 100000 }, bob));
    expect(readMinutes(doc).money).toEqual([
      { id: a, kind: 'contribution', memberId: LAN, amount: 100000, note: 'Quỹ hoạt động' },
      { id: b, kind: 'repayment', memberId: HUNG, amount: 1000000, note: '' },
    ]);
    value(removeMoneyEntry(doc, b, alice));
    expect(readMinutes(doc).money.map((m) => m.id)).toEqual([a]);
    expect(removeMoneyEntry(doc, b, alice)).toMatchObject({ ok: false, error: { type: 'notFound' } });
    expect(updateMoneyEntry(doc, 'missing-money' as MoneyEntryId, { note: 'x' }, alice)).toMatchObject({
      ok: false,
      error: { type: 'notFound' },
    });
  });

  it('takes only whole, non-negative đồng', () => {
    const doc = newMinutes();
    for (const amount of [-1, 1.5, Number.NaN]) {
      expect(addMoneyEntry(doc, { kind: 'other', memberId: null, amount, note: '' }, alice)).toEqual({
        ok: false,
        error: { type: 'invalid', fields: { amount: 'numberRange' } },
      });
    }
  });
});
