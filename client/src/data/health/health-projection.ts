import type { HealthChanges, HealthCheck, HealthCheckScope, HealthView } from '@chungtay/model';
import * as model from '@chungtay/model';
import { batch } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import type * as Y from 'yjs';
import type { Projection } from '../session/projection';

/**
 * The health doc as the screens read it. Read whole once, on open; after that the model's follower names
 * the checks each batch of transactions changed, and only those are written into the store, by index: a
 * weight typed sets one check of five years' 3,600, so the screen's other rows and the charts are left
 * alone. The small parts (thresholds, follow-ups, visit notes, locks) are reconciled whole when they change.
 * The store holds copies, never the follower's own objects, since Solid writes into what a store holds.
 * With a `scope` (the health-check screen's meeting, a chart's member) only that scope's checks are read,
 * on open and after: `view.checks` holds them alone.
 */
export function projectHealth(doc: Y.Doc, scope?: HealthCheckScope): Projection<HealthView> {
  let scheduled = false;
  let stopped = false;
  const follower = model.followHealth(
    doc,
    () => {
      // Several transactions in one tick (a remote batch, a load) are patched in once.
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        if (!stopped) batch(() => patch(follower.flush()));
      });
    },
    scope,
  );
  const [view, setView] = createStore<HealthView>(structuredClone(follower.view()));
  // Paths over the view's readonly fields are beyond Solid's setter types; the store is ours to write.
  const setPath = setView as unknown as (...path: unknown[]) => void;
  let index = indexOf(view.checks.map(model.checkPair));

  function patch({ rest, checks }: HealthChanges): void {
    if (rest !== null)
      for (const [key, value] of Object.entries(rest))
        setPath(
          key,
          value !== null && typeof value === 'object'
            ? reconcile(structuredClone(value), { merge: true })
            : value,
        );
    for (const check of checks.changed) {
      const i = index.get(model.checkPair(check));
      if (i !== undefined) setPath('checks', i, reconcile(structuredClone(check)));
    }
    if (checks.order === null) return;
    // Checks came or went: the list is rebuilt from the store's own objects, so every check that stayed
    // keeps its proxy and the screens re-render only what is new.
    const current: readonly HealthCheck[] = unwrap(view).checks;
    const added = new Map(checks.changed.map((check) => [model.checkPair(check), check]));
    const next = checks.order.map((pair) => {
      const i = index.get(pair);
      return i === undefined ? structuredClone(added.get(pair)) : current[i];
    });
    setPath('checks', next);
    index = indexOf(checks.order);
  }

  return {
    view,
    stop: () => {
      stopped = true;
      follower.stop();
    },
  };
}

function indexOf(pairs: readonly string[]): Map<string, number> {
  return new Map(pairs.map((pair, i) => [pair, i]));
}
