import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSharedClub } from '../../../test/shared-club';
import { type TestSocket, testSocketClass } from '../../../test/test-socket';
import { ClubProvider } from '../../data/club/club-context';
import type { ClubSession } from '../../data/club/club-session';
import { I18nProvider } from '../../i18n/i18n-context';
import SharePage from './share-page';

const hoa = { id: 'device-hoa', name: 'Nguyễn Thị Hoa' };
const sessions: ClubSession[] = [];
let sockets: TestSocket[] = [];
let registrations: unknown[] = [];

beforeEach(() => {
  sockets = [];
  registrations = [];
  vi.stubGlobal('WebSocket', testSocketClass(sockets));
  // The relay's HTTP API: registration of the club's key hashes (the relay itself is tested in relay/).
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      registrations.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify({ result: 'registered' }), { status: 201 });
    }),
  );
});
afterEach(async () => {
  cleanup();
  for (const session of sessions.splice(0)) await session.close();
  vi.unstubAllGlobals();
  localStorage.clear();
});

/** A club this tablet created and shared, open on the share page. */
async function showSharePage() {
  const { club, access } = await openSharedClub(hoa, sockets);
  sessions.push(club);
  render(() => (
    <I18nProvider>
      <ClubProvider session={club}>
        <SharePage />
      </ClubProvider>
    </I18nProvider>
  ));
  return { club, access };
}

describe('SharePage', () => {
  it('offers to register the club on a sync server that does not know it, and reconnects after', async () => {
    const { club, access } = await showSharePage();
    expect(screen.queryByTestId('register-here')).toBeNull();
    // The server in use answers "club not registered" (4404): e.g. the relay address was just changed.
    sockets.at(-1)?.closeFromRelay(4404);
    await waitFor(() => expect(club.syncStatus()).toEqual({ type: 'denied', reason: 'clubNotRegistered' }));
    const card = await screen.findByTestId('register-here');
    expect(card.textContent).toContain('chưa có câu lạc bộ này');
    const connections = sockets.length;
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký câu lạc bộ lên máy chủ này' }));
    await waitFor(() => expect(sockets.length).toBe(connections + 1));
    expect(registrations).toEqual([{ editorKey: access.key, viewerKey: access.viewerKey }]);
    await waitFor(() => expect(screen.queryByTestId('register-here')).toBeNull());
  });
});
