import type { ListAdditions, MoneyView } from '@chungtay/model';
import * as model from '@chungtay/model';
import { batch } from 'solid-js';
import { createStore, produce, reconcile } from 'solid-js/store';
import type * as Y from 'yjs';
import type { Projection } from '../session/projection';

/** The store's own type: Solid's path setters refuse readonly fields, and the store is ours to write. */
type Writable<T> = T extends string | number | boolean | null
  ? T
  : { -readonly [K in keyof T]: Writable<T[K]> };
type Book = Writable<MoneyView>;
type ListKey = 'entries' | 'loans';

/**
 * The money book as the screens read it. Read whole once, on open; after that the model's follower says
 * which entries and loans each batch of transactions added, and a repayment tapped at a meeting pushes
 * its two entries onto the store's list instead of re-reading thousands. The rest (rules, funds,
 * write-offs) is small and reconciled when it changes. The store holds copies: Solid writes into what a
 * store holds, and the follower keeps its own arrays.
 */
export function projectMoney(doc: Y.Doc): Projection<MoneyView> {
  let scheduled = false;
  let stopped = false;
  const follower = model.followMoney(doc, () => {
    // Several transactions in one tick (a remote batch, a load) are patched in once.
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (!stopped) batch(() => patch());
    });
  });
  const [book, setBook] = createStore<Book>(structuredClone(follower.view()) as Book);
  const setList = setBook as unknown as (key: ListKey, value: unknown) => void;

  function patchList(key: ListKey, changes: ListAdditions<{ readonly id: string }>): void {
    if (changes.rebuilt !== null) setList(key, reconcile(structuredClone(changes.rebuilt), { key: 'id' }));
    else if (changes.added.length === 0) return;
    else if (changes.atEnd)
      setList(
        key,
        produce((list: unknown[]) => {
          list.push(...structuredClone(changes.added));
        }),
      );
    // Slotted in among older ones (an entry dated back): the follower's order, the store's objects kept.
    else setList(key, reconcile(structuredClone(follower.view()[key]), { key: 'id' }));
  }

  function patch(): void {
    const changes = follower.flush();
    if (changes.header !== null) {
      const header = structuredClone(changes.header) as Writable<typeof changes.header>;
      setBook('clubId', header.clubId);
      setBook('schemaVersion', header.schemaVersion);
      setBook('readOnly', header.readOnly);
      setBook('rules', reconcile(header.rules));
      setBook('funds', reconcile(header.funds, { key: 'id' }));
      setBook('writeOffs', reconcile(header.writeOffs, { key: 'loanId' }));
      setBook('confirmedDuplicates', header.confirmedDuplicates);
    }
    patchList('entries', changes.entries);
    patchList('loans', changes.loans);
  }

  return {
    view: book as unknown as MoneyView,
    stop: () => {
      stopped = true;
      follower.stop();
    },
  };
}
