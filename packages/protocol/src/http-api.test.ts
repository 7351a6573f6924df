import { describe, expect, it } from 'vitest';
import { connectionParams, syncServerUrl } from './connection';
import {
  parseBearerKey,
  parseRegisterClubRequest,
  parseRotateKeysRequest,
  registerClubPath,
} from './http-api';
import { generateKey } from './key';

describe('http api validators', () => {
  it('accept two distinct well-formed keys and an optional registration code', () => {
    const editorKey = generateKey();
    const viewerKey = generateKey();
    expect(parseRegisterClubRequest({ editorKey, viewerKey })).toEqual({
      ok: true,
      value: { editorKey, viewerKey },
    });
    expect(parseRegisterClubRequest({ editorKey, viewerKey, registrationCode: 'abc' })).toEqual({
      ok: true,
      value: { editorKey, viewerKey, registrationCode: 'abc' },
    });
    expect(parseRotateKeysRequest({ editorKey, viewerKey }).ok).toBe(true);
  });

  it('reject non-objects, malformed or equal keys and a non-string code', () => {
    const key = generateKey();
    for (const body of [
      null,
      [],
      'x',
      { editorKey: key },
      { editorKey: key, viewerKey: key },
      { editorKey: 'a', viewerKey: key },
    ]) {
      expect(parseRegisterClubRequest(body).ok).toBe(false);
      expect(parseRotateKeysRequest(body).ok).toBe(false);
    }
    expect(
      parseRegisterClubRequest({ editorKey: key, viewerKey: generateKey(), registrationCode: 1 }).ok,
    ).toBe(false);
  });

  it('read a bearer key only when it is well formed', () => {
    const key = generateKey();
    expect(parseBearerKey(`Bearer ${key}`)).toBe(key);
    expect(parseBearerKey(`bearer  ${key} `)).toBe(key);
    expect(parseBearerKey('Bearer nope')).toBeUndefined();
    expect(parseBearerKey(undefined)).toBeUndefined();
  });

  it('build paths and connection parameters', () => {
    expect(registerClubPath('club-0001')).toBe('/api/clubs/club-0001/register');
    expect(connectionParams('K')).toEqual({ k: 'K', v: '1' });
    expect(syncServerUrl('https://a.example/')).toBe('wss://a.example/sync');
    expect(syncServerUrl('http://localhost:8080')).toBe('ws://localhost:8080/sync');
  });
});
