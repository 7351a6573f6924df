import { createSignal } from 'solid-js';
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { type AccessChanges, linkDocRelay } from '../../sync/relay/doc-relay';
import type { SyncStatus } from '../../sync/sync-status';
import type { DocNames, RelayLink, User } from './doc-session';

export type { AccessChanges };

export interface ClubDocLink extends RelayLink {
  /** Who else writes in this doc now (remote carets); null when the kind asked for no presence. */
  readonly awareness: Awareness | null;
}

/**
 * The relay link of one of a club's other documents (minutes, health records, later the money book and
 * reports): the club's key, remade whenever the club session reconnects (`ClubSession.onAccessChange`), and
 * every edit listed as unsent until a relay holds it. A kind's `link`. It loads the sync code, so only the
 * lazily loaded sessions import it, never the club's first screen.
 */
export function linkClubDoc(
  clubId: string,
  accessChanges: AccessChanges | undefined,
  options: { readonly presence?: boolean } = {},
): (doc: Y.Doc, user: User, names: DocNames) => ClubDocLink {
  return (doc, user, names) => {
    const [status, setStatus] = createSignal<SyncStatus>({ type: 'localOnly' });
    // One presence for every connection the link makes, so the editors' remote carets stay bound.
    const awareness = options.presence ? new Awareness(doc) : null;
    const link = linkDocRelay({
      clubId,
      unsent: {
        documentName: names.documentName,
        storageName: names.storageName,
        keepHistory: names.keepHistory,
      },
      doc,
      user,
      ...(awareness ? { awareness } : {}),
      accessChanges,
      onStatus: setStatus,
    });
    return {
      status,
      awareness,
      current: link.current,
      close() {
        link.close();
        awareness?.destroy();
      },
    };
  };
}
