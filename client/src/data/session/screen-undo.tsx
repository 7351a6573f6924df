import { createContext, createSignal, type JSX, useContext } from 'solid-js';
import type { DocUndo } from './doc-undo';

/**
 * What the header's undo and redo buttons act on: the documents on screen. A screen that edits its own
 * documents shows their undo while it is open: the minutes page its minutes and health records, in place
 * of the club (it edits nothing of the club); the settings page its health thresholds beside the club's
 * profile. Otherwise the buttons act on the club. Among several documents on screen they take this
 * person's latest step, so undo goes back through the screen's edits in the order they were made.
 */
export interface ScreenUndo extends DocUndo {
  /**
   * Puts a document's undo on screen until the returned function is called: in place of the club's, or
   * `beside` it when the screen edits the club too.
   */
  show(undo: DocUndo, placement?: 'instead' | 'beside'): () => void;
}

interface Shown {
  readonly undo: DocUndo;
  readonly placement: 'instead' | 'beside';
}

export function createScreenUndo(club: DocUndo): ScreenUndo {
  const [shown, setShown] = createSignal<readonly Shown[]>([]);
  const onScreen = () => {
    const list = shown();
    const replaced = list.some((each) => each.placement === 'instead');
    return [...(replaced ? [] : [club]), ...list.map((each) => each.undo)];
  };
  const latest = (direction: 'undo' | 'redo') => {
    let best: DocUndo | undefined;
    let bestAt = Number.NEGATIVE_INFINITY;
    for (const undo of onScreen()) {
      const able = direction === 'undo' ? undo.canUndo() : undo.canRedo();
      const at = undo.nextStepAt(direction) ?? Number.NEGATIVE_INFINITY;
      if (able && (best === undefined || at > bestAt)) {
        best = undo;
        bestAt = at;
      }
    }
    return best;
  };
  return {
    canUndo: () => onScreen().some((undo) => undo.canUndo()),
    canRedo: () => onScreen().some((undo) => undo.canRedo()),
    undo: () => latest('undo')?.undo(),
    redo: () => latest('redo')?.redo(),
    nextStepAt: (direction) => latest(direction)?.nextStepAt(direction) ?? null,
    show(undo, placement = 'instead') {
      const entry: Shown = { undo, placement };
      setShown((list) => [...list, entry]);
      return () => setShown((list) => list.filter((each) => each !== entry));
    },
  };
}

const ScreenUndoContext = createContext<ScreenUndo>();

export function ScreenUndoProvider(props: { value: ScreenUndo; children: JSX.Element }): JSX.Element {
  return <ScreenUndoContext.Provider value={props.value}>{props.children}</ScreenUndoContext.Provider>;
}

export function useScreenUndo(): ScreenUndo {
  const value = useContext(ScreenUndoContext);
  if (!value) throw new Error('useScreenUndo must be used inside <ScreenUndoProvider> (an open club)');
  return value;
}
