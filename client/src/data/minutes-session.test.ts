// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import type { Meeting, MeetingId, MemberId } from '@chungtay/model';
import { newMeetingId, newMemberId } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { openMinutesSession } from './minutes-session';

const author = { id: 'device-1', name: 'Nguyễn Thị Hoa' };

function meeting(chairId: MemberId, secretaryId: MemberId, lan: MemberId): Meeting {
  return {
    id: newMeetingId() as MeetingId,
    date: '2026-03-05',
    time: '08:00',
    kind: 'regular',
    place: 'Nhà văn hóa thôn Đông',
    chairId,
    secretaryId,
    attendance: { [lan]: 'present' },
  } as Meeting;
}

describe('openMinutesSession', () => {
  it('starts the minutes from the club meeting, keeps them on the tablet and reopens them', async () => {
    const [chair, secretary, lan] = [newMemberId(), newMemberId(), newMemberId()];
    const m = meeting(chair, secretary, lan);
    const clubId = 'club-test-1';
    const first = await openMinutesSession({ clubId, meeting: m, author, canEditClub: () => true });
    expect(first.view.header.place).toBe('Nhà văn hóa thôn Đông');
    expect(first.view.attendance[lan]).toBe('present');
    const added = first.commands.addAgendaItem('Báo cáo quỹ');
    expect(added.ok).toBe(true);
    await Promise.resolve();
    expect(first.view.agenda.map((a) => a.title)).toEqual(['Báo cáo quỹ']);
    expect(added.ok && first.bodyExtensions(added.value)?.length).toBe(1);
    await first.whenSaved();
    await first.close();

    const again = await openMinutesSession({ clubId, meeting: m, author, canEditClub: () => true });
    expect(again.view.agenda.map((a) => a.title)).toEqual(['Báo cáo quỹ']);
    await again.close();
  });

  it('refuses every change on a viewer tablet and locks writing once chair and secretary approved', async () => {
    const [chair, secretary, lan] = [newMemberId(), newMemberId(), newMemberId()];
    const m = meeting(chair, secretary, lan);
    let editor = true;
    const session = await openMinutesSession({
      clubId: 'club-test-2',
      meeting: m,
      author,
      canEditClub: () => editor,
    });
    editor = false;
    expect(session.commands.addAgendaItem('Không được')).toEqual({ ok: false, error: { type: 'readOnly' } });
    editor = true;
    expect(session.commands.approve('chair', chair).ok).toBe(true);
    expect(session.commands.approve('secretary', secretary).ok).toBe(true);
    await Promise.resolve();
    expect(session.view.approval.status).toBe('approved');
    expect(session.canWrite()).toBe(false);
    const refused = session.commands.addAgendaItem('Sau khi duyệt');
    expect(refused.ok ? null : refused.error.type).toBe('approved');
    expect(session.commands.reopen(chair, 'Bổ sung').ok).toBe(true);
    await Promise.resolve();
    expect(session.canWrite()).toBe(true);
    expect(session.view.reopenings).toHaveLength(1);
    await session.close();
  });
});
