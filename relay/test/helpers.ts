/** Shared fixtures for integration tests: a real relay on port 0, real y-websocket clients, polling waits. */

import { randomBytes } from 'node:crypto';
import {
  connectionProtocols,
  decodeCustomMessage,
  generateKey,
  isSyncContentFrame,
  MESSAGE_NOTICE,
  MESSAGE_STORED,
  type Notice,
  registerClubPath,
  StoredClocks,
  versionParams,
} from '@chungtay/protocol';
import type { Decoder } from 'lib0/decoding';
import * as decoding from 'lib0/decoding';
import { pino } from 'pino';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type RunningRelay, startRelay } from '../src/app';
import type { RelayConfig } from '../src/config';
import { DEFAULT_LIMITS } from '../src/limits';
import type { Storage } from '../src/store/doc-store';
import { openMemoryStorage } from '../src/store/memory-doc-store';

export interface TestRelay extends RunningRelay {
  readonly httpUrl: string;
  readonly syncUrl: string;
  readonly storage: Storage;
}

export function testConfig(overrides: Partial<RelayConfig> = {}): RelayConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: '',
    staticDir: '',
    registrationCode: undefined,
    limits: DEFAULT_LIMITS,
    compactAfterUpdates: 500,
    storedAckIntervalMs: 1000,
    pingIntervalMs: 30_000,
    syncChunkBytes: 256 * 1024,
    logLevel: 'silent',
    sqliteSynchronous: 'normal',
    ...overrides,
  };
}

export async function startTestRelay(
  overrides: Partial<RelayConfig> = {},
  storage: Storage = openMemoryStorage(),
): Promise<TestRelay> {
  const config = testConfig(overrides);
  const relay = await startRelay(config, storage, pino({ level: config.logLevel }));
  return {
    ...relay,
    storage,
    httpUrl: `http://127.0.0.1:${relay.port}`,
    syncUrl: `ws://127.0.0.1:${relay.port}/sync`,
  };
}

/** Polls until the condition holds; never sleeps a fixed time. */
export async function waitFor(
  condition: () => boolean,
  what = 'condition',
  timeoutMs = 10_000,
): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface TestClub {
  readonly clubId: string;
  readonly editorKey: string;
  readonly viewerKey: string;
}

export function newClubId(): string {
  return randomBytes(12).toString('base64url');
}

export async function registerClub(
  httpUrl: string,
  club: TestClub = { clubId: newClubId(), editorKey: generateKey(), viewerKey: generateKey() },
) {
  const response = await fetch(httpUrl + registerClubPath(club.clubId), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ editorKey: club.editorKey, viewerKey: club.viewerKey }),
  });
  if (response.status !== 201) throw new Error(`registration failed: ${response.status}`);
  return club;
}

export interface TestClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly text: Y.Text;
  readonly closes: Array<{ code: number; reason: string }>;
  readonly notices: Notice[];
  /** What the relay reported as stored on this connection, merged as the app merges it. */
  readonly stored: StoredClocks;
  /** MESSAGE_STORED frames received. */
  storedReports: number;
  /**
   * True when the relay reported holding every edit this client has and settling every content frame it sent
   * on this connection ("synced" in the app).
   */
  holdsAll(): boolean;
  destroy(): void;
}

/** `ws` counting the sync content frames it sends, as the app's sockets do (client/src/sync/counting-socket.ts). */
class CountingWebSocket extends WebSocket {
  updatesSent = 0;

  // y-websocket calls send(frame) only.
  override send(data: Uint8Array): void {
    if (isSyncContentFrame(data)) this.updatesSent += 1;
    super.send(data);
  }
}

export function connectClient(
  syncUrl: string,
  documentName: string,
  key: string | undefined,
  doc = new Y.Doc(),
): TestClient {
  // As the app connects: the key offered as a subprotocol, only the version in the URL.
  const provider = new WebsocketProvider(syncUrl, documentName, doc, {
    params: { ...versionParams() },
    protocols: key === undefined ? [] : connectionProtocols(key),
    WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
    // In-process BroadcastChannel would let clients sync without the relay and hide relay bugs.
    disableBc: true,
    maxBackoffTime: 200,
  });
  const client: TestClient = {
    doc,
    provider,
    text: doc.getText('t'),
    closes: [],
    notices: [],
    stored: new StoredClocks(),
    storedReports: 0,
    holdsAll: () =>
      client.stored.covers(
        Y.encodeStateVector(doc),
        (provider.ws as CountingWebSocket | null)?.updatesSent ?? 0,
      ),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
  provider.on('connection-close', (event) => {
    if (event !== null) client.closes.push({ code: event.code, reason: event.reason });
  });
  const onCustom = (_encoder: unknown, decoder: Decoder) => {
    const message = decodeCustomMessage(decoder.arr);
    if (!message.ok) return;
    if (message.value.type === 'stored') {
      client.storedReports += 1;
      client.stored.addReport(message.value);
    } else client.notices.push(message.value.notice);
  };
  // Like the app: what the relay sends is stored there, and a new connection starts afresh.
  const sync = provider.messageHandlers[0];
  provider.messageHandlers[0] = (encoder, decoder, ...rest) => {
    const message = decoding.createDecoder(decoder.arr.subarray(decoder.pos));
    const syncType = decoding.readVarUint(message);
    if (syncType === 1 || syncType === 2) {
      for (const [id, clock] of Y.parseUpdateMeta(decoding.readVarUint8Array(message)).to)
        client.stored.addClock(id, clock);
    }
    sync?.(encoder, decoder, ...rest);
  };
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connecting') client.stored.clear();
  });
  provider.messageHandlers[MESSAGE_STORED] = onCustom;
  provider.messageHandlers[MESSAGE_NOTICE] = onCustom;
  return client;
}

/** A raw socket for sending hand-made frames; resolves its close code. */
export function rawSocket(syncUrl: string, documentName: string, key: string) {
  const socket = new WebSocket(`${syncUrl}/${documentName}?k=${key}&v=1`);
  const messages: Uint8Array[] = [];
  socket.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  socket.on('error', () => undefined);
  return { socket, opened, closed, messages };
}
