/** Bumped only for incompatible changes; the relay closes other versions with CloseCode.unsupportedProtocolVersion. */
export const PROTOCOL_VERSION = 1;

/** WebSocket path prefix: a document `<name>` syncs at `/sync/<name>`. */
export const SYNC_PATH = '/sync';

/** URL parameter names on the sync URL. The key rides in the URL because browsers cannot set WebSocket headers. */
export const ConnectionParam = { key: 'k', version: 'v' } as const;

/** The `params` option for y-websocket's WebsocketProvider. */
export function connectionParams(key: string): { readonly k: string; readonly v: string } {
  return { k: key, v: String(PROTOCOL_VERSION) };
}

/** `ws(s)://host/sync` for an http(s) origin, the serverUrl a WebsocketProvider wants. */
export function syncServerUrl(origin: string): string {
  return `${origin.replace(/\/+$/, '').replace(/^http/, 'ws')}${SYNC_PATH}`;
}
