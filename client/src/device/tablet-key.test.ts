// @vitest-environment happy-dom
import { generateKey } from '@chungtay/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rotateClubKeys } from './club-access';
import {
  type ClubAccess,
  clubAccessSignature,
  findKnownClub,
  forgetTabletKey,
  rememberClub,
  saveRelayOrigin,
  syncKey,
} from './device';
import { ensureTabletKey } from './tablet-key';

const clubId = 'club-0001';
const tabletId = async () => 'tablet-lan-01';

function holdClub(access: ClubAccess): void {
  rememberClub({ id: clubId, name: 'CLB thôn Đông', kind: 'selfHelp', memberCount: 3, access });
}

/** The relay's answers, one per request; records what was sent and with which bearer. */
function relayAnswers(...answers: Array<'lost' | number>) {
  const asked: Array<{ body: Record<string, string>; bearer: string }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      asked.push({ body: JSON.parse(String(init.body)), bearer: headers.authorization ?? '' });
      const answer = answers.shift();
      if (answer === 'lost' || answer === undefined) throw new TypeError('Failed to fetch');
      const body =
        answer < 300 ? { result: answer === 201 ? 'registered' : 'updated' } : { error: 'unauthorized' };
      return new Response(JSON.stringify(body), { status: answer });
    }),
  );
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe("exchanging the invite key for the tablet's own", () => {
  it('sends a new key with the invite key, retries the same key after a lost answer, then syncs with it', async () => {
    const invite = { role: 'editor', key: generateKey(), viewerKey: generateKey(), shared: true } as const;
    holdClub(invite);
    const before = clubAccessSignature(clubId);
    const asked = relayAnswers('lost', 200);
    expect(await ensureTabletKey(clubId, tabletId)).toBe('failed');
    const access = findKnownClub(clubId)?.access;
    expect(access && syncKey(access)).toBe(invite.key);
    expect(await ensureTabletKey(clubId, tabletId)).toBe('registered');
    expect(asked[1]).toEqual(asked[0]);
    expect(asked[0]?.bearer).toBe(`Bearer ${invite.key}`);
    expect(asked[0]?.body.tabletId).toBe('tablet-lan-01');
    const now = findKnownClub(clubId)?.access;
    expect(now?.tabletKey).toBe(asked[0]?.body.tabletKey);
    expect(now?.pendingTabletKey).toBeUndefined();
    expect(now && syncKey(now)).toBe(now?.tabletKey);
    // The invite key stays, for inviting others; the connection follows the new key.
    expect(now?.key).toBe(invite.key);
    expect(clubAccessSignature(clubId)).not.toBe(before);
    expect(await ensureTabletKey(clubId, tabletId)).toBe('unchanged');
  });

  it('asks nothing for a viewer or a club not shared', async () => {
    const asked = relayAnswers(201);
    holdClub({ role: 'viewer', key: generateKey(), shared: true });
    expect(await ensureTabletKey(clubId, tabletId)).toBe('unchanged');
    holdClub({ role: 'editor', key: generateKey(), shared: false });
    expect(await ensureTabletKey(clubId, tabletId)).toBe('unchanged');
    expect(asked).toEqual([]);
  });

  it('keeps the tablet key through a rotation of the invite keys', async () => {
    holdClub({
      role: 'editor',
      key: generateKey(),
      viewerKey: generateKey(),
      shared: true,
      tabletKey: generateKey(),
    });
    const own = findKnownClub(clubId)?.access?.tabletKey;
    relayAnswers(200);
    expect((await rotateClubKeys(clubId)).ok).toBe(true);
    expect(findKnownClub(clubId)?.access?.tabletKey).toBe(own);
  });
});

describe('a tablet key on another server', () => {
  it('is dropped when the tablet moves to another server, so the invite key is exchanged there anew', () => {
    const invite = generateKey();
    holdClub({ role: 'editor', key: invite, shared: true, tabletKey: generateKey() });
    saveRelayOrigin('https://relay.example');
    const access = findKnownClub(clubId)?.access;
    expect(access?.tabletKey).toBeUndefined();
    expect(access && syncKey(access)).toBe(invite);
    expect(forgetTabletKey(clubId)).toBe(false);
  });
});
