import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from './base64url';
import { generateKey, isWellFormedKey, KEY_BYTES, KEY_LENGTH } from './key';
import { platform } from './platform';

describe('keys', () => {
  it('generates distinct 43-character base64url keys of 32 random bytes', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateKey()));
    expect(keys.size).toBe(200);
    for (const key of keys) {
      expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(decodeBase64url(key)?.length).toBe(KEY_BYTES);
      expect(isWellFormedKey(key)).toBe(true);
    }
    expect(KEY_LENGTH).toBe(43);
  });

  it('rejects keys of the wrong length, alphabet, type or with non-zero padding bits', () => {
    const key = generateKey();
    expect(isWellFormedKey(key.slice(1))).toBe(false);
    expect(isWellFormedKey(`${key.slice(0, 42)}+`)).toBe(false);
    expect(isWellFormedKey(42)).toBe(false);
    expect(isWellFormedKey(undefined)).toBe(false);
    // The last character carries 4 padding bits; 'B' sets one of them.
    expect(isWellFormedKey(`${'A'.repeat(42)}B`)).toBe(false);
    expect(isWellFormedKey(`${'A'.repeat(42)}Q`)).toBe(true);
  });

  it('encodes RFC 4648 base64url without padding, and round-trips every length', () => {
    expect(encodeBase64url(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
    expect(encodeBase64url(new platform.TextEncoder().encode('foobar'))).toBe('Zm9vYmFy');
    expect(encodeBase64url(new platform.TextEncoder().encode('fooba'))).toBe('Zm9vYmE');
    for (let length = 0; length < 40; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 0xff);
      expect(decodeBase64url(encodeBase64url(bytes))).toEqual(bytes);
    }
    expect(decodeBase64url('A')).toBeUndefined();
    expect(decodeBase64url('ab=c')).toBeUndefined();
  });
});
