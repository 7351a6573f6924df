import * as Y from 'yjs';
import { editableTypes } from '../schema/layout';

/**
 * Transaction origins. Every doc.transact carries one, so the UI can say who changed what,
 * sync adapters can ignore their own echoes and Y.UndoManager can track one author by identity.
 */

export type Author = { readonly id: string; readonly name: string };
export type LocalOrigin = { readonly type: 'local'; readonly author: Author };
export type RemoteOrigin = { readonly type: 'remote'; readonly source: string };
export type PersistenceOrigin = { readonly type: 'persistence' };
export type MigrationOrigin = { readonly type: 'migration'; readonly name: string };
export type ChangeOrigin = LocalOrigin | RemoteOrigin | PersistenceOrigin | MigrationOrigin;

/** Make ONE per session and reuse it: the undo manager compares origins by identity, not by value. */
export function localOrigin(author: Author): LocalOrigin {
  return { type: 'local', author: { id: author.id, name: author.name } };
}

export function remoteOrigin(source: string): RemoteOrigin {
  return { type: 'remote', source };
}

export function persistenceOrigin(): PersistenceOrigin {
  return { type: 'persistence' };
}

export function migrationOrigin(name: string): MigrationOrigin {
  return { type: 'migration', name };
}

function isRecord(o: unknown): o is Record<string, unknown> {
  return typeof o === 'object' && o !== null;
}

export function isLocalOrigin(o: unknown): o is LocalOrigin {
  if (!isRecord(o) || o.type !== 'local' || !isRecord(o.author)) return false;
  return typeof o.author.id === 'string' && typeof o.author.name === 'string';
}

/** Narrows the untyped origin Yjs hands to observers; anything else (e.g. a provider object) is unknown. */
export function isChangeOrigin(o: unknown): o is ChangeOrigin {
  if (!isRecord(o)) return false;
  switch (o.type) {
    case 'local':
      return isLocalOrigin(o);
    case 'remote':
      return typeof o.source === 'string';
    case 'persistence':
      return true;
    case 'migration':
      return typeof o.name === 'string';
    default:
      return false;
  }
}

/**
 * Undo for one author on a shared tablet or a synced doc: it tracks only transactions whose origin is
 * this exact LocalOrigin object, so it never undoes a remote peer's, a migration's or a load's changes.
 * 500 ms groups a burst of edits (typing, several quick marks) into one undo step.
 */
export function createAuthorUndoManager(doc: Y.Doc, origin: LocalOrigin): Y.UndoManager {
  return new Y.UndoManager(editableTypes(doc), {
    trackedOrigins: new Set<unknown>([origin]),
    captureTimeout: 500,
  });
}
