import { runClubRegistryTests } from './club-registry-conformance';
import type { Storage } from './doc-store';
import { openMemoryStorage } from './memory-doc-store';

runClubRegistryTests('memory registry', () => {
  let storage: Storage | undefined;
  // Reopening returns the same instance: memory storage survives close() but not the process.
  return { open: () => (storage ??= openMemoryStorage()), cleanup: () => {} };
});
