import 'fake-indexeddb/auto';
import type { MeetingId, MemberId } from '@chungtay/model';
import { afterEach, describe, expect, it } from 'vitest';
import { openHealthSession } from '../health/health-session';
import { openClubSession } from './club-session';
import { createClubOnTablet } from './create-club';
import { eraseInSiblingDocs, eraseMember } from './erase-member';

const lan = { id: 'device-lan', name: 'Nguyễn Thị Lan' };
const MEETING = 'meeting-2026-03-10' as MeetingId;

afterEach(() => localStorage.clear());

describe('erasing a member on this tablet', () => {
  it('erases their health values, in a health doc opened for it and in one already open, and is no undo step', async () => {
    const created = await createClubOnTablet({ name: 'CLB thôn Đông', kind: 'selfHelp' }, lan);
    if (!created.ok) throw new Error('club not created');
    const club = await openClubSession(created.value, lan);
    const added = club.commands.addMember({
      fullName: 'Phạm Thị Xuyến',
      gender: 'female',
      birthYear: 1948,
      phone: '0912 777 345',
      hamlet: 'thôn Đông',
      household: 'none',
      ethnicMinority: false,
      joinedOn: null,
      role: 'none',
      notes: '',
    });
    if (!added.ok) throw new Error('member not added');
    const id = added.value as MemberId;
    const health = await openHealthSession(club.clubId, lan, { canEditClub: club.canEdit });
    const input = { meetingId: MEETING, memberId: id, systolic: 150, diastolic: 95, takenAt: '2026-03-10' };
    expect(health.commands.record(input).ok).toBe(true);
    await health.whenSaved();

    const stepBefore = club.nextStepAt('undo');
    expect(stepBefore).not.toBeNull();
    expect(eraseMember(club, id).ok).toBe(true);
    // Not a step of its own: the header's Undo still offers the addition, never the erasure.
    expect(club.nextStepAt('undo')).toBe(stepBefore);
    await eraseInSiblingDocs(club);
    await Promise.resolve();
    // The health screen that was open follows the club doc's erasure at once.
    expect(health.view.checks).toEqual([]);
    await health.close();

    // A late write from a stale screen lands after the erasure: blanked again when the doc opens.
    const reopened = await openHealthSession(club.clubId, lan, { canEditClub: club.canEdit });
    expect(reopened.view.checks).toEqual([]);
    expect(reopened.commands.record(input).ok).toBe(true);
    await Promise.resolve();
    expect(reopened.view.checks).toEqual([]);
    await reopened.close();
    await club.close();
  });
});
