// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import type { MeetingId, MemberId } from '@chungtay/model';
import { newMemberId } from '@chungtay/model';
import { afterEach, describe, expect, it } from 'vitest';
import { testMeeting } from '../../../test/meeting';
import { openClubSession } from '../club/club-session';
import { createClubOnTablet } from '../club/create-club';
import { openHealthSession } from '../health/health-session';
import { openMinutesSession } from '../minutes/minutes-session';
import { createScreenUndo } from './screen-undo';

const hoa = { id: 'device-hoa', name: 'Nguyễn Thị Hoa' };
const member = {
  fullName: 'Trần Văn An',
  gender: 'male',
  birthYear: 1958,
  phone: '',
  hamlet: 'thôn Đông',
  household: 'none',
  ethnicMinority: false,
  joinedOn: null,
  role: 'none',
  notes: '',
} as const;

afterEach(() => localStorage.clear());

/** A club on this tablet with one meeting's minutes and the health records open, as the minutes page has. */
async function minutesScreen() {
  const created = await createClubOnTablet({ name: 'CLB thôn Đông', kind: 'selfHelp' }, hoa);
  if (!created.ok) throw new Error('club not created');
  const club = await openClubSession(created.value, hoa);
  const chair = newMemberId();
  const meeting = testMeeting(chair, chair);
  const options = { canEditClub: club.canEdit, accessChanges: club.onAccessChange };
  const minutes = await openMinutesSession({ clubId: club.clubId, meeting, author: hoa, ...options });
  const health = await openHealthSession(club.clubId, hoa, options);
  const weigh = (memberId: MemberId, weightKg: number) =>
    health.commands.record({ meetingId: meeting.id as MeetingId, memberId, takenAt: '2026-03-05', weightKg });
  const settle = () => Promise.resolve();
  const close = async () => {
    await minutes.close();
    await health.close();
    await club.close();
  };
  return { club, minutes, health, weigh, settle, close };
}

describe('undo per document', () => {
  it('the minutes’ undo leaves the club’s edits alone, and the club’s leaves the minutes’', async () => {
    const { club, minutes, settle, close } = await minutesScreen();
    expect(minutes.canUndo()).toBe(false);
    expect(club.commands.addMember(member).ok).toBe(true);
    expect(minutes.commands.addAgendaItem('Báo cáo quỹ').ok).toBe(true);
    minutes.undo();
    await settle();
    expect(minutes.view.agenda).toEqual([]);
    expect(club.club.members.map((m) => m.fullName)).toEqual(['Trần Văn An']);
    expect(minutes.canUndo()).toBe(false);
    expect(club.canUndo()).toBe(true);
    club.undo();
    minutes.redo();
    await settle();
    expect(club.club.members).toEqual([]);
    expect(minutes.view.agenda.map((item) => item.title)).toEqual(['Báo cáo quỹ']);
    await close();
  });

  it('the header on the minutes page undoes the latest step among minutes and health, never the club', async () => {
    const { club, minutes, health, weigh, settle, close } = await minutesScreen();
    const screen = createScreenUndo(club);
    expect(club.commands.addMember(member).ok).toBe(true);
    const shown = [screen.show(minutes), screen.show(health)];
    expect(minutes.commands.addAgendaItem('Báo cáo quỹ').ok).toBe(true);
    expect(weigh(newMemberId(), 52).ok).toBe(true);
    expect(screen.canUndo()).toBe(true);
    screen.undo();
    await settle();
    expect(health.view.checks).toEqual([]);
    expect(minutes.view.agenda).toHaveLength(1);
    screen.undo();
    await settle();
    expect(minutes.view.agenda).toEqual([]);
    // What is left to undo is the club's, which is not on this screen.
    expect(screen.canUndo()).toBe(false);
    screen.undo();
    await settle();
    expect(club.club.members).toHaveLength(1);
    // Redo goes forward in the same order: the minutes first, undone last.
    screen.redo();
    await settle();
    expect(minutes.view.agenda).toHaveLength(1);
    expect(health.view.checks).toEqual([]);
    // Leaving the page gives the buttons back to the club.
    for (const hide of shown) hide();
    expect(screen.canUndo()).toBe(true);
    screen.undo();
    await settle();
    expect(club.club.members).toEqual([]);
    expect(minutes.view.agenda).toHaveLength(1);
    await close();
  });

  it('a document shown beside the club shares the buttons with it, latest step first', async () => {
    const { club, health, weigh, settle, close } = await minutesScreen();
    const screen = createScreenUndo(club);
    const hide = screen.show(health, 'beside');
    expect(weigh(newMemberId(), 52).ok).toBe(true);
    expect(club.commands.updateProfile({ name: 'CLB thôn Tây' }).ok).toBe(true);
    screen.undo();
    await settle();
    expect(club.club.profile.name).toBe('CLB thôn Đông');
    expect(health.view.checks).toHaveLength(1);
    screen.undo();
    await settle();
    expect(health.view.checks).toEqual([]);
    hide();
    await close();
  });
});
