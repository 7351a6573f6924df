import 'fake-indexeddb/auto';
import { DEFAULT_HEALTH_THRESHOLDS, type MeetingId, type MemberId } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { openHealthSession } from './health-session';

const author = { id: 'device-1', name: 'Nguyễn Thị Hoa' };

describe('health session thresholds', () => {
  it('saves, restores and reopens the club’s thresholds', async () => {
    const clubId = 'club-health-1';
    const session = await openHealthSession(clubId, author);
    expect(session.view.thresholds).toEqual(DEFAULT_HEALTH_THRESHOLDS);
    expect(session.commands.updateThresholds({ highSystolic: 130, highDiastolic: 80 }).ok).toBe(true);
    expect(session.commands.updateThresholds({ lowSystolic: 130 })).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { lowSystolic: 'numberOrder', highSystolic: 'numberOrder' } },
    });
    await Promise.resolve();
    expect(session.view.thresholds).toMatchObject({ highSystolic: 130, highDiastolic: 80, lowSystolic: 90 });
    await session.whenSaved();
    await session.close();

    const again = await openHealthSession(clubId, author);
    expect(again.view.thresholds).toMatchObject({ highSystolic: 130, highDiastolic: 80 });
    expect(again.commands.restoreDefaultThresholds().ok).toBe(true);
    await Promise.resolve();
    expect(again.view.thresholds).toEqual(DEFAULT_HEALTH_THRESHOLDS);
    await again.close();
  });

  it('refuses every change while the club may not be edited on this tablet', async () => {
    let editor = false;
    const session = await openHealthSession('club-health-2', author, { canEditClub: () => editor });
    expect(session.canEdit()).toBe(false);
    expect(session.commands.updateThresholds({ highSystolic: 130 })).toEqual({
      ok: false,
      error: { type: 'readOnly' },
    });
    expect(session.commands.restoreDefaultThresholds()).toEqual({ ok: false, error: { type: 'readOnly' } });
    editor = true;
    expect(session.canEdit()).toBe(true);
    expect(session.commands.updateThresholds({ highSystolic: 130 }).ok).toBe(true);
    await session.close();
  });
});

describe('health session and approved minutes', () => {
  const meetingId = 'meeting-2026-03' as MeetingId;
  const memberId = 'member-lan-0001' as MemberId;
  const weigh = (weightKg: number) => ({ meetingId, memberId, takenAt: '2026-03-05', weightKg });

  it('stamps each value with the tablet’s time and empties the undo once the meeting locks', async () => {
    const session = await openHealthSession('club-health-3', author);
    expect(session.commands.record(weigh(52.5)).ok).toBe(true);
    expect(session.canUndo()).toBe(true);
    expect(
      session.commands.followMinutes({ meetingId, approvedAt: '2026-03-05T10:00:00.000Z', reopenings: 0 }),
    ).toEqual({ ok: true, value: true });
    // Undoing the weighing now would change an approved meeting behind the commands' back.
    expect(session.canUndo()).toBe(false);
    session.undo();
    await Promise.resolve();
    expect(session.view.checks.map((c) => c.weightKg)).toEqual([52.5]);
    expect(session.commands.record(weigh(55))).toEqual({ ok: false, error: { type: 'approved' } });
    expect(session.view.locks).toEqual({
      [meetingId]: { approvedAt: '2026-03-05T10:00:00.000Z', reopenings: 0 },
    });
    await session.close();
  });
});
