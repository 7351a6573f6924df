import type { Entry, Loan, MoneyIndex, MoneyView } from '@chungtay/model';
import * as model from '@chungtay/model';
import { batch, createSignal } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import type * as Y from 'yjs';
import type { Projection } from '../session/projection';

/** The store's own type: Solid's path setters refuse readonly fields, and the store is ours to write. */
type Writable<T> = T extends string | number | boolean | null
  ? T
  : { -readonly [K in keyof T]: Writable<T[K]> };
type Header = Writable<Omit<MoneyView, 'entries' | 'loans'>>;

const HEADER_KEYS = [
  'clubId',
  'schemaVersion',
  'readOnly',
  'rules',
  'funds',
  'writeOffs',
  'confirmedDuplicates',
  'authors',
] as const satisfies readonly (keyof Header)[];

/**
 * The money book as the screens read it. Read whole once, on open; after that the model's follower says
 * which entries and loans each batch of transactions added, and a repayment tapped at a meeting slots its
 * two entries in instead of re-reading thousands.
 *
 * The small header (rules, funds, write-offs) is a Solid store, reconciled when it changes, so a rule shown
 * on screen follows another tablet's edit field by field. Entries and loans are NOT in the store: they are
 * written once and never change, so a store's per-field proxies (a tracked read for every field of 7,500
 * entries, each time a balance is summed) would buy nothing and cost most of the time "Quỹ" takes to open.
 * They are plain arrays behind a signal, a new array (the same entry objects) after each batch, so every
 * figure derived from them (balances, loan states, a meeting's collection) is recomputed once per batch
 * over plain objects. Screens never write into them.
 */
export interface MoneyProjection extends Projection<MoneyView> {
  /**
   * The standing entries by loan, member and meeting (the model's MoneyIndex), folded in from the same
   * batches as the entries: reading it tracks the entries, so a memo over it reruns once per batch.
   */
  index(): MoneyIndex;
}

export function projectMoney(doc: Y.Doc): MoneyProjection {
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
  const first = follower.view();
  const { entries: _entries, loans: _loans, ...header } = first;
  const [book, setBook] = createStore<Header>(structuredClone(header) as Header);
  const [entries, setEntries] = createSignal<readonly Entry[]>(first.entries.slice());
  const index = model.createMoneyIndex(first.entries);
  const [loans, setLoans] = createSignal<readonly Loan[]>(first.loans.slice());

  function patch(): void {
    const changes = follower.flush();
    if (changes.header !== null) {
      const next = structuredClone(changes.header) as Header;
      setBook('clubId', next.clubId);
      setBook('schemaVersion', next.schemaVersion);
      setBook('readOnly', next.readOnly);
      setBook('rules', reconcile(next.rules));
      setBook('funds', reconcile(next.funds, { key: 'id' }));
      setBook('writeOffs', reconcile(next.writeOffs, { key: 'loanId' }));
      setBook('confirmedDuplicates', next.confirmedDuplicates);
      setBook('authors', reconcile(next.authors ?? {}));
    }
    const view = follower.view();
    if (changes.entries.rebuilt !== null || changes.entries.added.length > 0) {
      index.update(view.entries, changes.entries);
      setEntries(view.entries.slice());
    }
    if (changes.loans.rebuilt !== null || changes.loans.added.length > 0) setLoans(view.loans.slice());
  }

  // The screens read one object: the header's fields from the store, the lists from their signals, each a
  // getter so a read inside a memo or an effect tracks exactly what it reads.
  const view = {} as MoneyView;
  for (const key of HEADER_KEYS) Object.defineProperty(view, key, { get: () => book[key], enumerable: true });
  Object.defineProperty(view, 'entries', { get: entries, enumerable: true });
  Object.defineProperty(view, 'loans', { get: loans, enumerable: true });
  return {
    view,
    index: () => {
      entries();
      return index;
    },
    stop: () => {
      stopped = true;
      follower.stop();
    },
  };
}
