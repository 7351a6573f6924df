import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import {
  ConnectionParam,
  HEALTH_PATH,
  type HealthResponse,
  keyFromProtocols,
  METRICS_PATH,
  offersSyncSubprotocol,
  PROTOCOL_VERSION,
  SYNC_PATH,
  SYNC_SUBPROTOCOL,
} from '@chungtay/protocol';
import type { Logger } from 'pino';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { BLOB_ROUTE, type BlobLimits, DEFAULT_BLOB_LIMITS, handleBlobRequest } from './blob/blob-http';
import type { BlobStore } from './blob/blob-store';
import { type ApiResponse, deleteClub, registerClub, rotateKeys } from './club-api';
import { Heartbeat } from './heartbeat';
import { REGISTRATION_CODE_BURST, REGISTRATION_CODE_REFILL_PER_SECOND } from './limits';
import type { Metrics } from './metrics';
import type { ConnectRequest, Relay } from './relay';
import { applySecurityHeaders } from './security-headers';
import { serveStatic } from './static-files';
import type { Storage } from './store/doc-store';
import { listTablets, registerTablet, revokeTablet } from './tablet-api';
import { WsTransport } from './ws-transport';

export interface RelayServerDeps {
  readonly relay: Relay;
  readonly storage: Storage;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly staticDir: string;
  readonly registrationCode: string | undefined;
  readonly maxMessageBytes: number;
  /** Interval of WebSocket pings; a socket that missed one pong is terminated. */
  readonly pingIntervalMs: number;
  readonly now: () => number;
  /** Photos and scans (PUT/GET /api/clubs/:clubId/blobs/:hash); those routes answer 404 without one. */
  readonly blobs?: BlobStore | undefined;
  readonly blobLimits?: BlobLimits;
}

export interface RelayServer {
  readonly http: Server;
  /** Stops accepting, closes every connection with 4005, flushes and closes storage. */
  close(): Promise<void>;
}

const MAX_API_BODY_BYTES = 16 * 1024;
const API_PREFIX = '/api/';
const API_ROUTE = /^\/api\/clubs\/([^/]+)\/(register|rotate)$/;
/** DELETE /api/clubs/:clubId: the club leaves the relay (club-api's deleteClub). */
const CLUB_ROUTE = /^\/api\/clubs\/([^/]+)$/;
/** Each tablet's own key (tablet-api.ts): GET/POST …/tablets, POST …/tablets/:tabletId/revoke. */
const TABLET_ROUTE = /^\/api\/clubs\/([^/]+)\/tablets(?:\/([^/]+)\/revoke)?$/;
/**
 * CORS for /api/ only. The relay address is a setting of the app, so the app may be served from another
 * origin than its relay. Any origin may call: the API uses no cookies or browser credentials, only keys
 * the caller holds (in the JSON body, and the rotation's `Authorization: Bearer` header, which a script
 * sets itself and so must be allowed by name).
 */
const API_PREFLIGHT_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, PUT, GET, DELETE',
  'access-control-allow-headers': 'content-type, authorization, x-blob-scope',
  'access-control-max-age': '86400',
};

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

async function readJson(
  request: IncomingMessage,
): Promise<{ ok: true; value: unknown } | { ok: false; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_API_BODY_BYTES) return { ok: false, tooLarge: true };
    chunks.push(chunk);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, tooLarge: false };
  }
}

/** The thin http + ws binding around the transport-agnostic Relay. */
export function createRelayServer(deps: RelayServerDeps): RelayServer {
  const { relay, metrics, logger } = deps;
  const apiContext = {
    clubs: deps.storage.clubs,
    registrationCode: deps.registrationCode,
    onKeysRotated: (clubId: string) => relay.revokeClubConnections(clubId),
    onClubDeleted: async (clubId: string) => void (await relay.deleteClub(clubId)),
    // Shared by every relay process on the bus: a guesser gains nothing by spreading attempts over them.
    failedCodes: relay.bus.budget(
      'registration-codes',
      REGISTRATION_CODE_REFILL_PER_SECOND,
      REGISTRATION_CODE_BURST,
      deps.now(),
    ),
    metrics,
    now: deps.now,
  };
  // Frames between maxMessageBytes and twice that reach the relay and get close code 4002; beyond, ws stops
  // reading at once (1009), so a hostile client cannot make the relay buffer an unbounded frame.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: deps.maxMessageBytes * 2,
    // A browser that offered subprotocols (the app offers its key as one) requires one to be selected.
    handleProtocols: (offered) => (offered.has(SYNC_SUBPROTOCOL) ? SYNC_SUBPROTOCOL : false),
  });
  /**
   * Each accepted socket's transport and connection. The socket's event listeners below are made once for the
   * server and find their connection here, instead of four closures made for every socket (memory per idle
   * connection, relay/README.md); the TCP connection's byte counts tell the heartbeat a slow peer is alive.
   */
  const bound = new WeakMap<WebSocket, WsTransport>();
  const heartbeat = new Heartbeat(wss.clients, deps.pingIntervalMs, (ws) => bound.get(ws)?.socket);
  function onPong(this: WebSocket): void {
    heartbeat.pong(this);
  }
  function onMessage(this: WebSocket, data: RawData, isBinary: boolean): void {
    const connection = bound.get(this)?.connection;
    if (connection === undefined) return;
    if (!isBinary) connection.fail('malformedMessage');
    else connection.receive(toUint8Array(data));
  }
  function onError(this: WebSocket, error: Error & { code?: string }): void {
    if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') metrics.countClosed('messageTooLarge');
    logger.debug({ connection: bound.get(this)?.connection?.id, code: error.code }, 'socket error');
  }
  /** Every frame ws read before the close was delivered first; the connection still handles those. */
  function onClose(this: WebSocket): void {
    bound.get(this)?.connection?.peerClosed();
  }

  async function handleApi(
    request: IncomingMessage,
    response: ServerResponse,
    clubId: string,
    action: string,
  ): Promise<void> {
    const body = await readJson(request);
    if (!body.ok)
      return sendJson(response, body.tooLarge ? 413 : 400, {
        error: body.tooLarge ? 'bodyTooLarge' : 'invalidBody',
      });
    const result: ApiResponse =
      action === 'register'
        ? await registerClub(apiContext, clubId, body.value)
        : await rotateKeys(apiContext, clubId, request.headers.authorization, body.value);
    logger.info({ clubId, action, status: result.status }, 'club api');
    sendJson(response, result.status, result.body, result.headers);
  }

  const tabletContext = {
    clubs: deps.storage.clubs,
    onTabletRevoked: (clubId: string, keyHash: string) => relay.revokeTablet(clubId, keyHash),
    // Registered and revoked times are read by people on the share screen: the epoch, not deps.now's monotonic clock.
    now: Date.now,
  };

  async function handleTablets(
    request: IncomingMessage,
    response: ServerResponse,
    club: string,
    tablet: string | undefined,
  ): Promise<void> {
    const clubId = decodeURIComponent(club);
    const { authorization } = request.headers;
    let result: Awaited<ReturnType<typeof listTablets>>;
    if (tablet === undefined && request.method === 'GET')
      result = await listTablets(tabletContext, clubId, authorization);
    else if (request.method !== 'POST') return sendJson(response, 405, { error: 'notFound' });
    else if (tablet !== undefined)
      result = await revokeTablet(tabletContext, clubId, decodeURIComponent(tablet), authorization);
    else {
      const body = await readJson(request);
      if (!body.ok)
        return sendJson(response, body.tooLarge ? 413 : 400, {
          error: body.tooLarge ? 'bodyTooLarge' : 'invalidBody',
        });
      result = await registerTablet(tabletContext, clubId, authorization, body.value);
    }
    logger.info(
      { clubId, action: tablet === undefined ? 'tablets' : 'revokeTablet', status: result.status },
      'club api',
    );
    sendJson(response, result.status, result.body);
  }

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://relay');
    if (url.pathname.startsWith(API_PREFIX)) {
      // Set before any answer, so errors (405, 413, 500) reach the app's code too, not a CORS failure.
      response.setHeader('access-control-allow-origin', '*');
      if (request.method === 'OPTIONS') {
        response.writeHead(204, API_PREFLIGHT_HEADERS);
        response.end();
        return;
      }
    }
    const blob = BLOB_ROUTE.exec(url.pathname);
    if (blob !== null) {
      if (deps.blobs === undefined) return sendJson(response, 404, { error: 'notFound' });
      const blobContext = {
        blobs: deps.blobs,
        clubs: deps.storage.clubs,
        limits: deps.blobLimits ?? DEFAULT_BLOB_LIMITS,
      };
      return handleBlobRequest(
        blobContext,
        request,
        response,
        decodeURIComponent(blob[1] ?? ''),
        blob[2] ?? '',
      );
    }
    const club = CLUB_ROUTE.exec(url.pathname);
    if (club !== null) {
      if (request.method !== 'DELETE') return sendJson(response, 405, { error: 'notFound' });
      const clubId = decodeURIComponent(club[1] ?? '');
      const result = await deleteClub(apiContext, clubId, request.headers.authorization);
      logger.info({ clubId, action: 'delete', status: result.status }, 'club api');
      return sendJson(response, result.status, result.body, result.headers);
    }
    const tablets = TABLET_ROUTE.exec(url.pathname);
    if (tablets !== null) return handleTablets(request, response, tablets[1] ?? '', tablets[2]);
    const api = API_ROUTE.exec(url.pathname);
    if (api !== null) {
      if (request.method !== 'POST') return sendJson(response, 405, { error: 'notFound' });
      return handleApi(request, response, decodeURIComponent(api[1] ?? ''), api[2] ?? '');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendJson(response, 405, { error: 'notFound' });
    if (url.pathname === HEALTH_PATH) {
      return sendJson(response, 200, {
        status: 'ok',
        protocolVersion: PROTOCOL_VERSION,
      } satisfies HealthResponse);
    }
    if (url.pathname === METRICS_PATH) {
      metrics.documentsInMemory = relay.documentsInMemory;
      response.writeHead(200, {
        'content-type': 'text/plain; version=0.0.4; charset=utf-8',
        'cache-control': 'no-store',
      });
      response.end(metrics.render());
      return;
    }
    return serveStatic(deps.staticDir, request, response);
  }

  const http = createServer((request, response) => {
    applySecurityHeaders(response);
    handleRequest(request, response).catch((error: unknown) => {
      logger.error({ err: error }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'notFound' });
      else response.destroy();
    });
  });

  /** Wires one accepted socket to the core. A function of its own, so that it retains no request or URL. */
  function bindSocket(ws: WebSocket, socket: Socket | undefined, request: ConnectRequest): void {
    // Accept first, then let the core close with a named code: browsers only see close codes of open sockets.
    const transport = new WsTransport(ws, socket);
    transport.connection = relay.connect(transport, request);
    bound.set(ws, transport);
    ws.on('pong', onPong);
    ws.on('message', onMessage);
    ws.on('error', onError);
    ws.on('close', onClose);
  }

  http.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://relay');
    if (!url.pathname.startsWith(`${SYNC_PATH}/`)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    let documentName: string;
    try {
      documentName = decodeURIComponent(url.pathname.slice(SYNC_PATH.length + 1));
    } catch {
      documentName = '';
    }
    const connectRequest: ConnectRequest = {
      documentName,
      // The app sends its key as a subprotocol (kept out of URLs and so out of proxy logs); older clients
      // and stock y-websocket clients send it as the `k` parameter.
      key:
        keyFromProtocols(request.headers['sec-websocket-protocol']) ??
        url.searchParams.get(ConnectionParam.key) ??
        undefined,
      version: url.searchParams.get(ConnectionParam.version) ?? undefined,
      relayMessages: offersSyncSubprotocol(request.headers['sec-websocket-protocol']),
    };
    wss.handleUpgrade(request, socket, head, (ws) =>
      bindSocket(ws, socket instanceof Socket ? socket : undefined, connectRequest),
    );
  });

  return {
    http,
    async close() {
      heartbeat.stop();
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      await relay.shutdown();
      // Give close frames up to 500 ms to flush, then cut what is left so shutdown cannot hang on a dead peer.
      const deadline = Date.now() + 500;
      while (wss.clients.size > 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 10));
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      http.closeAllConnections();
      await closed;
      await deps.storage.close();
      await deps.blobs?.close();
    },
  };
}
