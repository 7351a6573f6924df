import type { AttendanceStatus, ClubView, MeetingId, MemberId } from '@chungtay/model';
import * as model from '@chungtay/model';
import { createMemoryHistory, MemoryRouter, Route } from '@solidjs/router';
import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { createStore } from 'solid-js/store';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ClubProvider } from '../../data/club/club-context';
import type { ClubSession } from '../../data/club/club-session';
import { I18nProvider } from '../../i18n/i18n-context';
import MeetingPage from './meeting-page';

// Counts the page's own member look-ups (its people list); the model's summary calls its own copies.
const walks = vi.hoisted(() => ({ count: 0 }));
vi.mock('@chungtay/model', async (original) => {
  const actual = await original<typeof import('@chungtay/model')>();
  return {
    ...actual,
    isActiveMember: (member: model.Member) => {
      walks.count++;
      return actual.isActiveMember(member);
    },
    getMember: (view: model.ClubView, id: model.MemberId) => {
      walks.count++;
      return actual.getMember(view, id);
    },
  };
});

const me = model.localOrigin({ id: 'device-hoa', name: 'Nguyễn Thị Hoa' });
const TODAY = '2026-03-01' as model.IsoDate;

afterEach(cleanup);

function clubOf(size: number): { view: ClubView; meetingId: MeetingId } {
  const doc = new Y.Doc();
  model.createClub(doc, { name: 'CLB thôn Đông', kind: 'selfHelp' }, me, TODAY);
  const ids: MemberId[] = [];
  for (let i = 0; i < size; i++) {
    const added = model.addMember(
      doc,
      {
        fullName: `Nguyễn Văn Số ${i}`,
        gender: 'female',
        birthYear: 1960,
        phone: '',
        hamlet: 'thôn Đông',
        household: 'none',
        ethnicMinority: false,
        joinedOn: '2024-01-10',
        role: 'none',
        notes: '',
      },
      me,
      TODAY,
    );
    if (added.ok) ids.push(added.value);
  }
  const meeting = model.addMeeting(
    doc,
    { date: TODAY, time: '08:00', kind: 'regular', place: '', chairId: null, secretaryId: null },
    me,
    TODAY,
  );
  if (!meeting.ok) throw new Error('setup');
  for (const memberId of ids)
    model.setAttendance(doc, { meetingId: meeting.value, memberId, status: 'present' }, me);
  return { view: model.readClub(doc), meetingId: meeting.value };
}

/** The page over a Solid store written key by key, as the club projection writes a tap. */
function showMeeting(size: number) {
  const { view, meetingId } = clubOf(size);
  const [club, setClub] = createStore(view);
  const index = club.meetings.findIndex((m) => m.id === meetingId);
  const session = {
    clubId: club.id,
    club,
    canEdit: () => true,
    today: () => TODAY,
    commands: {
      setAttendance: (_: MeetingId, memberId: MemberId, status: AttendanceStatus) => {
        // The view's types are readonly; the projection writes this one key by path the same way.
        (setClub as unknown as (...path: unknown[]) => void)(
          'meetings',
          index,
          'attendance',
          memberId,
          status,
        );
        return { ok: true, value: undefined };
      },
    },
  } as unknown as ClubSession;
  const history = createMemoryHistory();
  history.set({ value: `/club/${club.id}/meetings/${meetingId}` });
  render(() => (
    <I18nProvider>
      <ClubProvider session={session}>
        <MemoryRouter history={history}>
          <Route path="/club/:clubId/meetings/:meetingId" component={MeetingPage} />
        </MemoryRouter>
      </ClubProvider>
    </I18nProvider>
  ));
}

describe('MeetingPage', () => {
  it.each([20, 100])(
    'a tap on a mark at %i members rebuilds no list and updates the summary',
    async (size) => {
      showMeeting(size);
      await waitFor(() => expect(document.querySelectorAll('.attendance-row')).toHaveLength(size));
      const rows = [...document.querySelectorAll('.attendance-row')];
      expect(walks.count).toBeGreaterThan(0);
      walks.count = 0;
      const label = rows[size - 1]?.querySelector('.choice-absent .choice-label');
      if (!label) throw new Error('no absent choice');
      fireEvent.click(label);
      await waitFor(() =>
        expect(rows[size - 1]?.querySelector('.choice-absent[data-checked]')).not.toBeNull(),
      );
      expect(walks.count).toBe(0);
      expect([...document.querySelectorAll('.attendance-row')]).toEqual(rows);
      expect(screen.getByTestId('attendance-summary').textContent).toMatch(new RegExp(`${size - 1}\\D`));
    },
    // Rendering a hundred Kobalte radio groups in happy-dom is slow on a shared two-core machine.
    30_000,
  );
});
