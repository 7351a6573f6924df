import 'fake-indexeddb/auto';
import * as model from '@chungtay/model';
import { type FundId, type MemberId, readMoney } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listHeldDocs, listUnsent } from '../../device/unsent-docs';
import { projectMoney } from './money-projection';
import { openMoneySession } from './money-session';

const author = { id: 'device-1', name: 'Trần Thị Hoa' };
const LAN = 'member-lan-000001' as MemberId;
const clock = () => ({ today: '2026-03-10', now: '2026-03-10T02:00:00.000Z' });

describe('money session', () => {
  it('starts the book with the club kind’s funds, records, and reopens what it saved', async () => {
    const clubId = 'club-money-session-1';
    const session = await openMoneySession(clubId, 'redCross', author, { clock });
    expect(session.view.funds.map((f) => f.id)).toEqual(['activity', 'humanitarian']);
    const dues = session.commands.recordEntry({
      fundId: 'humanitarian' as FundId,
      kind: 'dues',
      amount: 12_000,
      date: '2026-03-10',
      memberId: LAN,
    });
    expect(dues.ok).toBe(true);
    expect(
      session.commands.recordEntry({
        fundId: 'humanitarian' as FundId,
        kind: 'dues',
        amount: 0,
        date: '2026-03-10',
      }),
    ).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { amount: 'numberRange' } },
    });
    await Promise.resolve();
    expect(session.view.entries.map((e) => [e.kind, e.amount, e.recordedBy, e.recordedAt])).toEqual([
      ['dues', 12_000, 'device-1', '2026-03-10T02:00:00.000Z'],
    ]);
    // Who wrote it, in words on every tablet: the book keeps the author's name beside the id.
    expect(session.view.authors).toEqual({ 'device-1': 'Trần Thị Hoa' });
    // Listed for the club's background sync like the health records: uploaded even if this screen closes.
    const listed = {
      documentName: `${clubId}/money`,
      storageName: `chungtay-money-${clubId}`,
      keepHistory: false,
    };
    expect(listUnsent(clubId)).toEqual([listed]);
    expect(listHeldDocs(clubId)).toEqual([listed]);
    await session.whenSaved();
    await session.close();

    const again = await openMoneySession(clubId, 'redCross', author, { clock });
    expect(again.view.entries).toHaveLength(1);
    expect(again.view.rules.duesFundId).toBe('humanitarian');
    await again.close();
  });

  it('refuses every change while the club may not be edited on this tablet', async () => {
    let editor = false;
    const session = await openMoneySession('club-money-session-2', 'selfHelp', author, {
      canEditClub: () => editor,
      clock,
    });
    expect(session.canEdit()).toBe(false);
    const input = {
      fundId: 'activity' as FundId,
      kind: 'donation' as const,
      amount: 1_000,
      date: '2026-03-10',
    };
    expect(session.commands.recordEntry(input)).toEqual({ ok: false, error: { type: 'readOnly' } });
    editor = true;
    // The book was not started on a tablet that may not edit; it starts on the next open that may.
    await session.close();
    const editing = await openMoneySession('club-money-session-2', 'selfHelp', author, { clock });
    expect(editing.commands.recordEntry(input).ok).toBe(true);
    await editing.close();
  });
});

describe('money projection', () => {
  it('follows local and remote entries, dated back or not, and stays equal to a full read', async () => {
    const doc = new Y.Doc();
    const origin = model.localOrigin(author);
    model.createMoney(doc, { clubId: 'club-money-proj-1' as model.ClubId, clubKind: 'selfHelp' }, origin);
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const projection = projectMoney(doc);
    const record = (on: Y.Doc, date: string, amount: number) =>
      model.recordEntry(on, { fundId: 'activity' as FundId, kind: 'donation', amount, date }, origin, {
        today: '2026-12-31',
        now: `${date}T01:00:00.000Z`,
      });
    record(doc, '2026-03-01', 1_000);
    await Promise.resolve();
    expect(projection.view.entries.map((e) => e.amount)).toEqual([1_000]);
    record(remote, '2026-01-01', 2_000);
    record(remote, '2026-05-01', 3_000);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    model.updateMoneyRules(doc, { duesAmount: 5_000 }, origin);
    await Promise.resolve();
    expect(projection.view.entries.map((e) => e.amount)).toEqual([2_000, 1_000, 3_000]);
    expect(JSON.parse(JSON.stringify(projection.view))).toEqual(JSON.parse(JSON.stringify(readMoney(doc))));
    projection.stop();
  });
});
