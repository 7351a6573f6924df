import { runBlobStoreTests } from './blob-store-conformance';
import { MemoryBlobStore } from './memory-blob-store';

runBlobStoreTests('memory', () => {
  let store: MemoryBlobStore | undefined;
  // Reopening returns the same instance: memory survives close() but not the process.
  return { open: () => (store ??= new MemoryBlobStore()), cleanup: () => {} };
});
