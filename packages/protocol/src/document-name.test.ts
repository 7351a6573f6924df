import { describe, expect, it } from 'vitest';
import { documentName, isPrivateDocument, keepsHistory, parseDocumentName } from './document-name';

const club = 'Club_abc-123';

describe('parseDocumentName', () => {
  it('accepts a club document and parts below it, returning the club id', () => {
    for (const name of [club, `${club}/health`, `${club}/meeting/m-1`]) {
      const parsed = parseDocumentName(name);
      expect(parsed.ok && parsed.value.clubId).toBe(club);
    }
    const meeting = parseDocumentName(`${club}/meeting/m-1`);
    expect(meeting.ok && meeting.value.parts).toEqual(['meeting', 'm-1']);
  });

  it('rejects bad club ids, bad parts and too many segments with a reason', () => {
    const reasons = [
      'short',
      'x'.repeat(65),
      'bad club id',
      `${club}/`,
      `${club}/a.b`,
      `${club}/a/b/c`,
      '',
      '../etc',
    ].map((name) => {
      const parsed = parseDocumentName(name);
      return parsed.ok ? 'ok' : parsed.error.reason;
    });
    expect(reasons).toEqual([
      'invalidClubId',
      'invalidClubId',
      'invalidClubId',
      'invalidPart',
      'invalidPart',
      'tooManySegments',
      'invalidClubId',
      'invalidClubId',
    ]);
  });

  it('builds names from segments and throws on invalid ones', () => {
    expect(documentName(club, 'meeting', 'abc')).toBe(`${club}/meeting/abc`);
    expect(() => documentName(club, 'a b')).toThrow();
  });
});

describe('isPrivateDocument', () => {
  it('marks the health document and everything under it private, nothing else', () => {
    expect(isPrivateDocument(`${club}/health`)).toBe(true);
    expect(isPrivateDocument(`${club}/health/2025`)).toBe(true);
    expect(isPrivateDocument(club)).toBe(false);
    expect(isPrivateDocument(`${club}/meeting/health`)).toBe(false);
    expect(isPrivateDocument(`${club}/healthy`)).toBe(false);
  });

  it('marks the money book private too, and only it', () => {
    expect(isPrivateDocument(`${club}/money`)).toBe(true);
    expect(isPrivateDocument(`${club}/money/2026`)).toBe(true);
    expect(isPrivateDocument(`${club}/meeting/money`)).toBe(false);
    expect(isPrivateDocument(`${club}/moneys`)).toBe(false);
  });

  it('marks the home-care log private too, and only it', () => {
    expect(isPrivateDocument(`${club}/care`)).toBe(true);
    expect(isPrivateDocument(`${club}/meeting/care`)).toBe(false);
    expect(isPrivateDocument(`${club}/careers`)).toBe(false);
  });

  it('marks the periodic reports private too, and only them', () => {
    expect(isPrivateDocument(`${club}/report/r-2026-h1`)).toBe(true);
    expect(isPrivateDocument(`${club}/meeting/report`)).toBe(false);
    expect(isPrivateDocument(`${club}/reports`)).toBe(false);
  });

  it('treats unparseable names as private', () => {
    expect(isPrivateDocument('nope')).toBe(true);
  });
});

describe('keepsHistory', () => {
  it('is true for a meeting’s minutes and false for the club doc and the health doc', () => {
    expect(keepsHistory('abcdefgh12/meeting/m1')).toBe(true);
    expect(keepsHistory('abcdefgh12')).toBe(false);
    expect(keepsHistory('abcdefgh12/health')).toBe(false);
    expect(keepsHistory('not a name')).toBe(false);
  });
});
