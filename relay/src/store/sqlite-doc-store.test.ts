import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDocStoreTests } from './doc-store-conformance';
import { openSqliteStorage } from './sqlite-doc-store';

runDocStoreTests('sqlite storage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relay-store-'));
  return { open: () => openSqliteStorage(dir), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
});

runDocStoreTests('sqlite storage (synchronous=FULL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relay-store-'));
  return {
    open: () => openSqliteStorage(dir, 'full'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
});
