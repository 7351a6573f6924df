/** Bumped only for incompatible changes; the relay closes other versions with CloseCode.unsupportedProtocolVersion. */
export const PROTOCOL_VERSION = 1;

/** WebSocket path prefix: a document `<name>` syncs at `/sync/<name>`. */
export const SYNC_PATH = '/sync';

/** URL parameter names on the sync URL: the version, and the key as clients before 26/11/2026 sent it. */
export const ConnectionParam = { key: 'k', version: 'v' } as const;

/** The `params` option for y-websocket's WebsocketProvider: the protocol version only. */
export function versionParams(): { readonly v: string } {
  return { v: String(PROTOCOL_VERSION) };
}

/**
 * The key in the URL, as older clients (and the benchmark's stock clients) send it. The relay still accepts
 * it, but a URL is what proxies and browsers log; the app uses `connectionProtocols`.
 */
export function connectionParams(key: string): { readonly k: string; readonly v: string } {
  return { k: key, ...versionParams() };
}

/** The WebSocket subprotocol the relay selects in its handshake (a browser requires one to be selected). */
export const SYNC_SUBPROTOCOL = 'chungtay-sync';
const KEY_SUBPROTOCOL_PREFIX = 'chungtay-key.';

/**
 * The key as an offered WebSocket subprotocol (`Sec-WebSocket-Protocol`, the one header a browser lets a page
 * set on a WebSocket), so it stays out of URLs and so out of proxies' access logs. The `protocols` option of
 * y-websocket's WebsocketProvider. Keys are base64url, which is valid in a subprotocol token.
 */
export function connectionProtocols(key: string): string[] {
  return [SYNC_SUBPROTOCOL, `${KEY_SUBPROTOCOL_PREFIX}${key}`];
}

/**
 * True when a `Sec-WebSocket-Protocol` header offers SYNC_SUBPROTOCOL: the client is the app (or speaks as
 * it does) and understands the relay's own messages (MESSAGE_STORED, MESSAGE_NOTICE). A stock y-websocket
 * client offers nothing and gets the standard protocol only.
 */
export function offersSyncSubprotocol(header: string | undefined): boolean {
  return (header ?? '').split(',').some((token) => token.trim() === SYNC_SUBPROTOCOL);
}

/** The key offered in a `Sec-WebSocket-Protocol` header, if any. */
export function keyFromProtocols(header: string | undefined): string | undefined {
  for (const token of (header ?? '').split(',')) {
    const trimmed = token.trim();
    if (trimmed.startsWith(KEY_SUBPROTOCOL_PREFIX)) return trimmed.slice(KEY_SUBPROTOCOL_PREFIX.length);
  }
  return undefined;
}

/** `ws(s)://host/sync` for an http(s) origin, the serverUrl a WebsocketProvider wants. */
export function syncServerUrl(origin: string): string {
  return `${origin.replace(/\/+$/, '').replace(/^http/, 'ws')}${SYNC_PATH}`;
}
