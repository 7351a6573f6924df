import { describe, expect, it } from 'vitest';
import {
  connectionParams,
  connectionProtocols,
  keyFromProtocols,
  offersSyncSubprotocol,
  SYNC_SUBPROTOCOL,
  syncServerUrl,
  versionParams,
} from './connection';
import { generateKey } from './key';

describe('connection', () => {
  it('offers the key as a subprotocol after the one the relay selects, and reads it back from the header', () => {
    const key = generateKey();
    const offered = connectionProtocols(key);
    expect(offered[0]).toBe(SYNC_SUBPROTOCOL);
    // Subprotocols are HTTP tokens: no separators, so a base64url key travels as it is.
    for (const token of offered) expect(token).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(keyFromProtocols(offered.join(', '))).toBe(key);
    expect(keyFromProtocols(`other, ${offered[1]}`)).toBe(key);
    expect(keyFromProtocols(SYNC_SUBPROTOCOL)).toBeUndefined();
    expect(keyFromProtocols(undefined)).toBeUndefined();
  });

  it("tells the app's connections (which offer the sync subprotocol) from stock y-websocket clients", () => {
    expect(offersSyncSubprotocol(connectionProtocols(generateKey()).join(', '))).toBe(true);
    expect(offersSyncSubprotocol(`other,${SYNC_SUBPROTOCOL}`)).toBe(true);
    expect(offersSyncSubprotocol(`${SYNC_SUBPROTOCOL}-old`)).toBe(false);
    expect(offersSyncSubprotocol(undefined)).toBe(false);
  });

  it('puts only the version in the URL; the key there is for older clients', () => {
    expect(versionParams()).toEqual({ v: '1' });
    expect(connectionParams('abc')).toEqual({ k: 'abc', v: '1' });
    expect(syncServerUrl('https://dongbo.example.vn/')).toBe('wss://dongbo.example.vn/sync');
  });
});
