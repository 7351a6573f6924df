import { generateKey, type ParsedDocumentName, parseDocumentName } from '@chungtay/protocol';
import { describe, expect, it } from 'vitest';
import { authorize, hashesEqual, hashKey } from './access';
import { MemoryClubRegistry } from './store/memory-club-registry';

const clubId = 'club-0001';
const doc = (name: string): ParsedDocumentName => {
  const parsed = parseDocumentName(name);
  if (!parsed.ok) throw new Error('bad name');
  return parsed.value;
};

describe('authorize', () => {
  it('grants editors everything, viewers the summary alone, and tells revoked from unknown keys', async () => {
    const clubs = new MemoryClubRegistry();
    const editor = generateKey();
    const viewer = generateKey();
    await clubs.create(clubId, { editorKeyHash: hashKey(editor), viewerKeyHash: hashKey(viewer) });
    const decide = async (name: string, key: string | undefined) => {
      const decision = await authorize(clubs, doc(name), key);
      return decision.type === 'granted' ? decision.role : decision.reason;
    };
    expect(await decide(clubId, editor)).toBe('editor');
    expect(await decide(`${clubId}/health`, editor)).toBe('editor');
    expect(await decide(clubId, viewer)).toBe('privateDocument');
    expect(await decide(`${clubId}/summary`, viewer)).toBe('viewer');
    expect(await decide(`${clubId}/summary`, editor)).toBe('editor');
    expect(await decide(`${clubId}/health`, viewer)).toBe('privateDocument');
    expect(await decide(`${clubId}/money`, editor)).toBe('editor');
    expect(await decide(`${clubId}/money`, viewer)).toBe('privateDocument');
    expect(await decide(`${clubId}/care`, editor)).toBe('editor');
    expect(await decide(`${clubId}/care`, viewer)).toBe('privateDocument');
    expect(await decide(`${clubId}/report/report-2026-h1`, editor)).toBe('editor');
    expect(await decide(`${clubId}/report/report-2026-h1`, viewer)).toBe('privateDocument');
    expect(await decide(clubId, undefined)).toBe('unauthorized');
    expect(await decide(clubId, 'not-a-key')).toBe('unauthorized');
    expect(await decide(clubId, generateKey())).toBe('unauthorized');
    expect(await decide('other-club', editor)).toBe('clubNotRegistered');

    const nextEditor = generateKey();
    await clubs.rotate(clubId, hashKey(editor), {
      editorKeyHash: hashKey(nextEditor),
      viewerKeyHash: hashKey(generateKey()),
    });
    expect(await decide(clubId, editor)).toBe('keyRevoked');
    expect(await decide(clubId, viewer)).toBe('keyRevoked');
    expect(await decide(clubId, nextEditor)).toBe('editor');
  });

  it('compares hashes in constant time and never matches empty or different lengths', () => {
    const hash = hashKey(generateKey());
    expect(hashesEqual(hash, hash)).toBe(true);
    expect(hashesEqual(hash, hashKey(generateKey()))).toBe(false);
    expect(hashesEqual('', '')).toBe(false);
    expect(hashesEqual(hash, hash.slice(2))).toBe(false);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
