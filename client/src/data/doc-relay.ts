import type * as Y from 'yjs';
import { RelaySync } from '../sync/relay-sync';
import type { SyncStatus } from '../sync/sync-status';
import { findKnownClub, readRelayOrigin } from './device';

/**
 * A relay connection for one of a club's secondary docs (minutes, health), with the club's key.
 * Null when the club is not shared from this tablet. The caller starts it.
 */
export function createDocRelay(
  clubId: string,
  documentName: string,
  doc: Y.Doc,
  user: { readonly name: string; readonly color: string },
): RelaySync | null {
  const access = findKnownClub(clubId)?.access;
  if (!access?.shared) return null;
  return new RelaySync(doc, { relayOrigin: readRelayOrigin(), documentName, key: access.key, user });
}

export function watchRelay(relay: RelaySync, set: (status: SyncStatus) => void): () => void {
  const stop = relay.onChange(() => set(relay.status));
  set(relay.status);
  return stop;
}
