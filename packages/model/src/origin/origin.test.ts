import { describe, expect, it } from 'vitest';
import {
  isChangeOrigin,
  isLocalOrigin,
  localOrigin,
  migrationOrigin,
  persistenceOrigin,
  remoteOrigin,
} from './origin';

describe('origins', () => {
  it('builds a local origin with a copy of the author', () => {
    const author = { id: 'u1', name: 'Lan' };
    const origin = localOrigin(author);
    expect(origin).toEqual({ type: 'local', author });
    expect(isLocalOrigin(origin)).toBe(true);
  });

  it('rejects things that are not local origins', () => {
    expect(isLocalOrigin(null)).toBe(false);
    expect(isLocalOrigin({ type: 'local' })).toBe(false);
    expect(isLocalOrigin({ type: 'local', author: { id: 1, name: 'x' } })).toBe(false);
    expect(isLocalOrigin(remoteOrigin('ws'))).toBe(false);
    expect(isLocalOrigin('local')).toBe(false);
  });

  it('recognises every kind of change origin and nothing else', () => {
    expect(isChangeOrigin(remoteOrigin('ws'))).toBe(true);
    expect(isChangeOrigin(persistenceOrigin())).toBe(true);
    expect(isChangeOrigin(migrationOrigin('0001'))).toBe(true);
    expect(isChangeOrigin(localOrigin({ id: 'a', name: 'b' }))).toBe(true);
    expect(isChangeOrigin({ type: 'provider' })).toBe(false);
    expect(isChangeOrigin(undefined)).toBe(false);
  });
});
