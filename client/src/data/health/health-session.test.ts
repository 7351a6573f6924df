import 'fake-indexeddb/auto';
import { DEFAULT_HEALTH_THRESHOLDS } from '@chungtay/model';
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
