import type {
  AgendaItemId,
  Author,
  ClubId,
  Meeting,
  MemberId,
  MinutesChange,
  MinutesContent,
  MinutesSignatureStatus,
  MinutesView,
  Occurrence,
  Redaction,
  RichBlock,
  TabletKey,
} from '@chungtay/model';
import * as model from '@chungtay/model';
import type { Extensions } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { type Accessor, createSignal } from 'solid-js';
import { verifyTabletSignature } from '../../device/signing-key';
import { firstSync } from '../../sync/relay/first-sync';
import type { SyncStatus } from '../../sync/sync-status';
import type { SaveState } from '../../sync/tablet-store';
import { type AccessChanges, linkClubDoc } from '../session/club-doc-link';
import { openDocSession } from '../session/doc-session';
import type { DocUndo } from '../session/doc-undo';
import { fullReadProjection } from '../session/projection';
import { bindMinutesCommands, type MinutesCommands } from './minutes-commands';
import { currentMinutesNames } from './minutes-generation';
import { type RedactError, redactAndRewrite } from './minutes-rewrite';
import { createMinutesUndo } from './minutes-undo';

export { minutesStorageName } from './minutes-generation';
export { bindMinutesCommands, type MinutesCommands };

/** How long the first opening waits for the relay with nothing arriving, and at most (see firstSync). */
const FIRST_SYNC_IDLE_MS = 4_000;
const FIRST_SYNC_CAP_MS = 60_000;

export interface MinutesSession extends DocUndo {
  readonly clubId: string;
  readonly meetingId: string;
  /** Solid store projected from the minutes doc. */
  readonly view: MinutesView;
  readonly commands: MinutesCommands;
  /** This tablet may edit (an editor key, a known schema); approval is a separate lock. */
  readonly canEdit: Accessor<boolean>;
  /** canEdit and not approved: what the rich-text editors (and undo) follow. */
  readonly canWrite: Accessor<boolean>;
  readonly saveState: Accessor<SaveState>;
  readonly syncStatus: Accessor<SyncStatus>;
  /** Stored rows this open set aside as damaged (see `DocSession.damaged`). */
  readonly damaged: number;
  /** Presence: this writer's name and colour, as remote carets show it. */
  readonly user: { readonly name: string; readonly color: string };
  /** Tiptap extensions binding an agenda item's body (and remote carets) to this doc; null if gone. */
  bodyExtensions(itemId: AgendaItemId): Extensions | null;
  /** Holds the relay's updates while a word is composed in a body (the editor's `holdRemote`). */
  holdRemote(): (() => void) | null;
  approvedView(): MinutesContent | null;
  /** The agenda bodies as blocks, by item id, from the same version `approvedView() ?? view` prints. */
  printBodies(): Readonly<Record<string, readonly RichBlock[]>>;
  changesAfterApproval(): readonly MinutesChange[];
  readVersion(index: number): MinutesView | null;
  /** Checks every approval and reopening signature against the club's tablet keys (WebCrypto). */
  verifySignatures(keys: ReadonlyMap<string, TabletKey>): Promise<MinutesSignatureStatus>;
  /** Where a name appears in the minutes' text (issue 12 §2), before the committee redacts it. */
  findName(name: string): readonly Occurrence[];
  /** The redactions recorded in these minutes, oldest first (shown beside approved text and in print). */
  redactions(): readonly Redaction[];
  /**
   * Replaces the name by "[đã xóa]" everywhere and rewrites the minutes as a new generation (minutes-rewrite.ts).
   * On success the club doc moves the meeting to it and the page reopens the minutes there.
   */
  redact(
    terms: readonly string[],
    by: MemberId,
    keys: ReadonlyMap<string, TabletKey>,
  ): Promise<{ ok: true; value: { count: number } } | { ok: false; error: RedactError }>;
  whenSaved(): Promise<void>;
  close(): Promise<void>;
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
  const { clubId, meeting } = input;
  // Approved views, print bodies and late changes read the doc beyond the store: they follow this count.
  const [revision, setRevision] = createSignal(0);
  // The meeting's current generation (the club doc says which): a rewritten document has a name of its own.
  const names = currentMinutesNames(clubId, meeting.id);
  const session = await openDocSession(
    {
      documentName: names.documentName,
      storageName: names.storageName,
      keepHistory: true,
      mayEdit: input.canEditClub,
      schemaStatus: model.getMinutesSchemaStatus,
      migrate: model.migrateMinutes,
      link: linkClubDoc(clubId, input.accessChanges, { presence: true }),
      async start(doc, origin, relay) {
        const started = () => model.readMinutes(doc).meetingId !== null;
        if (started()) return;
        // Starting the minutes writes the header from the club meeting. A tablet opening them for the first
        // time asks the relay first, so it does not race header edits another tablet already made (a
        // concurrent write to the same key is won by client id, not by time). Offline, it starts them here.
        if (relay) await firstSync(doc, relay, started, FIRST_SYNC_IDLE_MS, FIRST_SYNC_CAP_MS);
        if (!started())
          model.createMinutes(doc, model.minutesInputFromMeeting(clubId as ClubId, meeting), origin);
      },
      project: (doc) =>
        fullReadProjection(doc, model.readMinutes, { key: 'id' }, () => setRevision((n) => n + 1)),
      bind: bindMinutesCommands,
      undo: createMinutesUndo,
      writable: (view) => view.approval.status !== 'approved',
    },
    input.author,
  );
  const { doc, view, link } = session;
  const undoManager = session.undoManager;
  return {
    ...session,
    clubId,
    meetingId: meeting.id,
    bodyExtensions(itemId) {
      const fragment = model.getAgendaBody(doc, itemId);
      if (fragment === null) return null;
      // One undo for the whole minutes (minutes-undo.ts). Carets are bound even before the club is shared:
      // they follow the connection.
      const awareness = link?.awareness;
      return [
        Collaboration.configure({ fragment, yUndoOptions: undoManager ? { undoManager } : {} }),
        ...(awareness ? [CollaborationCaret.configure({ provider: { awareness }, user: session.user })] : []),
      ];
    },
    holdRemote: () => link?.current()?.holdRemoteUpdates() ?? null,
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
    verifySignatures: (keys) => model.verifyMinutesSignatures(doc, keys, verifyTabletSignature),
    findName: (name) => model.findInMinutes(doc, name),
    redactions() {
      revision();
      return model.readRedactions(doc);
    },
    async redact(terms, by, keys) {
      const statuses = await model.verifyMinutesSignatures(doc, keys, verifyTabletSignature);
      return redactAndRewrite({
        clubId,
        meetingId: meeting.id,
        doc,
        origin: session.origin,
        user: session.user,
        by,
        terms,
        statuses,
        approval: { chair: view.approval.chair, secretary: view.approval.secretary },
        reopenings: view.reopenings,
      });
    },
  };
}
