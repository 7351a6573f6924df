import { createContext, type JSX, onCleanup, useContext } from 'solid-js';
import { anyStoreUnsaved, whenEveryStoreSettled } from '../../sync/tablet-store';

/**
 * Lets app-wide actions (installing an update, leaving the page) wait for the writes of every open document:
 * the club, and the minutes, health, money, care or report doc a screen or the background sync holds open.
 * Each reaches IndexedDB through its own TabletStore, which tablet-store.ts keeps count of; `register` adds
 * waits of a screen's own (a form that saves on blur).
 */
export interface PendingWrites {
  register(whenSaved: () => Promise<void>): () => void;
  whenAllSaved(): Promise<void>;
}

const PendingWritesContext = createContext<PendingWrites>();

/** Asks the browser to confirm leaving while a write is on its way. */
export function warnIfUnsaved(event: BeforeUnloadEvent, unsaved: () => boolean = anyStoreUnsaved): void {
  if (!unsaved()) return;
  event.preventDefault();
  // Older browsers ask only when returnValue is set; none shows the page's text, they show their own.
  event.returnValue = 'unsaved';
}

export function PendingWritesProvider(props: { children: JSX.Element }): JSX.Element {
  const waiters = new Set<() => Promise<void>>();
  const value: PendingWrites = {
    register(whenSaved) {
      waiters.add(whenSaved);
      return () => waiters.delete(whenSaved);
    },
    async whenAllSaved() {
      await Promise.all([whenEveryStoreSettled(), ...[...waiters].map((w) => w())]);
    },
  };
  const onBeforeUnload = (event: BeforeUnloadEvent) => warnIfUnsaved(event);
  window.addEventListener('beforeunload', onBeforeUnload);
  onCleanup(() => window.removeEventListener('beforeunload', onBeforeUnload));
  return <PendingWritesContext.Provider value={value}>{props.children}</PendingWritesContext.Provider>;
}

export function usePendingWrites(): PendingWrites {
  const value = useContext(PendingWritesContext);
  if (!value) throw new Error('usePendingWrites must be used inside <PendingWritesProvider>');
  return value;
}
