// @vitest-environment happy-dom
import { formatInvite, generateKey, parseInvite } from '@chungtay/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  acceptInvite,
  hasPendingRotation,
  heldClubChange,
  inviteLinks,
  inviteRelayChange,
  rotateClubKeys,
} from './club-access';
import {
  type ClubAccess,
  findKnownClub,
  readRelayOrigin,
  rememberClub,
  saveRelayOrigin,
  settleReplacedKeys,
} from './device';

const clubId = 'club-0001';

function holdClub(access: ClubAccess): void {
  rememberClub({ id: clubId, name: 'CLB thôn Đông', kind: 'selfHelp', memberCount: 3, access });
}

function invite(role: 'editor' | 'viewer', key: string, viewerKey?: string) {
  const parsed = parseInvite(
    formatInvite({
      origin: 'https://ct.example',
      clubId,
      clubName: 'CLB',
      role,
      key,
      ...(viewerKey ? { viewerKey } : {}),
    }),
  );
  if (!parsed.ok) throw new Error('bad invite');
  return parsed.value;
}

/** What the tablet asked the relay to rotate to, one entry per request. */
function relayAnswers(...answers: Array<'lost' | number>) {
  const asked: Array<{ editorKey: string; viewerKey: string }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      asked.push(JSON.parse(String(init.body)));
      const answer = answers.shift();
      if (answer === 'lost' || answer === undefined) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify(answer === 200 ? { result: 'rotated' } : { error: 'keyRevoked' }), {
        status: answer,
      });
    }),
  );
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('rotating the club keys', () => {
  it('keeps the new keys when the answer is lost, and retries with the same ones', async () => {
    const old = { role: 'editor', key: generateKey(), viewerKey: generateKey(), shared: true } as const;
    holdClub(old);
    const asked = relayAnswers('lost', 200);
    const lost = await rotateClubKeys(clubId);
    expect(lost.ok).toBe(false);
    expect(hasPendingRotation(clubId)).toBe(true);
    // Still connecting with the old key until the relay confirms.
    expect(findKnownClub(clubId)?.access?.key).toBe(old.key);
    const retried = await rotateClubKeys(clubId);
    expect(retried.ok).toBe(true);
    expect(asked[1]).toEqual(asked[0]);
    expect(findKnownClub(clubId)?.access).toEqual({
      role: 'editor',
      key: asked[0]?.editorKey,
      viewerKey: asked[0]?.viewerKey,
      shared: true,
    });
    expect(hasPendingRotation(clubId)).toBe(false);
  });

  it('drops the new keys when the relay refuses them, and keeps the old ones', async () => {
    const old = { role: 'editor', key: generateKey(), viewerKey: generateKey(), shared: true } as const;
    holdClub(old);
    relayAnswers(410);
    expect((await rotateClubKeys(clubId)).ok).toBe(false);
    expect(findKnownClub(clubId)?.access).toEqual(old);
  });
});

describe('accepting an invite', () => {
  it('keeps an editor tablet an editor when it opens a viewer link, and the viewer key it holds', () => {
    const editorKey = generateKey();
    const heldViewerKey = generateKey();
    holdClub({ role: 'editor', key: editorKey, viewerKey: heldViewerKey, shared: true });
    // The link may be older than the keys here (a rotation since): it must not replace them.
    acceptInvite(invite('viewer', generateKey()));
    expect(findKnownClub(clubId)?.access).toEqual({
      role: 'editor',
      key: editorKey,
      viewerKey: heldViewerKey,
      shared: true,
    });
  });

  it('gives an editor tablet that holds no viewer key the one of a viewer link', () => {
    const editorKey = generateKey();
    holdClub({ role: 'editor', key: editorKey, shared: true });
    const viewerKey = generateKey();
    acceptInvite(invite('viewer', viewerKey));
    expect(findKnownClub(clubId)?.access).toEqual({
      role: 'editor',
      key: editorKey,
      viewerKey,
      shared: true,
    });
  });

  it('keeps the keys held aside when an editor link brings another key, and puts them back if the relay refuses it', () => {
    const current = { role: 'editor', key: generateKey(), viewerKey: generateKey(), shared: true } as const;
    holdClub(current);
    const oldLink = invite('editor', generateKey(), generateKey());
    acceptInvite(oldLink);
    expect(findKnownClub(clubId)?.access).toMatchObject({
      key: oldLink.key,
      replacedKeys: { role: 'editor', key: current.key, viewerKey: current.viewerKey },
    });
    expect(settleReplacedKeys(clubId, 'revoked')).toBe(true);
    expect(findKnownClub(clubId)?.access).toEqual(current);
    // Nothing left to go back to: a second refusal changes nothing.
    expect(settleReplacedKeys(clubId, 'revoked')).toBe(false);
    expect(findKnownClub(clubId)?.access).toEqual(current);
  });

  it('forgets the keys held aside once the relay accepts the new one', () => {
    holdClub({ role: 'viewer', key: generateKey(), viewerKey: generateKey(), shared: true });
    const editorLink = invite('editor', generateKey(), generateKey());
    acceptInvite(editorLink);
    expect(settleReplacedKeys(clubId, 'accepted')).toBe(false);
    expect(findKnownClub(clubId)?.access).toEqual({
      role: 'editor',
      key: editorLink.key,
      viewerKey: editorLink.viewerKey,
      shared: true,
    });
    expect(settleReplacedKeys(clubId, 'revoked')).toBe(false);
    expect(findKnownClub(clubId)?.access?.key).toBe(editorLink.key);
  });

  it('sets a rotation started here aside with the held keys when an invite brings another key', () => {
    const pendingKeys = { key: generateKey(), viewerKey: generateKey() };
    const held = {
      role: 'editor',
      key: generateKey(),
      viewerKey: generateKey(),
      shared: true,
      pendingKeys,
    } as const;
    holdClub(held);
    acceptInvite(invite('editor', generateKey(), generateKey()));
    // Not retried with the invite's key: if the relay accepts that key, this rotation never took effect.
    expect(hasPendingRotation(clubId)).toBe(false);
    expect(settleReplacedKeys(clubId, 'revoked')).toBe(true);
    expect(findKnownClub(clubId)?.access).toEqual(held);
    expect(hasPendingRotation(clubId)).toBe(true);

    // Accepted instead: the rotation is forgotten with the keys it was set aside with.
    acceptInvite(invite('editor', generateKey(), generateKey()));
    settleReplacedKeys(clubId, 'accepted');
    expect(hasPendingRotation(clubId)).toBe(false);
    expect(findKnownClub(clubId)?.access?.replacedKeys).toBeUndefined();
  });

  it('takes an invite carrying the keys of the rotation started here as its confirmation', () => {
    const pendingKeys = { key: generateKey(), viewerKey: generateKey() };
    holdClub({ role: 'editor', key: generateKey(), viewerKey: generateKey(), shared: true, pendingKeys });
    acceptInvite(invite('editor', pendingKeys.key, pendingKeys.viewerKey));
    expect(findKnownClub(clubId)?.access).toEqual({
      role: 'editor',
      key: pendingKeys.key,
      viewerKey: pendingKeys.viewerKey,
      shared: true,
    });
  });

  it('takes the viewer key an editor link carries, so a new editor can invite viewers', () => {
    const editorKey = generateKey();
    const viewerKey = generateKey();
    acceptInvite(invite('editor', editorKey, viewerKey));
    expect(findKnownClub(clubId)?.access).toEqual({
      role: 'editor',
      key: editorKey,
      viewerKey,
      shared: true,
    });
    const links = inviteLinks(clubId, 'CLB');
    const forwarded = links.editor ? parseInvite(links.editor) : null;
    expect(forwarded?.ok && forwarded.value.viewerKey).toBe(viewerKey);
    expect(links.viewer && parseInvite(links.viewer).ok).toBe(true);
  });

  it('makes a new tablet a viewer with a viewer link', () => {
    const viewerKey = generateKey();
    acceptInvite(invite('viewer', viewerKey));
    expect(findKnownClub(clubId)?.access).toEqual({
      role: 'viewer',
      key: viewerKey,
      viewerKey,
      shared: true,
    });
  });

  it('names the sync server in its links when this tablet uses another than the app, and a joiner adopts it', () => {
    holdClub({ role: 'editor', key: generateKey(), viewerKey: generateKey(), shared: true });
    const plain = inviteLinks(clubId, 'CLB');
    const parsedPlain = plain.editor ? parseInvite(plain.editor) : null;
    expect(parsedPlain?.ok && parsedPlain.value.relay).toBeUndefined();
    expect(plain.editor).not.toContain('&s=');

    saveRelayOrigin('https://dongbo.tinh.vn');
    const links = inviteLinks(clubId, 'CLB');
    for (const link of [links.editor, links.viewer]) {
      const parsed = link ? parseInvite(link) : null;
      expect(parsed?.ok && parsed.value.relay).toBe('https://dongbo.tinh.vn');
    }

    // Another tablet, on the app's default server, opens the viewer link.
    localStorage.clear();
    const parsed = links.viewer ? parseInvite(links.viewer) : null;
    if (!parsed?.ok) throw new Error('bad link');
    expect(inviteRelayChange(parsed.value)).toBe('follow');
    acceptInvite(parsed.value);
    expect(readRelayOrigin()).toBe('https://dongbo.tinh.vn');
    expect(inviteRelayChange(parsed.value)).toBe('none');
  });

  it('leaves the server setting alone for a link that names none', () => {
    saveRelayOrigin('https://dongbo.tinh.vn');
    const link = invite('editor', generateKey());
    expect(inviteRelayChange(link)).toBe('none');
    acceptInvite(link);
    expect(readRelayOrigin()).toBe('https://dongbo.tinh.vn');
  });

  it('keeps its server for a link naming another when it holds other clubs, so their keys stay where they are', () => {
    rememberClub({
      id: 'club-0002',
      name: 'CLB Cựu chiến binh',
      kind: 'veterans',
      memberCount: 5,
      access: { role: 'editor', key: generateKey(), viewerKey: generateKey(), shared: true },
    });
    const forged = parseInvite(
      formatInvite({
        origin: 'https://ct.example',
        clubId,
        clubName: 'CLB',
        role: 'editor',
        key: generateKey(),
        relay: 'https://ke-xau.example',
      }),
    );
    if (!forged.ok) throw new Error('bad link');
    expect(inviteRelayChange(forged.value)).toBe('keep');
    acceptInvite(forged.value);
    expect(readRelayOrigin()).toBe(location.origin);
    expect(findKnownClub(clubId)?.access?.role).toBe('editor');
  });
});

describe('an invite for a club held here', () => {
  const forged = (key: string, relay?: string, role: 'editor' | 'viewer' = 'editor') => {
    const parsed = parseInvite(
      formatInvite({
        origin: 'https://ct.example',
        clubId,
        clubName: 'CLB',
        role,
        key,
        ...(relay ? { relay } : {}),
      }),
    );
    if (!parsed.ok) throw new Error('bad link');
    return parsed.value;
  };

  it('asks nothing for a club this tablet does not hold, even with a server of its own', () => {
    expect(heldClubChange(forged(generateKey(), 'https://ke-xau.example'))).toEqual({ ask: false });
  });

  it('asks nothing when the link carries the server and key held here', () => {
    const key = generateKey();
    saveRelayOrigin('https://dongbo.tinh.vn');
    holdClub({ role: 'editor', key, viewerKey: generateKey(), shared: true });
    expect(heldClubChange(forged(key))).toEqual({ ask: false });
    expect(heldClubChange(forged(key, 'https://dongbo.tinh.vn'))).toEqual({ ask: false });
  });

  it('asks before moving a held club to another server, saying from where to where', () => {
    const key = generateKey();
    holdClub({ role: 'editor', key, viewerKey: generateKey(), shared: true });
    expect(heldClubChange(forged(key, 'https://ke-xau.example'))).toEqual({
      ask: true,
      key: false,
      relay: { from: location.origin, to: 'https://ke-xau.example' },
    });
  });

  it('asks before replacing the key held here, on the same server', () => {
    holdClub({ role: 'editor', key: generateKey(), viewerKey: generateKey(), shared: true });
    expect(heldClubChange(forged(generateKey()))).toEqual({ ask: true, key: true });
  });

  it('asks for both in the misleading invite: a known club id, a new key and another server', () => {
    holdClub({ role: 'editor', key: generateKey(), viewerKey: generateKey(), shared: true });
    const change = heldClubChange(forged(generateKey(), 'https://ke-xau.example'));
    expect(change).toEqual({
      ask: true,
      key: true,
      relay: { from: location.origin, to: 'https://ke-xau.example' },
    });
  });

  it('asks nothing for the keys of a rotation this tablet started, nor for a viewer link on an editor tablet', () => {
    const pendingKeys = { key: generateKey(), viewerKey: generateKey() };
    holdClub({ role: 'editor', key: generateKey(), viewerKey: generateKey(), shared: true, pendingKeys });
    expect(heldClubChange(forged(pendingKeys.key))).toEqual({ ask: false });
    expect(heldClubChange(forged(generateKey(), undefined, 'viewer'))).toEqual({ ask: false });
  });

  it('asks about the key only when the tablet keeps its server for its other clubs', () => {
    holdClub({ role: 'editor', key: generateKey(), viewerKey: generateKey(), shared: true });
    rememberClub({
      id: 'club-0002',
      name: 'CLB Cựu chiến binh',
      kind: 'veterans',
      memberCount: 5,
      access: { role: 'editor', key: generateKey(), viewerKey: generateKey(), shared: true },
    });
    expect(heldClubChange(forged(generateKey(), 'https://ke-xau.example'))).toEqual({ ask: true, key: true });
  });

  it('asks for a club created here and not yet shared', () => {
    holdClub({ role: 'editor', key: generateKey(), viewerKey: generateKey(), shared: false });
    expect(heldClubChange(forged(generateKey(), 'https://ke-xau.example')).ask).toBe(true);
  });
});
