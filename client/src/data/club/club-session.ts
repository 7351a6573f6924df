import type {
  AttendanceStatus,
  Author,
  ClubId,
  ClubSettings,
  ClubView,
  Consent,
  CreateClubInput,
  GroupId,
  IsoDate,
  LocalOrigin,
  MeetingId,
  MeetingInput,
  MemberId,
  MemberInput,
  MemberLeft,
} from '@chungtay/model';
import * as model from '@chungtay/model';
import { isPrivateDocument } from '@chungtay/protocol';
import { type Accessor, createSignal } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import * as Y from 'yjs';
import {
  type ClubAccess,
  clubAccessSignature,
  findKnownClub,
  onClubsChangedElsewhere,
  settleReplacedKeys,
} from '../../device/device';
import { listUnsent, offerHeldDocsNowAndThen, onUnsentChange } from '../../device/unsent-docs';
import { todayIso } from '../../i18n/format';
import type { BackgroundSync } from '../../sync/relay/background-sync';
import { isOpenHere, onLinkClosed } from '../../sync/relay/open-docs';
import type { RelaySync } from '../../sync/relay-sync';
import { colorFor, type DeniedReason, type Peer, type SyncStatus } from '../../sync/sync-status';
import { type SaveState, TabletStore } from '../../sync/tablet-store';

export type { DeniedReason, Peer, SaveState, SyncStatus };

export function storageNameFor(clubId: string): string {
  return `chungtay-club-${clubId}`;
}

/** Every change the UI can make to a club: model commands bound to this doc and author. */
export function bindCommands(doc: Y.Doc, origin: LocalOrigin, today: () => IsoDate) {
  return {
    updateProfile: (patch: Partial<Omit<CreateClubInput, 'hamlets'>>) =>
      model.updateProfile(doc, patch, origin, today()),
    updateSettings: (patch: Partial<ClubSettings>) => model.updateSettings(doc, patch, origin),
    addMember: (input: MemberInput) => model.addMember(doc, input, origin, today()),
    updateMember: (id: MemberId, patch: Partial<MemberInput>) =>
      model.updateMember(doc, id, patch, origin, today()),
    recordConsent: (id: MemberId, consent: Consent) => model.recordConsent(doc, id, consent, origin),
    withdrawConsent: (id: MemberId) => model.withdrawConsent(doc, id, origin),
    markMemberLeft: (id: MemberId, left: MemberLeft) => model.markMemberLeft(doc, id, left, origin, today()),
    rejoinMember: (id: MemberId) => model.rejoinMember(doc, id, origin),
    mergeMembers: (keepId: MemberId, dropId: MemberId) => model.mergeMembers(doc, { keepId, dropId }, origin),
    dismissDuplicate: (a: MemberId, b: MemberId) => model.dismissDuplicate(doc, { a, b }, origin),
    erasePersonalData: (id: MemberId) => model.erasePersonalData(doc, id, origin, today()),
    addGroup: (name: string) => model.addGroup(doc, { name }, origin),
    renameGroup: (id: GroupId, name: string) => model.renameGroup(doc, id, name, origin),
    retireGroup: (id: GroupId) => model.retireGroup(doc, id, today(), origin),
    restoreGroup: (id: GroupId) => model.restoreGroup(doc, id, origin),
    setGroupLeader: (id: GroupId, leaderId: MemberId | null) =>
      model.setGroupLeader(doc, id, leaderId, origin),
    assignToGroup: (groupId: GroupId, memberId: MemberId) =>
      model.assignToGroup(doc, { groupId, memberId }, origin),
    removeFromGroup: (groupId: GroupId, memberId: MemberId) =>
      model.removeFromGroup(doc, { groupId, memberId }, origin),
    addMeeting: (input: MeetingInput) => model.addMeeting(doc, input, origin, today()),
    updateMeeting: (id: MeetingId, patch: Partial<MeetingInput>) =>
      model.updateMeeting(doc, id, patch, origin, today()),
    setAttendance: (meetingId: MeetingId, memberId: MemberId, status: AttendanceStatus | null) =>
      model.setAttendance(doc, { meetingId, memberId, status }, origin),
  };
}

export type ClubCommands = ReturnType<typeof bindCommands>;

export interface ClubSession {
  readonly clubId: string;
  readonly author: Author;
  /** Solid store projected from the Y.Doc; replaced field by field on every change. */
  readonly club: ClubView;
  readonly commands: ClubCommands;
  readonly saveState: Accessor<SaveState>;
  /** Set when the doc was written by a newer schema: we show it and never modify it. */
  readonly newerVersion: number | null;
  /** What this tablet may do: a viewer key, or a newer schema, makes the club read-only. */
  readonly canEdit: Accessor<boolean>;
  readonly role: Accessor<ClubAccess['role']>;
  /**
   * Whether this tablet's key opens the club's health records: decided by the document's name with the
   * relay's own rule (`isPrivateDocument`), so client and relay cannot disagree.
   */
  readonly canOpenHealth: Accessor<boolean>;
  readonly syncStatus: Accessor<SyncStatus>;
  readonly peers: Accessor<readonly Peer[]>;
  /** Starts syncing after the club was shared or its keys changed on this tablet. */
  reconnect(): void;
  /**
   * Calls `listener` after each reconnect (this tab shared the club, or another tab changed its
   * access), so the club's other open docs (minutes, health) reconnect with it. Returns the unsubscribe.
   */
  onAccessChange(listener: () => void): () => void;
  readonly canUndo: Accessor<boolean>;
  readonly canRedo: Accessor<boolean>;
  undo(): void;
  redo(): void;
  today(): IsoDate;
  whenSaved(): Promise<void>;
  close(): Promise<void>;
}

/** Opens a club's doc from this tablet's IndexedDB and projects it for the UI. */
export async function openClubSession(clubId: string, author: Author): Promise<ClubSession> {
  performance.mark('chungtay:open');
  const doc = new Y.Doc();
  const tablet = new TabletStore(storageNameFor(clubId), doc);
  await tablet.load();
  performance.mark('chungtay:loaded');
  const origin = model.localOrigin(author);
  const status = model.getSchemaStatus(doc);
  // Only a tablet that may edit migrates: a viewer's writes never reach the relay, so its copy would never
  // be "synced" again. It shows the doc as it is until an editor's migrated copy arrives.
  const viewer = findKnownClub(clubId)?.access?.role === 'viewer';
  if (status.type === 'outdated' && !viewer) model.migrateClub(doc);
  return createClubSession({ clubId, doc, tablet, origin });
}

const READ_ONLY = { ok: false, error: { type: 'readOnly' } } as const;

/** Same commands, refusing every change while `canEdit` is false (a viewer, a newer doc). */
function guard(commands: ClubCommands, canEdit: () => boolean): ClubCommands {
  const guarded: Record<string, (...args: never[]) => unknown> = {};
  for (const [name, command] of Object.entries(commands)) {
    guarded[name] = (...args: never[]) =>
      canEdit() ? (command as (...a: never[]) => unknown)(...args) : READ_ONLY;
  }
  return guarded as unknown as ClubCommands;
}

function createClubSession(deps: {
  clubId: string;
  doc: Y.Doc;
  tablet: TabletStore;
  origin: LocalOrigin;
}): ClubSession {
  const { clubId, doc, tablet, origin } = deps;
  let closed = false;
  const [clubStatus, setSyncStatus] = createSignal<SyncStatus>({ type: 'localOnly' });
  const user = { name: origin.author.name, color: colorFor(origin.author.id) };
  // Minutes and health records edited here and not yet confirmed by the relay go up while the club is open,
  // once the club's own connection reached the relay: offline there is nothing to do, and the first screen
  // never waits for this code, which loads only then.
  let background: BackgroundSync | undefined;
  let backgroundLoaded: Promise<void> | undefined;
  // Counted here too, so the header is right before that code has loaded.
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
  // The words at the top speak for every document of the club: "Synced" only once nothing is left unsent.
  const syncStatus = (): SyncStatus => {
    const status = clubStatus();
    return status.type === 'synced' && unsentDocs() > 0 ? { type: 'syncing' } : status;
  };
  const [peers, setPeers] = createSignal<readonly Peer[]>([]);
  const [role, setRole] = createSignal<ClubAccess['role']>(findKnownClub(clubId)?.access?.role ?? 'editor');
  let relay: RelaySync | null = null;
  let connectedWith = '';
  const accessListeners = new Set<() => void>();
  // The sync code loads only for a club shared from (or joined on) this tablet, and never holds up the first
  // screen: the roster shows from the tablet while it loads.
  let connection = 0;
  const connect = () => {
    connectedWith = clubAccessSignature(clubId);
    relay?.destroy();
    relay = null;
    setPeers([]);
    const access = findKnownClub(clubId)?.access;
    setRole(access?.role ?? 'editor');
    const attempt = ++connection;
    if (!access?.shared) return void setSyncStatus({ type: 'localOnly' });
    setSyncStatus({ type: navigator.onLine ? 'connecting' : 'offline' });
    import('../../sync/relay/doc-relay').then(
      ({ createDocRelay }) => {
        if (closed || attempt !== connection) return;
        relay = createDocRelay(clubId, clubId, doc, user);
        if (relay) follow(relay);
      },
      // The app's files are precached, so this is a broken install, not a bad signal; say sync is not working.
      () => {
        if (!closed && attempt === connection) setSyncStatus({ type: 'unreachable' });
      },
    );
  };
  const follow = (current: RelaySync) => {
    current.onChange(() => {
      setSyncStatus(current.status);
      setPeers(current.peers);
      const { type } = current.status;
      // A key taken from an invite that the relay refuses (an old link): back to the keys held before it.
      const refused = type === 'revoked' || (type === 'denied' && current.status.reason === 'unauthorized');
      if (refused && settleReplacedKeys(clubId, 'revoked')) return reconnect();
      if (type === 'synced') settleReplacedKeys(clubId, 'accepted');
      if (type === 'revoked') finishRotation();
      if (current.status.type === 'synced' || current.status.type === 'syncing') startBackground();
    });
    current.start();
    setSyncStatus(current.status);
    finishRotation();
  };
  // A key change this tablet started whose answer never came (see rotateClubKeys): retried on opening the
  // club and when the relay calls our key revoked (the change did happen), then the club reconnects.
  // club-access (the HTTP API) loads only then: it is not needed for the first screen.
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
  connect();
  const reconnect = () => {
    connect();
    void background?.restart();
    for (const listener of [...accessListeners]) listener();
  };
  // Another tab on this tablet shared the club or changed its keys: follow it without a reload.
  const stopWatchingAccess = onClubsChangedElsewhere(() => {
    if (clubAccessSignature(clubId) !== connectedWith) reconnect();
  });
  const [club, setClub] = createStore<ClubView>(model.readClub(doc));
  const [saveState, setSaveState] = createSignal<SaveState>(tablet.state);
  const undoManager = model.createAuthorUndoManager(doc, origin);
  const [canUndo, setCanUndo] = createSignal(false);
  const [canRedo, setCanRedo] = createSignal(false);

  let scheduled = false;
  const project = () => {
    scheduled = false;
    setClub(reconcile(model.readClub(doc), { key: 'id', merge: true }));
  };
  // Several transactions in one tick (a remote batch, a load) project once.
  const onUpdate = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(project);
  };
  doc.on('update', onUpdate);
  const refreshUndo = () => {
    setCanUndo(undoManager.undoStack.length > 0);
    setCanRedo(undoManager.redoStack.length > 0);
  };
  undoManager.on('stack-item-added', refreshUndo);
  undoManager.on('stack-item-popped', refreshUndo);
  undoManager.on('stack-cleared', refreshUndo);
  const stopSaveState = tablet.onStateChange(setSaveState);
  const status = model.getSchemaStatus(doc);
  const today = () => todayIso();
  const newerVersion = status.type === 'newer' ? status.version : null;
  const canEdit = () => newerVersion === null && role() === 'editor' && !model.isReadOnly(doc);

  return {
    clubId,
    author: origin.author,
    club,
    commands: guard(bindCommands(doc, origin, today), canEdit),
    saveState,
    newerVersion,
    canEdit,
    role,
    canOpenHealth: () => role() === 'editor' || !isPrivateDocument(model.healthDocName(clubId as ClubId)),
    syncStatus,
    peers,
    reconnect,
    onAccessChange(listener) {
      accessListeners.add(listener);
      return () => accessListeners.delete(listener);
    },
    canUndo,
    canRedo,
    undo: () => undoManager.undo(),
    redo: () => undoManager.redo(),
    today,
    whenSaved: () => tablet.whenSettled(),
    async close() {
      closed = true;
      stopWatchingAccess();
      stopWatchingLinks();
      stopCountingUnsent();
      accessListeners.clear();
      relay?.destroy();
      await backgroundLoaded?.catch(() => undefined);
      await background?.close();
      doc.off('update', onUpdate);
      stopSaveState();
      undoManager.destroy();
      await tablet.destroy();
      doc.destroy();
    },
  };
}
