import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openTabletSigner, verifyTabletSignature } from './signing-key';

describe('openTabletSigner', () => {
  it('makes one key per tablet, keeps it across openings, and its signatures verify', async () => {
    const factory = new IDBFactory();
    const first = await openTabletSigner(factory);
    const again = await openTabletSigner(factory);
    expect(again.tablet).toBe(first.tablet);
    expect(again.publicKey).toBe(first.publicKey);
    expect(first.tablet).toMatch(/^tab-[A-Za-z0-9]{8,16}$/);
    const signature = await again.sign('Biên bản họp tháng 3');
    expect(await verifyTabletSignature(first.publicKey, 'Biên bản họp tháng 3', signature)).toBe(true);
    expect(await verifyTabletSignature(first.publicKey, 'Biên bản họp tháng 4', signature)).toBe(false);
  });

  it('keeps the private key non-extractable', async () => {
    const factory = new IDBFactory();
    await openTabletSigner(factory);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = factory.open('chungtay-device');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const stored = await new Promise<{ privateKey: CryptoKey }>((resolve, reject) => {
      const get = db.transaction('signing').objectStore('signing').get('tablet');
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => reject(get.error);
    });
    db.close();
    expect(stored.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', stored.privateKey)).rejects.toThrow();
  });

  it('two tablets have different keys; one tablet cannot pass for the other', async () => {
    const a = await openTabletSigner(new IDBFactory());
    const b = await openTabletSigner(new IDBFactory());
    expect(a.tablet).not.toBe(b.tablet);
    const signature = await a.sign('x');
    expect(await verifyTabletSignature(b.publicKey, 'x', signature)).toBe(false);
    expect(await verifyTabletSignature('not a key', 'x', signature)).toBe(false);
    expect(await verifyTabletSignature(a.publicKey, 'x', 'bm9wZQ==')).toBe(false);
  });
});
