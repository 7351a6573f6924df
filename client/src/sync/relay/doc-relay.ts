import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { findKnownClub, readRelayOrigin, syncKey } from '../../device/device';
import { markSent, markUnsent, rememberHeldDoc, type UnsentDoc } from '../../device/unsent-docs';
import { RelaySync } from '../relay-sync';
import type { SyncStatus } from '../sync-status';
import { markClosed, markOpen } from './open-docs';

/**
 * A relay connection for one of a club's docs, with the club's key.
 * Null when the club is not shared from this tablet. The caller starts it.
 */
export function createDocRelay(
  clubId: string,
  documentName: string,
  doc: Y.Doc,
  user: { readonly name: string; readonly color: string },
  awareness?: Awareness,
): RelaySync | null {
  const access = findKnownClub(clubId)?.access;
  if (!access?.shared) return null;
  return new RelaySync(doc, {
    relayOrigin: readRelayOrigin(),
    documentName,
    key: syncKey(access),
    user,
    ...(awareness ? { awareness } : {}),
  });
}

export function watchRelay(relay: RelaySync, set: (status: SyncStatus) => void): () => void {
  const stop = relay.onChange(() => set(relay.status));
  set(relay.status);
  return stop;
}

/** Subscribes to the club session's access changes; returns the unsubscribe. */
export type AccessChanges = (listener: () => void) => () => void;

export interface DocRelayLink {
  /** The connection now: null while the club is not shared from this tablet. */
  current(): RelaySync | null;
  close(): void;
}

/**
 * A secondary doc's (minutes, health, money) relay connection that follows the club's access: it is made, or
 * remade with the new key, each time the club session reconnects, so a screen that is open while the
 * club gets shared (or its keys change) starts syncing without being reopened.
 *
 * Every edit made on this tablet lists the doc as unsent (unsent-docs.ts) until a relay reports holding
 * all of it, so that closing the screen early, or offline, leaves the upload to the club's background sync.
 */
export function linkDocRelay(options: {
  readonly clubId: string;
  readonly unsent: UnsentDoc;
  readonly doc: Y.Doc;
  readonly user: { readonly name: string; readonly color: string };
  readonly awareness?: Awareness;
  readonly accessChanges?: AccessChanges | undefined;
  readonly onStatus: (status: SyncStatus) => void;
}): DocRelayLink {
  const { clubId, unsent, doc } = options;
  const name = unsent.documentName;
  let relay: RelaySync | null = null;
  let stopStatus = () => {};
  const onStatus = (status: SyncStatus) => {
    if (status.type === 'synced') markSent(clubId, name);
    options.onStatus(status);
  };
  const connect = () => {
    stopStatus();
    relay?.destroy();
    relay = createDocRelay(clubId, name, doc, options.user, options.awareness);
    if (relay === null) {
      stopStatus = () => {};
      options.onStatus({ type: 'localOnly' });
      return;
    }
    stopStatus = watchRelay(relay, onStatus);
    relay.start();
  };
  const onUpdate = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    // Local means made on this tablet: not loaded from IndexedDB, not received from the relay.
    if (transaction.local) markUnsent(clubId, unsent);
  };
  doc.on('update', onUpdate);
  rememberHeldDoc(clubId, unsent);
  markOpen(name);
  connect();
  const stopAccess = options.accessChanges?.(connect) ?? (() => {});
  return {
    current: () => relay,
    close() {
      stopAccess();
      stopStatus();
      doc.off('update', onUpdate);
      relay?.destroy();
      relay = null;
      markClosed(name);
    },
  };
}
