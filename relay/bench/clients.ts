/** y-websocket clients for the benchmark, identical for both servers. */

import { randomBytes } from 'node:crypto';
import {
  connectionParams,
  connectionProtocols,
  generateKey,
  MESSAGE_NOTICE,
  MESSAGE_STORED,
  registerClubPath,
  versionParams,
} from '@chungtay/protocol';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { ServerProcess } from './server-process';

export interface BenchClub {
  readonly clubId: string;
  readonly editorKey: string;
}

/** Registers a club on our relay; the reference server has no access control and ignores the key. */
export async function prepareClub(server: Pick<ServerProcess, 'kind' | 'httpUrl'>): Promise<BenchClub> {
  const club = { clubId: randomBytes(12).toString('base64url'), editorKey: generateKey() };
  if (server.kind === 'chungtay') {
    const response = await fetch(server.httpUrl + registerClubPath(club.clubId), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ editorKey: club.editorKey, viewerKey: generateKey() }),
    });
    if (response.status !== 201) throw new Error(`register failed: ${response.status}`);
  }
  return club;
}

// Each y-websocket provider adds a process 'exit' listener (to say goodbye to its peers); the benchmark runs
// hundreds at once, which is not the leak Node's warning is about.
process.setMaxListeners(0);

export interface BenchClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  destroy(): void;
}

export function openClient(
  server: ServerProcess,
  club: BenchClub,
  room: string,
  doc = new Y.Doc(),
): BenchClient {
  const provider = new WebsocketProvider(server.syncUrl, `${club.clubId}/${room}`, doc, {
    // As the app connects (its key offered as a subprotocol), so our relay sends them what it sends tablets,
    // acknowledgements included. The other servers select the first offered subprotocol and ignore the key.
    // BENCH_CLIENTS=stock connects as a stock client does (key in the URL), which gets no acknowledgements.
    ...(process.env.BENCH_CLIENTS === 'stock'
      ? { params: { ...connectionParams(club.editorKey) } }
      : { params: { ...versionParams() }, protocols: connectionProtocols(club.editorKey) }),
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  // Our relay's custom messages are not part of stock y-websocket; ignore them instead of logging.
  provider.messageHandlers[MESSAGE_STORED] = () => undefined;
  provider.messageHandlers[MESSAGE_NOTICE] = () => undefined;
  return {
    doc,
    provider,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls a condition (bounded); the benchmark never relies on fixed sleeps for correctness. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
