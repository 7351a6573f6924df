import { type Accessor, createSignal } from 'solid-js';
import type * as Y from 'yjs';
import {
  type ClubAccess,
  clubAccessSignature,
  findKnownClub,
  forgetTabletKey,
  onClubsChangedElsewhere,
  settleReplacedKeys,
} from '../../device/device';
import { listUnsent, offerHeldDocsNowAndThen, onUnsentChange } from '../../device/unsent-docs';
import type { BackgroundSync } from '../../sync/relay/background-sync';
import { isOpenHere, onLinkClosed } from '../../sync/relay/open-docs';
import type { RelaySync } from '../../sync/relay-sync';
import type { Peer, SyncStatus } from '../../sync/sync-status';
import type { RelayLink, User } from '../session/doc-session';

/** The club doc's relay link: what only the club's connection does, beyond any doc's. */
export interface ClubLink extends RelayLink {
  readonly peers: Accessor<readonly Peer[]>;
  /** Starts syncing after the club was shared or its keys changed on this tablet. */
  reconnect(): void;
  /** Calls `listener` after each reconnect, so the club's other open docs reconnect with it. */
  onAccessChange(listener: () => void): () => void;
}

/**
 * Connects the club doc with this tablet's keys, and keeps it connected as they change: shared here or in
 * another tab, keys from an invite the relay refuses (back to the held ones), a rotation whose answer never
 * came (retried). While the club reaches the relay, its other docs edited here and not yet confirmed go up
 * in the background, and the words at the top wait for them. `setRole` follows the key held.
 *
 * The sync code (y-websocket, RelaySync), the background sender and the relay's HTTP API load only when
 * needed, and never hold up the first screen: the roster shows from the tablet meanwhile.
 */
export function linkClub(
  clubId: string,
  doc: Y.Doc,
  user: User,
  setRole: (role: ClubAccess['role']) => void,
): ClubLink {
  let closed = false;
  const [clubStatus, setClubStatus] = createSignal<SyncStatus>({ type: 'localOnly' });
  const [peers, setPeers] = createSignal<readonly Peer[]>([]);
  let background: BackgroundSync | undefined;
  let backgroundLoaded: Promise<void> | undefined;
  // Counted here too, so the header is right before the background code has loaded.
  const countUnsent = () => background?.pending ?? listUnsent(clubId).length;
  const [unsentDocs, setUnsentDocs] = createSignal(countUnsent());
  const stopCountingUnsent = onUnsentChange((changed) => {
    if (changed === clubId || changed === '') setUnsentDocs(countUnsent());
  });
  const startBackground = () => {
    if (backgroundLoaded === undefined) offerHeldDocsNowAndThen(clubId, Date.now());
    backgroundLoaded ??= import('../../sync/relay/background-sync').then(
      ({ BackgroundSync, backgroundDocSync }) => {
        if (closed) return;
        const started = new BackgroundSync(clubId, backgroundDocSync(clubId, user), isOpenHere);
        background = started;
        started.onChange(() => setUnsentDocs(countUnsent()));
        started.run();
      },
    );
  };
  const stopWatchingLinks = onLinkClosed(() => background?.run());

  let relay: RelaySync | null = null;
  let connectedWith = '';
  let connection = 0;
  const accessListeners = new Set<() => void>();
  const connect = () => {
    connectedWith = clubAccessSignature(clubId);
    relay?.destroy();
    relay = null;
    setPeers([]);
    const access = findKnownClub(clubId)?.access;
    setRole(access?.role ?? 'editor');
    const attempt = ++connection;
    if (!access?.shared) return void setClubStatus({ type: 'localOnly' });
    setClubStatus({ type: navigator.onLine ? 'connecting' : 'offline' });
    import('../../sync/relay/doc-relay').then(
      ({ createDocRelay }) => {
        if (closed || attempt !== connection) return;
        relay = createDocRelay(clubId, clubId, doc, user);
        if (relay) follow(relay);
      },
      // The app's files are precached, so this is a broken install, not a bad signal; say sync is not working.
      () => {
        if (!closed && attempt === connection) setClubStatus({ type: 'unreachable' });
      },
    );
  };
  const follow = (current: RelaySync) => {
    current.onChange(() => {
      setClubStatus(current.status);
      setPeers(current.peers);
      const { type } = current.status;
      // A key taken from an invite that the relay refuses (an old link): back to the keys held before it.
      const refused = type === 'revoked' || (type === 'denied' && current.status.reason === 'unauthorized');
      if (refused && settleReplacedKeys(clubId, 'revoked')) return reconnect();
      // The server does not know this tablet's own key (another server, or its data restored): back to the
      // invite key, which is exchanged again once synced. A tablet cut off (4411) is not 'unauthorized'.
      if (type === 'denied' && current.status.reason === 'unauthorized' && forgetTabletKey(clubId))
        return reconnect();
      if (type === 'synced') settleReplacedKeys(clubId, 'accepted');
      if (type === 'revoked') finishRotation();
      if (type === 'synced' || type === 'syncing') startBackground();
      if (type === 'synced') exchangeInviteKey();
    });
    current.start();
    setClubStatus(current.status);
    finishRotation();
  };
  // A key change this tablet started whose answer never came (see rotateClubKeys): retried on opening the
  // club and when the relay calls our key revoked (the change did happen), then the club reconnects.
  let rotating = false;
  const finishRotation = () => {
    if (rotating || findKnownClub(clubId)?.access?.pendingKeys === undefined) return;
    rotating = true;
    void import('../../device/club-access')
      .then(({ rotateClubKeys }) => rotateClubKeys(clubId))
      .then(
        (result) => {
          rotating = false;
          if (result.ok && !closed) reconnect();
        },
        () => {
          rotating = false;
        },
      );
  };
  // An editor's tablet that reached the relay with the invite key gets a key of its own (device/tablet-key.ts),
  // then syncs with it; a failure keeps the invite key and is retried at the next connection.
  let exchanging = false;
  const exchangeInviteKey = () => {
    const access = findKnownClub(clubId)?.access;
    if (exchanging || access?.role !== 'editor' || access.tabletKey !== undefined) return;
    exchanging = true;
    void import('../../device/tablet-key')
      .then(({ ensureTabletKey }) => ensureTabletKey(clubId))
      .then(
        (result) => {
          exchanging = false;
          if (result === 'registered' && !closed) reconnect();
        },
        () => {
          exchanging = false;
        },
      );
  };
  const reconnect = () => {
    connect();
    void background?.restart();
    for (const listener of [...accessListeners]) listener();
  };
  connect();
  // Another tab on this tablet shared the club or changed its keys: follow it without a reload.
  const stopWatchingAccess = onClubsChangedElsewhere(() => {
    if (clubAccessSignature(clubId) !== connectedWith) reconnect();
  });

  return {
    // The words at the top speak for every document of the club: "Synced" only once nothing is left unsent.
    status: () => {
      const status = clubStatus();
      return status.type === 'synced' && unsentDocs() > 0 ? { type: 'syncing' } : status;
    },
    peers,
    current: () => relay,
    reconnect,
    onAccessChange(listener) {
      accessListeners.add(listener);
      return () => accessListeners.delete(listener);
    },
    async close() {
      closed = true;
      stopWatchingAccess();
      stopWatchingLinks();
      stopCountingUnsent();
      accessListeners.clear();
      relay?.destroy();
      await backgroundLoaded?.catch(() => undefined);
      await background?.close();
    },
  };
}
