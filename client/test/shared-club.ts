import { waitFor } from '@solidjs/testing-library';
import { type ClubSession, openClubSession } from '../src/data/club/club-session';
import { createClubOnTablet } from '../src/data/club/create-club';
import { type ClubAccess, findKnownClub, saveClubAccess } from '../src/device/device';
import type { TestSocket } from './test-socket';

/**
 * A club created on this tablet and shared from it, open, with its relay connection made: the sync code
 * loads after the club opens, so this waits for the first socket (WebSocket stubbed with testSocketClass).
 */
export async function openSharedClub(
  author: { readonly id: string; readonly name: string },
  sockets: readonly TestSocket[],
  role: ClubAccess['role'] = 'editor',
): Promise<{ club: ClubSession; access: ClubAccess }> {
  const created = await createClubOnTablet({ name: 'CLB thôn Đông', kind: 'selfHelp' }, author);
  if (!created.ok) throw new Error('club not created');
  const held = findKnownClub(created.value)?.access;
  if (!held) throw new Error('no access');
  const access: ClubAccess = { ...held, role, shared: true };
  saveClubAccess(created.value, access);
  const club = await openClubSession(created.value, author);
  await waitFor(() => {
    if (sockets.length === 0) throw new Error('no relay connection yet');
  });
  return { club, access };
}
