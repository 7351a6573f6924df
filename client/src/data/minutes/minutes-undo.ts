import type { LocalOrigin } from '@chungtay/model';
import { defaultDeleteFilter, defaultProtectedNodes, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { UndoScope } from '../session/doc-undo';

/**
 * One undo for the whole minutes: fields, attendance, agenda, actions, money entries and the text typed in
 * every agenda body, in the order this person made them. The body editors get this same manager through
 * Tiptap's Collaboration (`yUndoOptions.undoManager`), so Ctrl+Z in a body and the header's button walk
 * one history instead of two that would undo each other's steps.
 *
 * Tiptap's y-undo plugin destroys the manager it is given when its editor unmounts (an agenda item removed,
 * the page left); this one is shared by every body and must outlive them, so it ends with its doc.
 */
class MinutesUndoManager extends Y.UndoManager {
  constructor(scope: UndoScope, options: ConstructorParameters<typeof Y.UndoManager>[1]) {
    super(scope, options);
    this.doc.on('destroy', () => super.destroy());
  }

  override destroy(): void {}
}

/**
 * Tracks this session's commands (its LocalOrigin) and what the body editors type (Tiptap's binding
 * writes with `ySyncPluginKey` as origin, and only for this tab's own keystrokes: the relay's updates carry
 * the connection as origin). `meta`, the approval, reopenings and versions are left out: an undo must never
 * unsign minutes or remove a saved version.
 */
export function createMinutesUndo(doc: Y.Doc, origin: LocalOrigin): Y.UndoManager {
  const scope: UndoScope = [
    doc.getMap('minutes'),
    doc.getMap('attendance'),
    doc.getArray('agenda'),
    doc.getMap('agendaItems'),
    doc.getMap('actions'),
    doc.getMap('money'),
  ];
  const tracked = new Set<unknown>([origin, ySyncPluginKey]);
  let lastWriter: unknown = null;
  const manager: Y.UndoManager = new MinutesUndoManager(scope, {
    trackedOrigins: tracked,
    captureTimeout: 500,
    // As Tiptap's own: an undo keeps a paragraph that holds text, and skips steps marked not for history.
    deleteFilter: (item) => defaultDeleteFilter(item, defaultProtectedNodes),
    captureTransaction: (transaction) => {
      if (transaction.meta.get('addToHistory') === false) return false;
      // A field committed as the body gets focus, then typing: two steps, not one. Bursts of one kind
      // (typing, quick marks) still group within the capture time; others' changes do not split them.
      if (tracked.has(transaction.origin) && transaction.origin !== lastWriter) {
        manager.stopCapturing();
        lastWriter = transaction.origin;
      }
      return true;
    },
  });
  return manager;
}
