// @vitest-environment happy-dom
import { generateKey, revokeTabletPath, rotateKeysPath } from '@chungtay/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ClubAccess, findKnownClub, rememberClub } from '../../device/device';
import { cutOffTablet } from './cut-off';

const clubId = 'club-0001';
const lost = 'tablet-lost-01';

function holdClub(): ClubAccess {
  const access = {
    role: 'editor',
    key: generateKey(),
    viewerKey: generateKey(),
    shared: true,
    tabletKey: generateKey(),
  } as const;
  rememberClub({ id: clubId, name: 'CLB thôn Đông', kind: 'selfHelp', memberCount: 3, access });
  return access;
}

/** The relay's HTTP API (the relay itself is tested in relay/test/tablet-keys.test.ts): statuses in turn. */
function relayAnswers(...statuses: number[]) {
  const asked: Array<{ path: string; bearer: string | null }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const headers = new Headers(init.headers);
      asked.push({ path: new URL(url).pathname, bearer: headers.get('authorization') });
      const status = statuses.shift() ?? 500;
      return new Response(JSON.stringify(status === 200 ? { result: 'ok' } : { error: 'unauthorized' }), {
        status,
      });
    }),
  );
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('cutting a tablet off', () => {
  it('revokes the tablet, then changes the invite keys, and keeps this tablet’s own key', async () => {
    const held = holdClub();
    const asked = relayAnswers(200, 200);
    expect(await cutOffTablet(clubId, lost)).toBe('cutOffAndRotated');
    expect(asked.map((a) => a.path)).toEqual([revokeTabletPath(clubId, lost), rotateKeysPath(clubId)]);
    // Revoked with this tablet's own key; the rotation is authorized by the invite key it replaces.
    expect(asked.map((a) => a.bearer)).toEqual([`Bearer ${held.tabletKey}`, `Bearer ${held.key}`]);
    const now = findKnownClub(clubId)?.access;
    expect(now?.key).not.toBe(held.key);
    expect(now?.viewerKey).not.toBe(held.viewerKey);
    expect(now?.tabletKey).toBe(held.tabletKey);
  });

  it('changes no key when the relay refuses to cut the tablet off', async () => {
    const held = holdClub();
    const asked = relayAnswers(401);
    expect(await cutOffTablet(clubId, lost)).toBe('failed');
    expect(asked).toHaveLength(1);
    expect(findKnownClub(clubId)?.access).toEqual(held);
  });

  it('says so when the tablet is cut off but the keys could not be changed', async () => {
    const held = holdClub();
    relayAnswers(200, 401);
    expect(await cutOffTablet(clubId, lost)).toBe('cutOffNotRotated');
    expect(findKnownClub(clubId)?.access?.key).toBe(held.key);
  });
});
