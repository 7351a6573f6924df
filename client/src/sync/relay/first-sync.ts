import type * as Y from 'yjs';
import type { RelaySync } from '../relay-sync';
import type { SyncStatus } from '../sync-status';

/**
 * Waits until the relay has answered with everything it holds of a doc this tablet is about to start (the
 * minutes of a meeting), or cannot. A first answer can be large (minutes keep their history) and arrive in
 * several frames over a slow link, and the header may be in any of them: a fixed timeout would let this
 * tablet start the doc over edits already made. Done when `started` says another tablet's start arrived,
 * when the relay's report says this tablet holds what it holds ("synced"), when sync cannot happen now (offline, unreachable, refused), after `idleMs` in which neither
 * data nor the status moved, or at the latest after `capMs`.
 */
export function firstSync(
  doc: Y.Doc,
  relay: Pick<RelaySync, 'status' | 'onChange'>,
  started: (doc: Y.Doc) => boolean,
  idleMs: number,
  capMs: number,
): Promise<void> {
  if (typeof navigator !== 'undefined' && !navigator.onLine) return Promise.resolve();
  return new Promise((resolve) => {
    let idle: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      clearTimeout(idle);
      clearTimeout(cap);
      stopWatching();
      doc.off('update', check);
      resolve();
    };
    const check = () => {
      const status = relay.status.type;
      if (started(doc) || status === 'synced' || CANNOT_SYNC.has(status)) return done();
      clearTimeout(idle);
      idle = setTimeout(done, idleMs);
    };
    const cap = setTimeout(done, capMs);
    const stopWatching = relay.onChange(check);
    doc.on('update', check);
    check();
  });
}

const CANNOT_SYNC: ReadonlySet<SyncStatus['type']> = new Set([
  'offline',
  'unreachable',
  'denied',
  'revoked',
  'localOnly',
]);
