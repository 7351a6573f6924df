import type { LocalOrigin } from '@chungtay/model';
import { type Accessor, createSignal } from 'solid-js';
import * as Y from 'yjs';

/** Undo and redo of one person's edits to one document, as the header's buttons use them. */
export interface DocUndo {
  readonly canUndo: Accessor<boolean>;
  readonly canRedo: Accessor<boolean>;
  undo(): void;
  redo(): void;
  /**
   * When the step that undo() (or redo()) would take was recorded, on the page's clock; null when there is
   * none. A screen showing several documents (minutes and health records) undoes the latest step among them.
   */
  nextStepAt(direction: 'undo' | 'redo'): number | null;
}

/** Nothing to undo: a doc nobody edits here. */
export const NO_UNDO: DocUndo = {
  canUndo: () => false,
  canRedo: () => false,
  undo: () => undefined,
  redo: () => undefined,
  nextStepAt: () => null,
};

const STEP_AT = Symbol('stepAt');

/** The shared types an undo manager watches (Yjs types its own parameter with any). */
export type UndoScope = Exclude<
  ConstructorParameters<typeof Y.UndoManager>[0],
  Y.Doc | Y.AbstractType<unknown>
>;

/**
 * Follows an undo manager for the screens: what the buttons may do (only while `writable`: a viewer key, a
 * newer doc or approved minutes must not be changed by an undo either, which writes past the commands'
 * checks), and when each step was recorded. `stop` unhooks it; the manager stays its owner's to destroy.
 */
export function followUndo(
  manager: Y.UndoManager,
  writable: () => boolean,
  now: () => number = () => performance.now(),
): DocUndo & { stop(): void } {
  const [sizes, setSizes] = createSignal({ undo: 0, redo: 0 });
  const refresh = () => setSizes({ undo: manager.undoStack.length, redo: manager.redoStack.length });
  // A new step, or one that grew within the capture time: either is this person's latest edit.
  const stamp = ({ stackItem }: { stackItem: { meta: Map<unknown, unknown> } }) => {
    stackItem.meta.set(STEP_AT, now());
    refresh();
  };
  manager.on('stack-item-added', stamp);
  manager.on('stack-item-updated', stamp);
  manager.on('stack-item-popped', refresh);
  manager.on('stack-cleared', refresh);
  refresh();
  const top = (stack: readonly { meta: Map<unknown, unknown> }[]) => {
    const at = stack.at(-1)?.meta.get(STEP_AT);
    return typeof at === 'number' ? at : null;
  };
  const canUndo = () => sizes().undo > 0 && writable();
  const canRedo = () => sizes().redo > 0 && writable();
  return {
    canUndo,
    canRedo,
    undo: () => void (canUndo() && manager.undo()),
    redo: () => void (canRedo() && manager.redo()),
    nextStepAt: (direction) => (direction === 'undo' ? top(manager.undoStack) : top(manager.redoStack)),
    stop() {
      manager.off('stack-item-added', stamp);
      manager.off('stack-item-updated', stamp);
      manager.off('stack-item-popped', refresh);
      manager.off('stack-cleared', refresh);
    },
  };
}

/**
 * Undo of one author's edits to the given top-level types of a doc, as `createAuthorUndoManager` in the
 * model does for the club doc (whose types it knows): only transactions carrying this exact origin object,
 * so a colleague's edit, a load or a migration is never undone; 500 ms groups a burst into one step.
 */
export function createAuthorUndo(
  scope: UndoScope,
  origin: LocalOrigin,
  options: Omit<ConstructorParameters<typeof Y.UndoManager>[1] & object, 'trackedOrigins'> & {
    readonly alsoTracked?: readonly unknown[];
  } = {},
): Y.UndoManager {
  const { alsoTracked = [], ...rest } = options;
  return new Y.UndoManager(scope, {
    captureTimeout: 500,
    ...rest,
    trackedOrigins: new Set<unknown>([origin, ...alsoTracked]),
  });
}
