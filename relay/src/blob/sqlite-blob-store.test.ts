import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBlobStoreTests } from './blob-store-conformance';
import { openSqliteBlobStore } from './sqlite-blob-store';

runBlobStoreTests('sqlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relay-blobs-'));
  return {
    open: () => openSqliteBlobStore(dir),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
});
