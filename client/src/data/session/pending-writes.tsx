import { createContext, type JSX, useContext } from 'solid-js';

/** Lets app-wide actions (installing an update) wait for every open club's writes. */
export interface PendingWrites {
  register(whenSaved: () => Promise<void>): () => void;
  whenAllSaved(): Promise<void>;
}

const PendingWritesContext = createContext<PendingWrites>();

export function PendingWritesProvider(props: { children: JSX.Element }): JSX.Element {
  const waiters = new Set<() => Promise<void>>();
  const value: PendingWrites = {
    register(whenSaved) {
      waiters.add(whenSaved);
      return () => waiters.delete(whenSaved);
    },
    async whenAllSaved() {
      await Promise.all([...waiters].map((w) => w()));
    },
  };
  return <PendingWritesContext.Provider value={value}>{props.children}</PendingWritesContext.Provider>;
}

export function usePendingWrites(): PendingWrites {
  const value = useContext(PendingWritesContext);
  if (!value) throw new Error('usePendingWrites must be used inside <PendingWritesProvider>');
  return value;
}
