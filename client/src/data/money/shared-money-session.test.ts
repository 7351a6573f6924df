import 'fake-indexeddb/auto';
import type { FundId, MemberId } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { openMoneySession } from './money-session';

const author = { id: 'device-1', name: 'Trần Thị Hoa' };
const LAN = 'member-lan-000001' as MemberId;
const clock = () => ({ today: '2026-03-10', now: '2026-03-10T02:00:00.000Z' });

describe('shared money session', () => {
  it('gives every holder the one open book and closes it when the last one lets go', async () => {
    const clubId = 'club-money-shared-1';
    // The summary upkeep's hold and the "Quỹ" screen's, asked at the same moment.
    const [upkeep, screen] = await Promise.all([
      openMoneySession(clubId, 'selfHelp', author, { clock }),
      openMoneySession(clubId, 'selfHelp', author, { clock }),
    ]);
    expect(screen.view).toBe(upkeep.view);
    const recorded = screen.commands.recordEntry({
      fundId: 'activity' as FundId,
      kind: 'dues',
      amount: 20_000,
      date: '2026-03-10',
      memberId: LAN,
    });
    expect(recorded.ok).toBe(true);
    await Promise.resolve();
    // The upkeep sees the screen's entry at once: one doc, not two copies.
    expect(upkeep.view.entries.map((e) => e.amount)).toEqual([20_000]);
    expect(
      upkeep
        .index()
        .memberEntries(LAN)
        .map((e) => e.amount),
    ).toEqual([20_000]);

    await screen.close();
    await screen.close(); // a second close of one handle does not take the other holder's share
    const again = await openMoneySession(clubId, 'selfHelp', author, { clock });
    expect(again.view).toBe(upkeep.view);
    await again.close();
    await upkeep.whenSaved();
    await upkeep.close();

    // Everyone let go: the next holder opens the book anew, from what was stored.
    const reopened = await openMoneySession(clubId, 'selfHelp', author, { clock });
    expect(reopened.view).not.toBe(upkeep.view);
    expect(reopened.view.entries.map((e) => e.amount)).toEqual([20_000]);
    await reopened.close();
  });
});
