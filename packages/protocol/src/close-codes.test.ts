import { describe, expect, it } from 'vitest';
import { CloseCode, closeCodeName, isTerminalCloseCode } from './close-codes';

describe('close codes', () => {
  it('are unique, in the private 4000-4999 range, and terminal exactly in 4400-4499', () => {
    const codes = Object.values(CloseCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code >= 4000 && code <= 4999).toBe(true);
    const terminal = Object.entries(CloseCode)
      .filter(([, code]) => isTerminalCloseCode(code))
      .map(([name]) => name);
    expect(terminal.sort()).toEqual(
      [
        'clubNotRegistered',
        'documentQuotaExceeded',
        'invalidDocumentName',
        'keyRevoked',
        'privateDocument',
        'storageQuotaExceeded',
        'tabletRevoked',
        'unauthorized',
        'unsupportedProtocolVersion',
      ].sort(),
    );
    expect(isTerminalCloseCode(1006)).toBe(false);
  });

  it('names the codes the relay sends and nothing else', () => {
    expect(closeCodeName(4410)).toBe('keyRevoked');
    expect(closeCodeName(1000)).toBeUndefined();
  });
});
