import { type BlobStoreFixture, runBlobDeleteTests, runBlobStoreTests } from './blob-store-conformance';
import { MemoryBlobStore } from './memory-blob-store';

function memory(): BlobStoreFixture {
  let store: MemoryBlobStore | undefined;
  // Reopening returns the same instance: memory survives close() but not the process.
  return { open: () => (store ??= new MemoryBlobStore()), cleanup: () => {} };
}

runBlobStoreTests('memory', memory);
runBlobDeleteTests('memory', memory);
