import { type Accessor, createSignal, onCleanup, onMount } from 'solid-js';
import type { DocUndo } from './doc-undo';
import { usePendingWrites } from './pending-writes';
import { useScreenUndo } from './screen-undo';

/** What a screen needs of the session it opens: its pending writes and a way to let go of it. */
export interface ScreenOpenable {
  whenSaved(): Promise<void>;
  close(): Promise<void>;
}

export interface ScreenSession<S> {
  /** The open session, or undefined while it opens or after it failed. */
  readonly session: Accessor<S | undefined>;
  readonly failed: Accessor<boolean>;
  /** Tries the open again (the screen's "Thử lại" button). */
  retry(): void;
}

export interface ScreenSessionOptions {
  /**
   * Where the header's undo takes this session's steps: in place of the club's (a screen that edits
   * nothing of the club), beside it (a screen that edits both), or not at all (a doc with no undo).
   */
  readonly undo?: 'instead' | 'beside' | 'none';
}

/**
 * Opens one document session for the screen that calls it and closes it when the screen goes: while it
 * is open, leaving the app waits for its writes and the header's undo acts on it. A session that opens
 * after the screen has gone is closed at once, so no IndexedDB connection or relay socket outlives it.
 * The caller decides first whether this tablet may open the doc at all (committee keys for private docs).
 */
export function useScreenSession<S extends ScreenOpenable & Partial<DocUndo>>(
  open: () => Promise<S>,
  options: ScreenSessionOptions = {},
): ScreenSession<S> {
  const pending = usePendingWrites();
  const screenUndo = useScreenUndo();
  const placement = options.undo ?? 'instead';
  const [session, setSession] = createSignal<S>();
  const [failed, setFailed] = createSignal(false);
  const release: (() => void)[] = [];
  let disposed = false;
  const start = () => {
    setFailed(false);
    open()
      .then((opened) => {
        if (disposed) return void opened.close();
        release.push(pending.register(() => opened.whenSaved()));
        if (placement !== 'none' && isUndo(opened)) release.push(screenUndo.show(opened, placement));
        setSession(() => opened);
      })
      .catch(() => setFailed(true));
  };
  onMount(start);
  onCleanup(() => {
    disposed = true;
    for (const stop of release) stop();
    void session()?.close();
  });
  return { session, failed, retry: start };
}

function isUndo(value: Partial<DocUndo>): value is DocUndo {
  return typeof value.undo === 'function' && typeof value.canUndo === 'function';
}
