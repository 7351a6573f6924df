import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runClubRegistryTests } from './club-registry-conformance';
import { openSqliteStorage } from './sqlite-doc-store';

runClubRegistryTests('sqlite registry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relay-registry-'));
  return { open: () => openSqliteStorage(dir), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
});
