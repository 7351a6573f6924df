import { createStore, reconcile } from 'solid-js/store';
import type * as Y from 'yjs';

/**
 * A Solid store that follows one Y.Doc: what a screen reads. `view` is the store; `stop` unhooks it from
 * the doc. A session owns one per document it opens.
 */
export interface Projection<T extends object> {
  readonly view: T;
  stop(): void;
}

/**
 * The simple projection for small documents: read the whole doc once per batch of transactions (a load, a
 * remote burst) and reconcile it into the store, so only what changed notifies the screen.
 */
export function fullReadProjection<T extends object>(
  doc: Y.Doc,
  read: (doc: Y.Doc) => T,
  options: { readonly key?: string } = {},
  onProjected?: () => void,
): Projection<T> {
  const [view, setView] = createStore<T>(read(doc));
  let scheduled = false;
  const project = () => {
    scheduled = false;
    setView(reconcile(read(doc), { key: options.key ?? 'id', merge: true }));
    onProjected?.();
  };
  // Several transactions in one tick project once.
  const onUpdate = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(project);
  };
  doc.on('update', onUpdate);
  return { view, stop: () => doc.off('update', onUpdate) };
}
