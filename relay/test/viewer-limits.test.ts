import {
  CloseCode,
  connectionProtocols,
  documentName,
  versionParams,
  viewerDocumentName,
} from '@chungtay/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  connectClient,
  registerClub,
  startTestRelay,
  type TestClient,
  type TestClub,
  type TestRelay,
  waitFor,
} from './helpers';

/**
 * Issue 15: a viewer (supervisor) key opens the club's summary and nothing else. Each committee
 * document is seeded through the relay with a member's name and phone; a real y-websocket client on the
 * viewer key then asks for it, and every byte it receives is searched for them.
 */

const NAME = 'Nguyễn Thị Lan';
const PHONE = '0912345678';
const encoded = (text: string) => Buffer.from(text, 'utf8');

/** `ws` keeping every frame it receives, so the test sees the bytes and not only the decoded doc. */
class RecordingSocket extends WebSocket {
  static received: Buffer[] = [];
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('message', (data: Buffer) => RecordingSocket.received.push(Buffer.from(data)));
  }
}

function openAsViewer(syncUrl: string, name: string, key: string) {
  const doc = new Y.Doc();
  const closes: number[] = [];
  const provider = new WebsocketProvider(syncUrl, name, doc, {
    params: { ...versionParams() },
    protocols: connectionProtocols(key),
    WebSocketPolyfill: RecordingSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  provider.on('connection-close', (event) => {
    if (event !== null) closes.push(event.code);
  });
  return { doc, provider, closes };
}

describe('a viewer key', () => {
  let relay: TestRelay;
  let club: TestClub;
  const editors: TestClient[] = [];
  let committeeDocs: string[] = [];

  beforeAll(async () => {
    relay = await startTestRelay();
    club = await registerClub(relay.httpUrl);
    committeeDocs = [
      club.clubId,
      documentName(club.clubId, 'health'),
      documentName(club.clubId, 'money'),
      documentName(club.clubId, 'care'),
      documentName(club.clubId, 'meeting', 'meeting-2026-03'),
    ];
    for (const name of committeeDocs) {
      const editor = connectClient(relay.syncUrl, name, club.editorKey);
      editor.doc.getMap('members').set('m-0001', { fullName: NAME, phone: PHONE, notes: 'bị tiểu đường' });
      editors.push(editor);
    }
    const summary = connectClient(relay.syncUrl, viewerDocumentName(club.clubId), club.editorKey);
    summary.doc.getMap('figures').set('members.total', 58);
    summary.doc.getMap('figures').set('members.women', 37);
    editors.push(summary);
    await waitFor(() => editors.every((e) => e.provider.synced && e.holdsAll()), 'committee docs stored');
  });

  afterAll(async () => {
    for (const editor of editors) editor.destroy();
    await relay.close();
  });

  it('is refused every committee document (4403) and receives no byte of their content', async () => {
    for (const name of committeeDocs) {
      RecordingSocket.received = [];
      const viewer = openAsViewer(relay.syncUrl, name, club.viewerKey);
      try {
        await waitFor(() => viewer.closes.includes(CloseCode.privateDocument), `4403 on ${name}`);
        expect(viewer.doc.getMap('members').size).toBe(0);
        const bytes = Buffer.concat(RecordingSocket.received);
        expect(bytes.includes(encoded(NAME))).toBe(false);
        expect(bytes.includes(encoded(PHONE))).toBe(false);
        expect(bytes.includes(encoded('tiểu đường'))).toBe(false);
      } finally {
        viewer.provider.destroy();
      }
    }
  });

  it('opens the summary and receives its figures, with no member in them', async () => {
    RecordingSocket.received = [];
    const viewer = openAsViewer(relay.syncUrl, viewerDocumentName(club.clubId), club.viewerKey);
    try {
      await waitFor(() => viewer.doc.getMap('figures').get('members.women') === 37, 'summary synced');
      expect(viewer.doc.getMap('figures').get('members.total')).toBe(58);
      expect(viewer.closes).toEqual([]);
      const bytes = Buffer.concat(RecordingSocket.received);
      expect(bytes.length).toBeGreaterThan(0);
      expect(bytes.includes(encoded(NAME))).toBe(false);
      expect(bytes.includes(encoded(PHONE))).toBe(false);
    } finally {
      viewer.provider.destroy();
    }
  });

  it('is refused names that only resemble the summary', async () => {
    for (const name of [
      documentName(club.clubId, 'summary', 'old'),
      documentName(club.clubId, 'meeting', 'summary'),
    ]) {
      const viewer = openAsViewer(relay.syncUrl, name, club.viewerKey);
      try {
        await waitFor(() => viewer.closes.includes(CloseCode.privateDocument), `4403 on ${name}`);
      } finally {
        viewer.provider.destroy();
      }
    }
  });
});
