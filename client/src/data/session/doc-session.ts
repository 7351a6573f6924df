import type { Author, LocalOrigin, SchemaStatus } from '@chungtay/model';
import * as model from '@chungtay/model';
import { type Accessor, createSignal } from 'solid-js';
import type * as Y from 'yjs';
import type { RelaySync } from '../../sync/relay-sync';
import { colorFor, type SyncStatus } from '../../sync/sync-status';
import { openStoredDoc, type SaveState } from '../../sync/tablet-store';
import { type DocUndo, followUndo, NO_UNDO } from './doc-undo';
import type { Projection } from './projection';

/**
 * One document session: the lifecycle every document type shares, written once. It opens a Y.Doc from
 * this tablet, migrates it when this tablet may edit, links it to the relay, starts it if nobody has,
 * projects it for the screens, refuses commands while it may not be edited, keeps the undo of this
 * person's edits, says what is saved and synced, and closes all of it in order. A document type is a
 * `DocKind`: names, model functions and options (club-session.ts, minutes-session.ts, health-session.ts).
 */

/** This writer as others see them: name and colour of remote carets and of the header's presence. */
export interface User {
  readonly name: string;
  readonly color: string;
}

/** A doc's relay connection, as its session holds it. The sync code behind it may load later. */
export interface RelayLink {
  readonly status: Accessor<SyncStatus>;
  /** The connection now: null while the club is not shared from this tablet (or its code still loads). */
  current(): RelaySync | null;
  close(): void | Promise<void>;
}

/** How a document is named: by the relay, and on this tablet. */
export interface DocNames {
  /** The relay's name, e.g. `<clubId>/meeting/<meetingId>`; the protocol decides from it who may open it. */
  readonly documentName: string;
  /** Its IndexedDB database on this tablet. */
  readonly storageName: string;
  /** Keeps deleted content (gc off): minutes and reports, whose approvals and versions are snapshots. */
  readonly keepHistory: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: any command signature; each kind's own type is kept.
type Commands = Record<string, (...args: any[]) => unknown>;

export interface DocKind<View extends { readonly readOnly: boolean }, C extends Commands, L extends RelayLink>
  extends DocNames {
  /** This tablet's key may edit (the club's editor key); asked on every command, so it may change. */
  readonly mayEdit: () => boolean;
  /** The doc's schema status and migration runner (model functions). */
  readonly schemaStatus: (doc: Y.Doc) => SchemaStatus;
  readonly migrate: (doc: Y.Doc) => unknown;
  /** Connects the doc to the relay; without it the doc stays on this tablet. */
  readonly link?: (doc: Y.Doc, user: User, names: DocNames) => L;
  /**
   * Fills what every tablet writes the same way (ids, a version) into a doc nobody started, before it is
   * linked: nothing another tablet lacks, so it does not list the doc as unsent.
   */
  readonly prepare?: (doc: Y.Doc, origin: LocalOrigin) => void;
  /** Writes the first content of a doc nobody has started, once the relay (if any) has had its say. */
  readonly start?: (doc: Y.Doc, origin: LocalOrigin, relay: RelaySync | null) => void | Promise<void>;
  readonly project: (doc: Y.Doc) => Projection<View>;
  /** The model's commands bound to this doc and author; the session refuses them while it may not edit. */
  readonly bind: (doc: Y.Doc, origin: LocalOrigin) => C;
  /** Undo of this person's edits (see doc-undo.ts); without it the doc has nothing to undo. */
  readonly undo?: (doc: Y.Doc, origin: LocalOrigin) => Y.UndoManager;
  /** Beyond canEdit, whether edits may be written now (approved minutes may not); undo follows it too. */
  readonly writable?: (view: View) => boolean;
  /** Called once the tablet's copy is in the doc, before anything else (the club marks it for the bench). */
  readonly onLoaded?: () => void;
}

export interface DocSession<View, C, L> extends DocUndo {
  /** For the type's own file (rich-text bindings, versions); never handed to the screens. */
  readonly doc: Y.Doc;
  readonly origin: LocalOrigin;
  readonly user: User;
  /** The Solid store the screens read. */
  readonly view: View;
  readonly commands: C;
  /** Set when the doc was written by a newer schema: shown, never modified. */
  readonly newerVersion: number | null;
  /** This tablet's key may edit and the doc's schema is one this build writes. */
  readonly canEdit: Accessor<boolean>;
  /** canEdit, and the doc accepts edits now (kind.writable). */
  readonly canWrite: Accessor<boolean>;
  readonly saveState: Accessor<SaveState>;
  readonly syncStatus: Accessor<SyncStatus>;
  /** The relay link the kind made, or null for a doc kept on this tablet only. */
  readonly link: L | null;
  /** The kind's undo manager, for the type's own file (the minutes hand it to their body editors). */
  readonly undoManager: Y.UndoManager | null;
  /** Stored rows this open could not use and set aside (kept on the tablet); the relay can refill them. */
  readonly damaged: number;
  whenSaved(): Promise<void>;
  close(): Promise<void>;
}

export const READ_ONLY = { ok: false, error: { type: 'readOnly' } } as const;

/** The same commands, each refusing to write while `canEdit` is false (a viewer key, a newer doc). */
export function guard<C extends Commands>(commands: C, canEdit: () => boolean): C {
  const guarded: Commands = {};
  for (const [name, command] of Object.entries(commands)) {
    guarded[name] = (...args: unknown[]) => (canEdit() ? command(...args) : READ_ONLY);
  }
  return guarded as C;
}

const LOCAL_ONLY: Accessor<SyncStatus> = () => ({ type: 'localOnly' });

export async function openDocSession<
  View extends { readonly readOnly: boolean },
  C extends Commands,
  L extends RelayLink = RelayLink,
>(kind: DocKind<View, C, L>, author: Author): Promise<DocSession<View, C, L>> {
  const { doc, tablet } = await openStoredDoc(kind.storageName, kind.keepHistory);
  kind.onLoaded?.();
  // Only a tablet that may edit migrates: a viewer's writes never reach the relay, so its copy would never be
  // "synced" again. It shows the doc as it is until an editor's migrated copy arrives.
  if (kind.mayEdit()) kind.migrate(doc);
  const status = kind.schemaStatus(doc);
  const newerVersion = status.type === 'newer' ? status.version : null;
  // One origin object for the whole session: the undo manager tracks it by identity.
  const origin = model.localOrigin(author);
  const user: User = { name: author.name, color: colorFor(author.id) };
  let link: L | null = null;
  try {
    if (kind.prepare && kind.mayEdit()) kind.prepare(doc, origin);
    link = kind.link?.(doc, user, kind) ?? null;
    if (kind.start && kind.mayEdit()) await kind.start(doc, origin, link?.current() ?? null);
  } catch (error) {
    // Nobody will close a session that never opened: let go of the connection and the database here.
    await link?.close();
    await tablet.destroy();
    doc.destroy();
    throw error;
  }

  const projection = kind.project(doc);
  const view = projection.view;
  const [saveState, setSaveState] = createSignal<SaveState>(tablet.state);
  const stopSaveState = tablet.onStateChange(setSaveState);
  const canEdit = () => kind.mayEdit() && !view.readOnly;
  const canWrite = () => canEdit() && (kind.writable?.(view) ?? true);
  const manager = kind.undo?.(doc, origin) ?? null;
  const undo = manager ? followUndo(manager, canWrite) : { ...NO_UNDO, stop: () => undefined };

  return {
    doc,
    origin,
    user,
    view,
    commands: guard(kind.bind(doc, origin), canEdit),
    newerVersion,
    canEdit,
    canWrite,
    saveState,
    syncStatus: link?.status ?? LOCAL_ONLY,
    link,
    undoManager: manager,
    damaged: tablet.damaged.length,
    canUndo: undo.canUndo,
    canRedo: undo.canRedo,
    undo: undo.undo,
    redo: undo.redo,
    nextStepAt: undo.nextStepAt,
    whenSaved: () => tablet.whenSettled(),
    async close() {
      // The relay first, so nothing arrives while the rest is taken apart; the doc last, once stored.
      await link?.close();
      projection.stop();
      stopSaveState();
      undo.stop();
      manager?.destroy();
      await tablet.destroy();
      doc.destroy();
    },
  };
}
