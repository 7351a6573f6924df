import type { Author, ClubId, ClubView, IsoDate } from '@chungtay/model';
import * as model from '@chungtay/model';
import { isPrivateDocument } from '@chungtay/protocol';
import { type Accessor, createSignal } from 'solid-js';
import type * as Y from 'yjs';
import { type ClubAccess, findKnownClub } from '../../device/device';
import { todayIso } from '../../i18n/format';
import type { DeniedReason, Peer, SyncStatus } from '../../sync/sync-status';
import type { SaveState } from '../../sync/tablet-store';
import { openDocSession } from '../session/doc-session';
import type { DocUndo } from '../session/doc-undo';
import { startAfterPaint } from './after-paint';
import { bindCommands, type ClubCommands } from './club-commands';
import { linkClub } from './club-link';
import { projectClub } from './club-projection';
import { registerOpenClub } from './open-clubs';

export type { ClubCommands, DeniedReason, Peer, SaveState, SyncStatus };
export { bindCommands };

export function storageNameFor(clubId: string): string {
  return `chungtay-club-${clubId}`;
}

export interface ClubSession extends DocUndo {
  readonly clubId: string;
  readonly author: Author;
  /** Solid store projected from the Y.Doc; only what changed notifies the screens. */
  readonly club: ClubView;
  readonly commands: ClubCommands;
  readonly saveState: Accessor<SaveState>;
  /** Set when the doc was written by a newer schema: we show it and never modify it. */
  readonly newerVersion: number | null;
  /** What this tablet may do: a viewer key, or a newer schema, makes the club read-only. */
  readonly canEdit: Accessor<boolean>;
  readonly role: Accessor<ClubAccess['role']>;
  /**
   * Whether this tablet's key opens one of the club's documents: decided by the document's name with the
   * relay's own rule (`isPrivateDocument`), so client and relay cannot disagree.
   */
  canOpen(documentName: string): boolean;
  /** `canOpen` for the health records. */
  readonly canOpenHealth: Accessor<boolean>;
  readonly syncStatus: Accessor<SyncStatus>;
  /** Stored rows of the club doc this open set aside as damaged; the relay refills them when shared. */
  readonly damaged: number;
  readonly peers: Accessor<readonly Peer[]>;
  /** Starts syncing after the club was shared or its keys changed on this tablet. */
  reconnect(): void;
  /**
   * Calls `listener` after each reconnect (this tab shared the club, or another tab changed its
   * access), so the club's other open docs (minutes, health) reconnect with it. Returns the unsubscribe.
   */
  onAccessChange(listener: () => void): () => void;
  today(): IsoDate;
  whenSaved(): Promise<void>;
  close(): Promise<void>;
}

/** Opens a club's doc from this tablet's IndexedDB and projects it for the UI. */
export async function openClubSession(clubId: string, author: Author): Promise<ClubSession> {
  performance.mark('chungtay:open');
  // The tab's first Intl.Collator('vi') costs tens of milliseconds (ICU loads its Vietnamese rules); built
  // now, it is ready while IndexedDB reads, instead of holding up the roster's sort after the load.
  setTimeout(() => new Intl.Collator('vi'), 0);
  const [role, setRole] = createSignal<ClubAccess['role']>(findKnownClub(clubId)?.access?.role ?? 'editor');
  const today = () => todayIso();
  const session = await openDocSession(
    {
      documentName: clubId,
      storageName: storageNameFor(clubId),
      keepHistory: false,
      mayEdit: () => role() === 'editor',
      schemaStatus: model.getSchemaStatus,
      migrate: model.migrateClub,
      link: (doc, user) => linkClub(clubId, doc, user, setRole),
      project: projectClub,
      bind: (doc, origin) => bindCommands(doc, origin, today),
      undo: model.createAuthorUndoManager,
      onLoaded: () => performance.mark('chungtay:loaded'),
    },
    author,
  );
  // The club always makes its link: it decides itself whether to connect.
  const link = session.link;
  if (link === null) throw new Error('the club session opened without its relay link');
  const canOpen = (documentName: string) => role() === 'editor' || !isPrivateDocument(documentName);
  // Siblings find the club at once; the club's own erasure guard (the model's erasure and health code)
  // loads after the first paint and catches up then (keepErased runs once as it starts).
  const unregister = registerOpenClub(clubId, { doc: session.doc, canEdit: session.canEdit });
  const stopErasures = startAfterPaint(async () => {
    const { guardClubDoc } = await import('./erasure-guard');
    return guardClubDoc(session.doc, author, session.canEdit);
  });
  const stopSummary = keepSummary(clubId, author, session, link.onAccessChange, () => role() === 'editor');
  const club: ClubSession = {
    clubId,
    author,
    club: session.view,
    commands: session.commands,
    saveState: session.saveState,
    newerVersion: session.newerVersion,
    canEdit: session.canEdit,
    role,
    canOpen,
    canOpenHealth: () => canOpen(model.healthDocName(clubId as ClubId)),
    syncStatus: session.syncStatus,
    damaged: session.damaged,
    peers: link.peers,
    reconnect: link.reconnect,
    onAccessChange: link.onAccessChange,
    canUndo: session.canUndo,
    canRedo: session.canRedo,
    undo: session.undo,
    redo: session.redo,
    nextStepAt: session.nextStepAt,
    today,
    whenSaved: session.whenSaved,
    async close() {
      await stopSummary();
      await stopErasures();
      await stopScrubbing();
      unregister();
      await session.close();
    },
  };
  // Erased members' old bytes leave this tablet's files once per erasure, in the background (erasure-scrub.ts).
  const stopScrubbing = startAfterPaint(async () => {
    const { keepErasuresScrubbed } = await import('./erasure-scrub');
    return keepErasuresScrubbed(club, session.doc);
  });
  return club;
}

/**
 * On a committee tablet, keeps `<clubId>/summary` (what supervisors see) following the books. Loaded
 * and started in idle time after the club's first paint, so none of its code is on the roster's path.
 */
function keepSummary(
  clubId: string,
  author: Author,
  session: { readonly doc: Y.Doc; readonly view: ClubView; readonly canEdit: Accessor<boolean> },
  accessChanges: (listener: () => void) => () => void,
  isEditor: () => boolean,
): () => Promise<void> {
  return startAfterPaint(async (closed) => {
    const { browserIdle } = await import('../summary/summary-keeper');
    await new Promise<void>((resolve) => browserIdle(resolve));
    if (closed() || !isEditor()) return null;
    const { startSummaryUpkeep } = await import('../summary/summary-upkeep');
    // The summary is derived: a failure to keep it costs supervisors freshness, never the club's data.
    return startSummaryUpkeep({
      clubId,
      author,
      club: session.view,
      canEdit: () => isEditor() && session.canEdit(),
      accessChanges,
      onBooksChange: (listener) => {
        session.doc.on('update', listener);
        return () => session.doc.off('update', listener);
      },
    });
  });
}
