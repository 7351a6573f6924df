export interface StorageStatus {
  readonly supported: boolean;
  readonly persisted: boolean;
  readonly usage: number | null;
  readonly quota: number | null;
}

/** Reads whether the browser may evict our data and how much space we use. */
export async function readStorageStatus(
  storage: StorageManager | undefined = navigator.storage,
): Promise<StorageStatus> {
  if (!storage?.persisted) return { supported: false, persisted: false, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([
    storage.persisted().catch(() => false),
    storage.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { supported: true, persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/** Asks for persistent storage; resolves to whether it is granted. */
export async function requestPersistentStorage(
  storage: StorageManager | undefined = navigator.storage,
): Promise<boolean> {
  if (!storage?.persist) return false;
  return storage.persist().catch(() => false);
}
