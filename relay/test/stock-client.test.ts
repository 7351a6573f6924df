/**
 * A stock y-websocket client (no subprotocol offered, its key in the URL) gets the standard protocol only:
 * y-websocket logs every frame type it does not know as an error, so the relay's own messages
 * (MESSAGE_STORED, MESSAGE_NOTICE) go only to clients that offered SYNC_SUBPROTOCOL, as the app does.
 */
import { connectionParams, viewerDocumentName } from '@chungtay/protocol';
import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

/** y-protocols' message types: sync, awareness, auth, query awareness. */
const STANDARD_TYPES = [0, 1, 2, 3];

/** `ws` recording the type of every frame it receives. */
class RecordingWebSocket extends WebSocket {
  static types = new Set<number>();
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('message', (data: Buffer) => {
      RecordingWebSocket.types.add(decoding.readVarUint(decoding.createDecoder(new Uint8Array(data))));
    });
  }
}

describe('a stock y-websocket client', () => {
  let relay: TestRelay;
  let club: TestClub;
  const providers: WebsocketProvider[] = [];
  const apps: TestClient[] = [];

  const stock = (key: string, doc = new Y.Doc(), name: string = club.clubId) => {
    const provider = new WebsocketProvider(relay.syncUrl, name, doc, {
      params: { ...connectionParams(key) },
      WebSocketPolyfill: RecordingWebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    providers.push(provider);
    return { provider, text: doc.getText('t') };
  };

  beforeEach(async () => {
    RecordingWebSocket.types.clear();
    relay = await startTestRelay();
    club = await registerClub(relay.httpUrl);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const provider of providers.splice(0)) provider.destroy();
    for (const app of apps.splice(0)) app.destroy();
    await relay.close();
  });

  it('syncs with the app through the relay and receives only standard messages', async () => {
    const errors = vi.spyOn(console, 'error');
    const tablet = connectClient(relay.syncUrl, club.clubId, club.editorKey);
    apps.push(tablet);
    const script = stock(club.editorKey);
    await waitFor(() => script.provider.synced && tablet.provider.synced, 'both synced');
    script.text.insert(0, 'from a script ');
    tablet.text.insert(0, 'from the app ');
    await waitFor(
      () => tablet.text.toString() === script.text.toString() && tablet.text.length > 20,
      'converged',
    );
    // The app is told its edit is stored; the script's connection carried only y-protocols messages.
    await waitFor(() => tablet.holdsAll(), 'app synced');
    expect([...RecordingWebSocket.types].every((type) => STANDARD_TYPES.includes(type))).toBe(true);
    expect(RecordingWebSocket.types.has(0)).toBe(true);
    expect(errors.mock.calls.filter((call) => String(call[0]).includes('Unable to compute message'))).toEqual(
      [],
    );
  });

  it('on a viewer key is told in the standard auth message, and its writes are dropped', async () => {
    // A viewer opens the club's summary alone (issue 15).
    const summary = viewerDocumentName(club.clubId);
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const editor = connectClient(relay.syncUrl, summary, club.editorKey);
    apps.push(editor);
    editor.text.insert(0, 'hello');
    await waitFor(() => editor.holdsAll(), 'seeded');
    const viewer = stock(club.viewerKey, new Y.Doc(), summary);
    await waitFor(() => viewer.text.toString() === 'hello', 'viewer reads');
    await waitFor(() => warnings.mock.calls.some((call) => String(call[0]).includes('Permission denied')));
    viewer.text.insert(0, 'vandal ');
    await waitFor(() => relay.metrics.viewerWritesDropped > 0, 'the write reached the relay and was dropped');
    editor.text.insert(5, '!');
    await waitFor(() => viewer.text.toString().includes('!'), 'viewer gets later edits');
    expect(editor.text.toString()).toBe('hello!');
    const stored = await relay.storage.docs.load(summary);
    const copy = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(copy, update);
    expect(copy.getText('t').toString()).toBe('hello!');
    expect([...RecordingWebSocket.types].every((type) => STANDARD_TYPES.includes(type))).toBe(true);
  });
});
