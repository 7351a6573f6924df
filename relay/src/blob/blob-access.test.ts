import { generateKey } from '@chungtay/protocol';
import { describe, expect, it } from 'vitest';
import { hashKey } from '../access';
import { openMemoryStorage } from '../store/memory-doc-store';
import { blobKeyRole, decideBlobAccess } from './blob-access';

describe('blob access rules', () => {
  it('lets the committee (editor key) write and read every blob, health-scoped ones too', () => {
    for (const operation of ['read', 'write'] as const)
      for (const scope of ['club', 'health'] as const)
        expect(decideBlobAccess('editor', operation, scope)).toEqual({ type: 'granted' });
  });

  it('gives the supervisor (viewer key) no blob: the summary it may open shows none', () => {
    for (const operation of ['read', 'write'] as const)
      for (const scope of ['club', 'health'] as const)
        expect(decideBlobAccess('viewer', operation, scope)).toMatchObject({ type: 'refused', status: 403 });
  });

  it("tells the club's keys apart, and refuses an unknown, malformed or retired key", async () => {
    const { clubs } = openMemoryStorage();
    const editorKey = generateKey();
    const viewerKey = generateKey();
    await clubs.create('club-0001', { editorKeyHash: hashKey(editorKey), viewerKeyHash: hashKey(viewerKey) });
    expect(await blobKeyRole(clubs, 'club-0001', editorKey)).toEqual({ ok: true, role: 'editor' });
    expect(await blobKeyRole(clubs, 'club-0001', viewerKey)).toEqual({ ok: true, role: 'viewer' });
    expect(await blobKeyRole(clubs, 'club-0001', generateKey())).toMatchObject({
      ok: false,
      access: { status: 401, reason: 'unauthorized' },
    });
    expect(await blobKeyRole(clubs, 'club-0001', 'short')).toMatchObject({ ok: false });
    expect(await blobKeyRole(clubs, 'club-0002', editorKey)).toMatchObject({
      ok: false,
      access: { status: 404, reason: 'clubNotRegistered' },
    });
    const next = { editorKeyHash: hashKey(generateKey()), viewerKeyHash: hashKey(generateKey()) };
    await clubs.rotate('club-0001', hashKey(editorKey), next);
    expect(await blobKeyRole(clubs, 'club-0001', editorKey)).toMatchObject({
      ok: false,
      access: { reason: 'keyRevoked' },
    });
  });

  it("takes a tablet's own key as an editor's, so photos go on after the invite keys change, until it is cut off", async () => {
    const { clubs } = openMemoryStorage();
    const editorKey = generateKey();
    const tabletKey = generateKey();
    await clubs.create('club-0001', {
      editorKeyHash: hashKey(editorKey),
      viewerKeyHash: hashKey(generateKey()),
    });
    await clubs.registerTablet(
      'club-0001',
      { tabletId: 'tablet-lan-01', keyHash: hashKey(tabletKey), person: 'member-lan-0001' },
      1000,
    );
    const next = { editorKeyHash: hashKey(generateKey()), viewerKeyHash: hashKey(generateKey()) };
    await clubs.rotate('club-0001', hashKey(editorKey), next);
    expect(await blobKeyRole(clubs, 'club-0001', tabletKey)).toEqual({ ok: true, role: 'editor' });
    expect(await blobKeyRole(clubs, 'club-0002', tabletKey)).toMatchObject({ ok: false });
    await clubs.revokeTablet('club-0001', 'tablet-lan-01', 2000);
    expect(await blobKeyRole(clubs, 'club-0001', tabletKey)).toMatchObject({
      ok: false,
      access: { status: 401, reason: 'keyRevoked' },
    });
  });
});
