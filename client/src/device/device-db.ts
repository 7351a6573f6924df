/**
 * The tablet's own IndexedDB database (device scope, never synced): the signing key (signing-key.ts) and
 * the people's PIN hashes (pin.ts). One opening for both, so each version adds its store in one place:
 * version 1 had the signing key alone, version 2 adds the PINs.
 */
const DB_NAME = 'chungtay-device';
const VERSION = 2;
export const SIGNING_STORE = 'signing';
export const PIN_STORE = 'pins';

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function openDeviceDb(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  const open = factory.open(DB_NAME, VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    for (const store of [SIGNING_STORE, PIN_STORE])
      if (!db.objectStoreNames.contains(store)) db.createObjectStore(store);
  };
  // Another tab holding version 1 open keeps this upgrade waiting; it settles once that tab lets go.
  return request(open);
}
