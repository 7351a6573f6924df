import type {
  ActionItemId,
  ActionItemInput,
  AgendaItemId,
  AgendaItemInput,
  ApprovalRole,
  AttendanceStatus,
  Author,
  ClubId,
  LocalOrigin,
  Meeting,
  MemberId,
  MinutesChange,
  MinutesContent,
  MinutesHeaderPatch,
  MinutesView,
  MoneyEntryId,
  MoneyEntryInput,
  RichBlock,
} from '@chungtay/model';
import * as model from '@chungtay/model';
import { Extension, type Extensions } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { Plugin } from '@tiptap/pm/state';
import { type Accessor, createSignal } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { type AccessChanges, linkDocRelay } from '../../sync/relay/doc-relay';
import { firstSync } from '../../sync/relay/first-sync';
import type { RelaySync } from '../../sync/relay-sync';
import { colorFor, type SyncStatus } from '../../sync/sync-status';
import { type SaveState, TabletStore } from '../../sync/tablet-store';

export function minutesStorageName(clubId: string, meetingId: string): string {
  return `chungtay-minutes-${clubId}-${meetingId}`;
}

const now = () => new Date().toISOString();
/** How long the first opening waits for the relay with nothing arriving, and at most (see firstSync). */
const FIRST_SYNC_IDLE_MS = 4_000;
const FIRST_SYNC_CAP_MS = 60_000;

/**
 * Holds the relay's remote updates while this editor composes a word through
 * the IME, and applies them once the composition has ended. It asks for the
 * connection at each composition: the club may get shared while the editor is open.
 */
function holdRemoteWhileComposing(relay: () => RelaySync | null) {
  let release: (() => void) | null = null;
  const end = () => {
    // After ProseMirror has read the committed text from the DOM.
    setTimeout(() => {
      release?.();
      release = null;
    }, 0);
  };
  return Extension.create({
    name: 'holdRemoteWhileComposing',
    addProseMirrorPlugins() {
      return [
        new Plugin({
          props: {
            handleDOMEvents: {
              compositionstart: () => {
                release ??= relay()?.holdRemoteUpdates() ?? null;
                return false;
              },
              compositionend: () => {
                end();
                return false;
              },
              blur: () => {
                end();
                return false;
              },
            },
          },
        }),
      ];
    },
    onDestroy() {
      release?.();
      release = null;
    },
  });
}

/** Resolves once the relay has sent its state, after `ms`, or at once when the browser is offline. */
/** Every change the minutes screen can make: model commands bound to this doc and author. */
export function bindMinutesCommands(doc: Y.Doc, origin: LocalOrigin) {
  return {
    updateHeader: (patch: MinutesHeaderPatch) => model.updateMinutesHeader(doc, patch, origin),
    setAttendance: (memberId: MemberId, status: AttendanceStatus | null) =>
      model.setMinutesAttendance(doc, { memberId, status }, origin),
    copyAttendance: (meeting: Meeting) => model.copyAttendanceFromMeeting(doc, meeting, origin),
    addAgendaItem: (title: string) => model.addAgendaItem(doc, { title }, origin),
    updateAgendaItem: (id: AgendaItemId, patch: Partial<AgendaItemInput>) =>
      model.updateAgendaItem(doc, id, patch, origin),
    moveAgendaItem: (itemId: AgendaItemId, toIndex: number) =>
      model.moveAgendaItem(doc, { itemId, toIndex }, origin),
    removeAgendaItem: (id: AgendaItemId) => model.removeAgendaItem(doc, id, origin),
    restoreAgendaItem: (id: AgendaItemId) => model.restoreAgendaItem(doc, id, origin),
    addActionItem: (input: ActionItemInput) => model.addActionItem(doc, input, origin),
    updateActionItem: (id: ActionItemId, patch: Partial<ActionItemInput>) =>
      model.updateActionItem(doc, id, patch, origin),
    setActionDone: (id: ActionItemId, done: boolean) => model.setActionDone(doc, id, done, origin),
    addMoneyEntry: (input: MoneyEntryInput) => model.addMoneyEntry(doc, input, origin),
    updateMoneyEntry: (id: MoneyEntryId, patch: Partial<MoneyEntryInput>) =>
      model.updateMoneyEntry(doc, id, patch, origin),
    removeMoneyEntry: (id: MoneyEntryId) => model.removeMoneyEntry(doc, id, origin),
    approve: (role: ApprovalRole, by: MemberId) => model.approveMinutes(doc, { role, by, at: now() }, origin),
    reopen: (by: MemberId, reason: string) => model.reopenMinutes(doc, { by, at: now(), reason }, origin),
    setAsideLateChanges: () => model.setAsideLateChanges(doc, origin),
    // Versions record the writer's name: it is what the history list shows.
    captureVersion: (label: string) =>
      model.captureVersion(doc, { by: origin.author.name, at: now(), label }, origin),
  };
}

export type MinutesCommands = ReturnType<typeof bindMinutesCommands>;

export interface MinutesSession {
  readonly clubId: string;
  readonly meetingId: string;
  /** Solid store projected from the minutes doc. */
  readonly view: MinutesView;
  readonly commands: MinutesCommands;
  /** This tablet may edit (an editor key, a known schema); approval is a separate lock. */
  readonly canEdit: Accessor<boolean>;
  /** canEdit and not approved: what the rich-text editors follow. */
  readonly canWrite: Accessor<boolean>;
  readonly saveState: Accessor<SaveState>;
  readonly syncStatus: Accessor<SyncStatus>;
  /** Presence: this writer's name and colour, as remote carets show it. */
  readonly user: { readonly name: string; readonly color: string };
  /** Tiptap extensions binding an agenda item's body (and remote carets) to this doc; null if gone. */
  bodyExtensions(itemId: AgendaItemId): Extensions | null;
  approvedView(): MinutesContent | null;
  /** The agenda bodies as blocks, by item id, from the same version `approvedView() ?? view` prints. */
  printBodies(): Readonly<Record<string, readonly RichBlock[]>>;
  changesAfterApproval(): readonly MinutesChange[];
  readVersion(index: number): MinutesView | null;
  whenSaved(): Promise<void>;
  close(): Promise<void>;
}

const READ_ONLY = { ok: false, error: { type: 'readOnly' } } as const;

function guard(commands: MinutesCommands, canEdit: () => boolean): MinutesCommands {
  const guarded: Record<string, (...args: never[]) => unknown> = {};
  for (const [name, command] of Object.entries(commands)) {
    guarded[name] = (...args: never[]) =>
      canEdit() ? (command as (...a: never[]) => unknown)(...args) : READ_ONLY;
  }
  return guarded as unknown as MinutesCommands;
}

export interface OpenMinutesInput {
  readonly clubId: string;
  readonly meeting: Meeting;
  readonly author: Author;
  /** The club session's answer: an editor key and a doc this build understands. */
  readonly canEditClub: () => boolean;
  /** The club session's reconnects (`ClubSession.onAccessChange`): the minutes reconnect with it. */
  readonly accessChanges?: AccessChanges;
}

/**
 * Opens one meeting's minutes: their own doc (gc off, for snapshots), from this tablet's IndexedDB and,
 * when the club is shared, the relay with the club's key. Loaded only when the minutes are opened.
 */
export async function openMinutesSession(input: OpenMinutesInput): Promise<MinutesSession> {
  const { clubId, meeting, author } = input;
  const doc = model.createMinutesDoc();
  const tablet = new TabletStore(minutesStorageName(clubId, meeting.id), doc);
  await tablet.load();
  // Like the club doc: older minutes are migrated when opened. Only by a tablet that may edit: a
  // viewer's writes never reach the relay, so its copy would never be "synced" again.
  if (input.canEditClub() && model.getMinutesSchemaStatus(doc).type === 'outdated') model.migrateMinutes(doc);
  const origin = model.localOrigin(author);
  const user = { name: author.name, color: colorFor(author.id) };
  // One presence for every connection this screen makes, so the editors' remote carets stay bound.
  const awareness = new Awareness(doc);
  const [syncStatus, setSyncStatus] = createSignal<SyncStatus>({ type: 'localOnly' });
  const link = linkDocRelay({
    clubId,
    unsent: {
      documentName: model.minutesDocName(clubId as ClubId, meeting.id),
      storageName: minutesStorageName(clubId, meeting.id),
      keepHistory: true,
    },
    doc,
    user,
    awareness,
    accessChanges: input.accessChanges,
    onStatus: setSyncStatus,
  });
  const relay = link.current();
  if (model.readMinutes(doc).meetingId === null && input.canEditClub()) {
    // Starting the minutes writes the header from the club meeting. A tablet opening them for the first
    // time asks the relay first, so it does not race header edits another tablet already made (a
    // concurrent write to the same key is won by client id, not by time). Offline, it starts them here.
    if (relay)
      await firstSync(
        doc,
        relay,
        (d) => model.readMinutes(d).meetingId !== null,
        FIRST_SYNC_IDLE_MS,
        FIRST_SYNC_CAP_MS,
      );
    if (model.readMinutes(doc).meetingId === null) {
      model.createMinutes(doc, model.minutesInputFromMeeting(clubId as ClubId, meeting), origin);
    }
  }

  const [view, setView] = createStore<MinutesView>(model.readMinutes(doc));
  const [revision, setRevision] = createSignal(0);
  const [saveState, setSaveState] = createSignal<SaveState>(tablet.state);
  let scheduled = false;
  const project = () => {
    scheduled = false;
    setView(reconcile(model.readMinutes(doc), { key: 'id', merge: true }));
    setRevision((n) => n + 1);
  };
  const onUpdate = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(project);
  };
  doc.on('update', onUpdate);
  const stopSaveState = tablet.onStateChange(setSaveState);
  const canEdit = () => input.canEditClub() && !view.readOnly;
  const canWrite = () => canEdit() && view.approval.status !== 'approved';

  return {
    clubId,
    meetingId: meeting.id,
    view,
    commands: guard(bindMinutesCommands(doc, origin), canEdit),
    canEdit,
    canWrite,
    saveState,
    syncStatus,
    user,
    bodyExtensions(itemId) {
      const fragment = model.getAgendaBody(doc, itemId);
      if (fragment === null) return null;
      // Carets and the IME hold are bound even before the club is shared: they follow the connection.
      return [
        Collaboration.configure({ fragment }),
        CollaborationCaret.configure({ provider: { awareness }, user }),
        holdRemoteWhileComposing(link.current),
      ];
    },
    approvedView() {
      revision();
      return model.getApprovedView(doc);
    },
    printBodies() {
      revision();
      return model.getApprovedAgendaBlocks(doc) ?? model.readAgendaBlocks(doc);
    },
    changesAfterApproval() {
      revision();
      return view.approval.status === 'approved' ? model.listChangesAfterApproval(doc) : [];
    },
    readVersion(index) {
      const result = model.readVersion(doc, index);
      return result.ok ? result.value : null;
    },
    whenSaved: () => tablet.whenSettled(),
    async close() {
      link.close();
      awareness.destroy();
      doc.off('update', onUpdate);
      stopSaveState();
      await tablet.destroy();
      doc.destroy();
    },
  };
}
