import 'fake-indexeddb/auto';
import type { MemberId } from '@chungtay/model';
import { listPairingStatus } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { openCareSession } from './care-session';

const author = { id: 'device-1', name: 'Nguyễn Thị Hoa' };
const hoa = 'member-hoa-0001' as MemberId;
const binh = 'member-binh-001' as MemberId;

describe('care session', () => {
  it('projects a recorded visit at once, keeps it on this tablet and reopens it', async () => {
    const clubId = 'club-care-1';
    const session = await openCareSession(clubId, author);
    const paired = session.commands.startPairing({ volunteerId: hoa, memberId: binh, start: '2026-10-01' });
    if (!paired.ok) throw new Error('pairing refused');
    await Promise.resolve(); // the projection follows the doc after the transaction
    expect(listPairingStatus(session.view, '2026-11-01')[0]?.overdue).toBe(true);
    const visit = {
      pairingId: paired.value,
      date: '2026-10-30',
      visitorId: hoa,
      activities: ['talk'] as const,
    };
    expect(session.commands.recordVisit(visit, '2026-11-01').ok).toBe(true);
    await Promise.resolve();
    expect(listPairingStatus(session.view, '2026-11-01')[0]).toMatchObject({ daysSince: 2, overdue: false });
    await session.whenSaved();
    await session.close();

    const again = await openCareSession(clubId, author);
    expect(again.view.visits.map((v) => v.date)).toEqual(['2026-10-30']);
    expect(again.view.pairings.map((p) => p.memberId)).toEqual([binh]);
    await again.close();
  });

  it('attaches a photo to a visit as committee-only, shows it in the view and keeps it on reopening', async () => {
    const clubId = 'club-care-3';
    const session = await openCareSession(clubId, author);
    const paired = session.commands.startPairing({ volunteerId: hoa, memberId: binh, start: '2026-10-01' });
    if (!paired.ok) throw new Error('pairing refused');
    const visit = session.commands.recordVisit(
      { pairingId: paired.value, date: '2026-10-30', visitorId: hoa, activities: ['cleaning'] },
      '2026-11-01',
    );
    if (!visit.ok) throw new Error('visit refused');
    const hash = 'ab'.repeat(32);
    const input = {
      hash,
      kind: 'photo',
      contentType: 'image/webp',
      size: 180_000,
      width: 1600,
      height: 900,
      caption: 'Dọn nhà cho bác Bình',
      scope: 'club',
    } as const;
    expect(session.commands.attachToVisit(visit.value, input).ok).toBe(true);
    await Promise.resolve();
    expect(session.view.visits[0]?.attachments).toEqual([
      expect.objectContaining({ hash, scope: 'health', byId: author.id, byName: author.name }),
    ]);
    await session.whenSaved();
    await session.close();

    const again = await openCareSession(clubId, author);
    expect(again.view.visits[0]?.attachments?.map((a) => a.caption)).toEqual(['Dọn nhà cho bác Bình']);
    expect(again.commands.detachFromVisit(visit.value, hash).ok).toBe(true);
    await Promise.resolve();
    expect(again.view.visits[0]?.attachments).toBeUndefined();
    await again.close();
  });

  it('refuses every change while the club may not be edited on this tablet', async () => {
    const session = await openCareSession('club-care-2', author, { canEditClub: () => false });
    expect(session.canEdit()).toBe(false);
    expect(session.commands.startPairing({ volunteerId: hoa, memberId: binh, start: '2026-10-01' })).toEqual({
      ok: false,
      error: { type: 'readOnly' },
    });
    await session.close();
  });
});
