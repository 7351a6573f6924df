import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BlobStoreFixture, runBlobDeleteTests, runBlobStoreTests } from './blob-store-conformance';
import { openSqliteBlobStore } from './sqlite-blob-store';

function sqlite(): BlobStoreFixture {
  const dir = mkdtempSync(join(tmpdir(), 'relay-blobs-'));
  return {
    open: () => openSqliteBlobStore(dir),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

runBlobStoreTests('sqlite', sqlite);
runBlobDeleteTests('sqlite', sqlite);
