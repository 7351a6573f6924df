import type { Author, LocalOrigin, SchemaStatus } from '@chungtay/model';
import type { Accessor } from 'solid-js';
import type * as Y from 'yjs';
import type { SyncStatus } from '../../sync/sync-status';
import type { SaveState } from '../../sync/tablet-store';
import { guardSiblingDoc } from '../club/erasure-guard';
import { type AccessChanges, linkClubDoc } from './club-doc-link';
import { type guard, openDocSession } from './doc-session';
import { createAuthorUndo, type DocUndo } from './doc-undo';
import type { Projection } from './projection';

/** Any record of bound commands, as doc-session.ts takes them. */
type CommandSet = Parameters<typeof guard>[0];

/**
 * A club's private sibling doc (health, care, money) as its screens hold it: the projected view, the
 * model's commands bound to this doc and author, and what is saved and synced. The doc's own file keeps
 * only what is its own; everything else is here, once.
 */
export interface PrivateDocSession<View, Commands> extends DocUndo {
  readonly view: View;
  readonly commands: Commands;
  /** An editor key, a club doc and a doc of a schema this build understands. */
  readonly canEdit: Accessor<boolean>;
  readonly saveState: Accessor<SaveState>;
  readonly syncStatus: Accessor<SyncStatus>;
  /** Stored rows this open set aside as damaged (see `DocSession.damaged`). */
  readonly damaged: number;
  whenSaved(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenPrivateDocOptions {
  /** The club session's answer (`ClubSession.canEdit`); editable when not given. */
  readonly canEditClub?: () => boolean;
  /** The club session's reconnects (`ClubSession.onAccessChange`): the private doc reconnects with it. */
  readonly accessChanges?: AccessChanges;
}

/** What makes one private doc kind: its names and the model's functions for it. */
export interface PrivateDocKind<View extends { readonly readOnly: boolean }, Commands extends CommandSet> {
  readonly documentName: string;
  readonly storageName: string;
  readonly schemaStatus: (doc: Y.Doc) => SchemaStatus;
  readonly migrate: (doc: Y.Doc) => unknown;
  /** Whether a doc nobody has started yet is empty (its clubId unset), and how to start it. */
  readonly isNew: (doc: Y.Doc) => boolean;
  readonly create: (doc: Y.Doc, origin: LocalOrigin) => void;
  /** The model's erasure for this doc: the club's erased members are blanked here too, late writes again. */
  readonly erase: Parameters<typeof guardSiblingDoc>[2];
  readonly project: (doc: Y.Doc) => Projection<View>;
  readonly bind: (doc: Y.Doc, origin: LocalOrigin) => Commands;
  /** The root maps this person's undo covers; `meta` is never one, so undo never un-creates the doc. */
  readonly undoRoots: readonly string[];
  /**
   * Root maps whose every change, from anyone, empties this person's undo: a change there can make earlier
   * steps ones nobody may write any more (the health doc's approved-meeting locks).
   */
  readonly clearUndoOn?: readonly string[];
}

/**
 * Opens a club's private doc `<clubId>/<kind>`. Only for editor keys: the relay refuses viewer keys (4403,
 * `isPrivateDocument`) and this tablet's copy holds personal data, so the caller checks
 * `ClubSession.canOpen` first. Plain gc (on): erased values are dropped, not kept as history. Edits made
 * offline are marked unsent by the club's relay link, so background sync carries them after the screen
 * closed.
 */
export function openPrivateDocSession<
  View extends { readonly readOnly: boolean },
  Commands extends CommandSet,
>(
  clubId: string,
  author: Author,
  options: OpenPrivateDocOptions,
  kind: PrivateDocKind<View, Commands>,
): Promise<PrivateDocSession<View, Commands>> {
  return openDocSession(
    {
      documentName: kind.documentName,
      storageName: kind.storageName,
      keepHistory: false,
      mayEdit: options.canEditClub ?? (() => true),
      schemaStatus: kind.schemaStatus,
      migrate: kind.migrate,
      link: linkClubDoc(clubId, options.accessChanges),
      prepare(doc, origin) {
        if (kind.isNew(doc)) kind.create(doc, origin);
        guardSiblingDoc(clubId, doc, kind.erase, author);
      },
      project: kind.project,
      bind: kind.bind,
      undo: (doc, origin) => {
        const manager = createAuthorUndo(
          kind.undoRoots.map((name) => doc.getMap(name)),
          origin,
        );
        for (const name of kind.clearUndoOn ?? []) doc.getMap(name).observe(() => manager.clear());
        return manager;
      },
    },
    author,
  );
}
