import {
  CloseCode,
  connectionProtocols,
  generateKey,
  registerClubPath,
  rotateKeysPath,
  SYNC_SUBPROTOCOL,
  viewerDocumentName,
} from '@chungtay/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  connectClient,
  newClubId,
  registerClub,
  startTestRelay,
  type TestClient,
  type TestClub,
  type TestRelay,
  waitFor,
} from './helpers';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('access control', () => {
  let relay: TestRelay;
  let club: TestClub;
  const clients: TestClient[] = [];
  const open = (name: string, key: string | undefined) => {
    const client = connectClient(relay.syncUrl, name, key);
    clients.push(client);
    return client;
  };
  /** An editor with some content in the club document, stored. */
  const seed = async (name: string, text: string) => {
    const editor = open(name, club.editorKey);
    editor.text.insert(0, text);
    await waitFor(() => editor.holdsAll(), 'seeded');
    return editor;
  };
  const closedWith = (client: TestClient, code: number) =>
    waitFor(() => client.closes.some((c) => c.code === code), `close ${code}`);

  beforeEach(async () => {
    relay = await startTestRelay();
    club = await registerClub(relay.httpUrl);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await relay.close();
  });

  it('refuses a client without a key with 4401 before sending any content, and it stops retrying', async () => {
    await seed(club.clubId, 'secret roster');
    const intruder = open(club.clubId, undefined);
    const wrong = open(club.clubId, generateKey());
    await closedWith(intruder, CloseCode.unauthorized);
    await closedWith(wrong, CloseCode.unauthorized);
    expect(intruder.provider.shouldConnect).toBe(false);
    expect(intruder.text.toString()).toBe('');
    expect(wrong.text.toString()).toBe('');
    expect(intruder.storedReports).toBe(0);
  });

  it('takes the key as a subprotocol (kept out of the URL) or, from older clients, in the URL', async () => {
    await seed(club.clubId, 'Sổ thành viên');
    const url = `${relay.syncUrl}/${club.clubId}?v=1`;
    const handshake = (socket: WebSocket) =>
      new Promise<{ protocol: string; firstFrame: boolean; code: number | undefined }>((resolve) => {
        let firstFrame = false;
        socket.on('message', () => {
          firstFrame = true;
          socket.close();
        });
        socket.on('close', (code) => resolve({ protocol: socket.protocol, firstFrame, code }));
        socket.on('error', () => undefined);
      });
    const byProtocol = await handshake(new WebSocket(url, connectionProtocols(club.editorKey)));
    expect(byProtocol.protocol).toBe(SYNC_SUBPROTOCOL);
    expect(byProtocol.firstFrame).toBe(true);
    const byUrl = await handshake(new WebSocket(`${url}&k=${club.editorKey}`));
    expect(byUrl.firstFrame).toBe(true);
    const wrong = await handshake(new WebSocket(url, connectionProtocols(generateKey())));
    expect(wrong).toEqual({ protocol: SYNC_SUBPROTOCOL, firstFrame: false, code: CloseCode.unauthorized });
  });

  it('refuses bad document names, unknown clubs and other protocol versions with their codes', async () => {
    const badName = open('not a club', club.editorKey);
    const unknownClub = open(newClubId(), club.editorKey);
    await closedWith(badName, CloseCode.invalidDocumentName);
    await closedWith(unknownClub, CloseCode.clubNotRegistered);
    const oldClient = connectClient(relay.syncUrl, club.clubId, undefined);
    clients.push(oldClient);
    oldClient.provider.disconnect();
    oldClient.provider.params = { v: '0' };
    oldClient.provider.protocols = connectionProtocols(club.editorKey);
    oldClient.provider.connect();
    await closedWith(oldClient, CloseCode.unsupportedProtocolVersion);
  });

  it("drops a viewer's writes: nobody receives them, nothing is stored, the viewer is told", async () => {
    const summary = viewerDocumentName(club.clubId);
    const editor = await seed(summary, 'hello');
    const viewer = open(summary, club.viewerKey);
    await waitFor(() => viewer.text.toString() === 'hello', 'viewer reads');
    expect(viewer.notices).toContainEqual({ type: 'readOnlyAccess' });
    viewer.text.insert(0, 'vandal ');
    await waitFor(() => viewer.notices.some((n) => n.type === 'viewerWriteDropped'), 'notice');
    // An editor edit afterwards arrives at the viewer, proving the pipe works while the viewer's write did not travel.
    editor.text.insert(5, '!');
    await waitFor(() => viewer.text.toString().includes('!'), 'viewer gets later edits');
    expect(editor.text.toString()).toBe('hello!');
    const late = open(summary, club.editorKey);
    await waitFor(() => late.text.toString() === 'hello!', 'late editor');
    const stored = await relay.storage.docs.load(summary);
    const copy = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(copy, update);
    expect(copy.getText('t').toString()).toBe('hello!');
  });

  it('does not count a viewer resyncing what the relay holds (deletions included) as a write', async () => {
    const summary = viewerDocumentName(club.clubId);
    const editor = await seed(summary, 'hello world');
    editor.text.delete(5, 6);
    await waitFor(() => editor.holdsAll(), 'deletion stored');
    const viewer = open(summary, club.viewerKey);
    await waitFor(() => viewer.text.toString() === 'hello' && viewer.holdsAll(), 'viewer synced');
    // Reconnecting sends a sync step 2 with the whole delete set the viewer holds.
    viewer.provider.disconnect();
    viewer.provider.connect();
    await waitFor(() => viewer.provider.wsconnected && viewer.holdsAll(), 'viewer resynced');
    expect(viewer.notices.filter((n) => n.type === 'viewerWriteDropped')).toEqual([]);
    expect(relay.metrics.viewerWritesDropped).toBe(0);
  });

  it('lets viewers announce presence', async () => {
    const summary = viewerDocumentName(club.clubId);
    const editor = open(summary, club.editorKey);
    const viewer = open(summary, club.viewerKey);
    viewer.provider.awareness.setLocalStateField('user', { name: 'Viewer' });
    await waitFor(
      () => [...editor.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Viewer'),
      'presence',
    );
  });

  it('keeps a viewer out of the private health document (4403) while an editor opens it', async () => {
    await seed(`${club.clubId}/health`, 'private notes');
    const viewer = open(`${club.clubId}/health`, club.viewerKey);
    await closedWith(viewer, CloseCode.privateDocument);
    expect(viewer.text.toString()).toBe('');
  });

  it('rotates keys: old keys get 4410, connections using them are closed, the new keys work', async () => {
    const summary = viewerDocumentName(club.clubId);
    const editor = await seed(summary, 'kept');
    const viewer = open(summary, club.viewerKey);
    await waitFor(() => viewer.text.toString() === 'kept', 'viewer synced');
    const next = { editorKey: generateKey(), viewerKey: generateKey() };
    const denied = await post(relay.httpUrl + rotateKeysPath(club.clubId), next, {
      authorization: `Bearer ${club.viewerKey}`,
    });
    expect(denied.status).toBe(401);
    const rotated = await post(relay.httpUrl + rotateKeysPath(club.clubId), next, {
      authorization: `Bearer ${club.editorKey}`,
    });
    expect(rotated.status).toBe(200);
    await closedWith(editor, CloseCode.keyRevoked);
    await closedWith(viewer, CloseCode.keyRevoked);
    const stale = open(summary, club.editorKey);
    await closedWith(stale, CloseCode.keyRevoked);
    // The same request again (its answer was lost): it did happen, so it succeeds and changes nothing.
    const retried = await post(relay.httpUrl + rotateKeysPath(club.clubId), next, {
      authorization: `Bearer ${club.editorKey}`,
    });
    expect(retried.status).toBe(200);
    // Any other rotation with the old key is refused as revoked.
    const again = await post(
      relay.httpUrl + rotateKeysPath(club.clubId),
      { editorKey: generateKey(), viewerKey: generateKey() },
      { authorization: `Bearer ${club.editorKey}` },
    );
    expect(again.status).toBe(410);
    const fresh = open(summary, next.editorKey);
    await waitFor(() => fresh.text.toString() === 'kept', 'new key syncs');
    const freshViewer = open(summary, next.viewerKey);
    await waitFor(() => freshViewer.text.toString() === 'kept', 'new viewer key syncs');
  });

  it('answers registration with 201, 200 for the same editor key, 409 for other keys and 400 for a bad body', async () => {
    const clubId = newClubId();
    const keys = { editorKey: generateKey(), viewerKey: generateKey() };
    const url = relay.httpUrl + registerClubPath(clubId);
    expect((await post(url, keys)).status).toBe(201);
    expect((await post(url, keys)).status).toBe(200);
    expect((await post(url, { editorKey: generateKey(), viewerKey: generateKey() })).status).toBe(409);
    expect((await post(url, { editorKey: 'short' })).status).toBe(400);
    expect((await post(relay.httpUrl + registerClubPath('bad'), keys)).status).toBe(400);
  });
});

describe('registration code', () => {
  it('is required when the operator set one', async () => {
    const relay = await startTestRelay({ registrationCode: 'village-2025' });
    try {
      const keys = { editorKey: generateKey(), viewerKey: generateKey() };
      const url = relay.httpUrl + registerClubPath(newClubId());
      expect((await post(url, keys)).status).toBe(403);
      expect((await post(url, { ...keys, registrationCode: 'wrong' })).status).toBe(403);
      expect((await post(url, { ...keys, registrationCode: 'village-2025' })).status).toBe(201);
    } finally {
      await relay.close();
    }
  });
});
