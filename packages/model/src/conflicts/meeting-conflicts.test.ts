import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { alice, bob, newClub, TODAY, value } from '../../test/fixtures';
import { expectConvergence, forkPeers, syncAll } from '../../test/peers';
import { followClub } from '../club/club-follower';
import { readClub } from '../club/read-club';
import { addMeeting, updateMeeting } from '../meetings/meeting-commands';
import { resolveMeetingConflict } from './meeting-conflicts';

function club() {
  const { doc } = newClub();
  const meeting = value(
    addMeeting(
      doc,
      {
        date: '2026-04-05',
        time: '08:00',
        kind: 'regular',
        place: 'Nhà văn hóa',
        chairId: null,
        secretaryId: null,
      },
      alice,
      TODAY,
    ),
  );
  return { doc, meeting };
}

describe('a meeting’s date set differently on two tablets while apart', () => {
  it('keeps both dates and flags them in every order; a time changed on one tablet only is not flagged', () => {
    const { doc, meeting } = club();
    const [a, b] = forkPeers(doc, 2) as [Y.Doc, Y.Doc];
    value(updateMeeting(a, meeting, { date: '2026-04-12' }, alice, TODAY, '2026-03-20T09:00:00Z'));
    value(
      updateMeeting(b, meeting, { date: '2026-04-19', time: '14:00' }, bob, TODAY, '2026-03-20T09:30:00Z'),
    );
    const view = expectConvergence([a, b]);
    expect(view.meetings[0]?.conflicts).toEqual([
      {
        field: 'date',
        options: [
          expect.objectContaining({ value: '2026-04-12', name: 'Lan' }),
          expect.objectContaining({ value: '2026-04-19', name: 'Hùng' }),
        ],
      },
    ]);
    expect(view.meetings[0]?.time).toBe('14:00');
  });

  it('resolves on both tablets once one chooses, and the follower shows it as a full read does', () => {
    const { doc, meeting } = club();
    const [a, b] = forkPeers(doc, 2) as [Y.Doc, Y.Doc];
    const follower = followClub(b);
    value(updateMeeting(a, meeting, { date: '2026-04-12' }, alice, TODAY, '2026-03-20T09:00:00Z'));
    value(updateMeeting(b, meeting, { date: '2026-04-19' }, bob, TODAY, '2026-03-20T09:30:00Z'));
    syncAll([a, b]);
    follower.flush();
    expect(follower.view()).toEqual(readClub(b));
    const option = readClub(a).meetings[0]?.conflicts?.[0]?.options[0];
    if (option === undefined) throw new Error('no conflict');
    value(
      resolveMeetingConflict(
        a,
        { meetingId: meeting, field: 'date', writeId: option.id },
        alice,
        '2026-03-20T10:00:00Z',
      ),
    );
    syncAll([a, b]);
    const changes = follower.flush();
    expect(changes.validated).toBe(1);
    expect(follower.view()).toEqual(readClub(b));
    const view = expectConvergence([a, b]);
    expect(view.meetings[0]?.conflicts).toBeUndefined();
    expect(view.meetings[0]?.date).toBe('2026-04-12');
  });
});
