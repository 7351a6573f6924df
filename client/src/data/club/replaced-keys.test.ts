import 'fake-indexeddb/auto';
import { CloseCode, formatInvite, generateKey, keyFromProtocols, parseInvite } from '@chungtay/protocol';
import { waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type TestSocket, testSocketClass } from '../../../test/test-socket';
import { acceptInvite } from '../../device/club-access';
import { findKnownClub, saveClubAccess } from '../../device/device';
import { type ClubSession, openClubSession } from './club-session';
import { createClubOnTablet } from './create-club';

const lan = { id: 'device-lan', name: 'Nguyễn Thị Lan' };
let sockets: TestSocket[] = [];
const sessions: ClubSession[] = [];

beforeEach(() => {
  sockets = [];
  vi.stubGlobal('WebSocket', testSocketClass(sockets));
});
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
  vi.unstubAllGlobals();
  localStorage.clear();
});

function keyOffered(socket: TestSocket | undefined): string | undefined {
  const offered = socket?.protocols;
  return keyFromProtocols(Array.isArray(offered) ? offered.join(', ') : offered);
}

/** An editor tablet whose club is shared, then an old editor link (from before a rotation) opened on it. */
async function tabletThatOpenedAnOldLink() {
  const created = await createClubOnTablet({ name: 'CLB thôn Đông', kind: 'selfHelp' }, lan);
  if (!created.ok) throw new Error('club not created');
  const clubId = created.value;
  const held = { role: 'editor', key: generateKey(), viewerKey: generateKey(), shared: true } as const;
  saveClubAccess(clubId, held);
  const old = parseInvite(
    formatInvite({ origin: location.origin, clubId, clubName: 'CLB', role: 'editor', key: generateKey() }),
  );
  if (!old.ok) throw new Error('bad invite');
  acceptInvite(old.value);
  const club = await openClubSession(clubId, lan);
  sessions.push(club);
  await waitFor(() => expect(sockets).toHaveLength(1));
  return { clubId, held, oldKey: old.value.key, club };
}

describe('a key taken from an invite', () => {
  it('goes back to the keys held before when the relay calls it revoked, and connects with them', async () => {
    const { clubId, held, oldKey, club } = await tabletThatOpenedAnOldLink();
    expect(keyOffered(sockets[0])).toBe(oldKey);
    sockets[0]?.open();
    sockets[0]?.closeFromRelay(CloseCode.keyRevoked);
    await waitFor(() => expect(sockets).toHaveLength(2));
    expect(keyOffered(sockets[1])).toBe(held.key);
    expect(findKnownClub(clubId)?.access).toEqual(held);
    expect(club.syncStatus().type).not.toBe('revoked');
  });

  it('stays revoked when the keys held before are refused too', async () => {
    const { club } = await tabletThatOpenedAnOldLink();
    sockets[0]?.closeFromRelay(CloseCode.keyRevoked);
    await waitFor(() => expect(sockets).toHaveLength(2));
    sockets[1]?.closeFromRelay(CloseCode.keyRevoked);
    await waitFor(() => expect(club.syncStatus().type).toBe('revoked'));
    expect(sockets).toHaveLength(2);
  });
});
