import { usePostgresServer } from '../../test/support/postgres-server';
import { runClubRegistryTests } from './club-registry-conformance';
import { openPostgresStorage } from './postgres-doc-store';

const server = usePostgresServer();

runClubRegistryTests('postgres registry', () => {
  // One database per test; the peer is a second pool on it, as a second relay process would open.
  let url: Promise<string> | undefined;
  const database = () => (url ??= server.createDatabase());
  return {
    open: async () => openPostgresStorage(await database()),
    openPeer: async () => openPostgresStorage(await database()),
    cleanup: () => {},
  };
});
