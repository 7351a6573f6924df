import type { Storage } from './doc-store';
import { runDocStoreTests } from './doc-store-conformance';
import { openMemoryStorage } from './memory-doc-store';

runDocStoreTests('memory storage', () => {
  let storage: Storage | undefined;
  // Reopening returns the same instance: memory storage survives close() but not the process.
  return { open: () => (storage ??= openMemoryStorage()), cleanup: () => {} };
});
