import { listUnsent, markSent, onUnsentChange, type UnsentDoc } from '../../device/unsent-docs';
import type { SyncStatus } from '../sync-status';
import { openStoredDoc } from '../tablet-store';
import { createDocRelay } from './doc-relay';

/** One open connection for one unsent doc: its tablet copy and its relay link. */
export interface DocSync {
  readonly status: SyncStatus;
  onChange(listener: () => void): () => void;
  close(): Promise<void>;
}

/** Opens a doc from this tablet and connects it; null when the club is not shared from this tablet. */
export type OpenDocSync = (doc: UnsentDoc) => Promise<DocSync | null>;

const TERMINAL: ReadonlySet<SyncStatus['type']> = new Set(['denied', 'revoked', 'localOnly']);

/** How long one doc may hold a slot, opening and then sending. */
export interface BackgroundLimits {
  readonly openMs: number;
  readonly workMs: number;
}

/**
 * Opening: TabletStore gives up after 10 s opening IndexedDB and 30 s reading it, so 45 s only catches an
 * open that hangs past those (a stuck import, a relay link that never comes back). Sending: a large doc goes
 * up in ~256 KiB frames, about 2 s each on a 1 Mbit/s link, so 5 minutes covers some 40 MB, far past any
 * club's minutes; a doc still not held by then is stuck, and two stuck docs must not stop the others.
 */
export const BACKGROUND_LIMITS: BackgroundLimits = { openMs: 45_000, workMs: 5 * 60_000 };

/**
 * Uploads a club's unsent docs (unsent-docs.ts) while the club is open, a few at a time: each is opened
 * from IndexedDB, connected until its relay reports holding everything, then closed and crossed off.
 * A doc whose own screen is open is left to that screen's connection. A doc the relay refuses is not
 * retried until the next reconnect (new keys, new relay address), so it cannot keep the tablet busy.
 * A doc that fails to open, or takes longer than its limits to open or to send, gives its slot back and
 * waits for the next reconnect too (still counted as pending), so two damaged docs never stop the rest.
 */
export class BackgroundSync {
  /** Per doc being sent: a token while it opens, then its connection. */
  private readonly active = new Map<string, DocSync | symbol>();
  private readonly refused = new Set<string>();
  /** Failed or timed out: still unsent, left alone until the next restart (reconnect). */
  private readonly deferred = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private readonly stopWatching: () => void;
  private closed = false;

  constructor(
    private readonly clubId: string,
    private readonly open: OpenDocSync,
    private readonly isOpenHere: (documentName: string) => boolean,
    private readonly concurrency = 2,
    private readonly storage: Storage = localStorage,
    private readonly limits: BackgroundLimits = BACKGROUND_LIMITS,
  ) {
    this.stopWatching = onUnsentChange((changed) => {
      if (changed === clubId || changed === '') this.run();
    });
  }

  /** Unsent docs still expected to reach the relay (refused ones excluded), for the sync indicator. */
  get pending(): number {
    return listUnsent(this.clubId, this.storage).filter((doc) => !this.refused.has(doc.documentName)).length;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts on whatever is unsent and not yet being sent. Safe to call any time. */
  run(): void {
    if (this.closed) return;
    for (const doc of listUnsent(this.clubId, this.storage)) {
      if (this.active.size >= this.concurrency) break;
      const name = doc.documentName;
      if (
        this.active.has(name) ||
        this.refused.has(name) ||
        this.deferred.has(name) ||
        this.isOpenHere(name)
      ) {
        continue;
      }
      const token = Symbol(name);
      this.active.set(name, token);
      void this.start(doc, token);
    }
    this.emit();
  }

  /** After new keys or a new relay address: forget refusals, reconnect everything. */
  async restart(): Promise<void> {
    this.refused.clear();
    this.deferred.clear();
    await this.closeAll();
    this.run();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopWatching();
    this.listeners.clear();
    await this.closeAll();
  }

  private async start(doc: UnsentDoc, token: symbol): Promise<void> {
    const name = doc.documentName;
    // An open that outlives its limit gives the slot back now; if it ever resolves, the token check below
    // finds the slot gone and closes what it opened.
    const openTimer = setTimeout(() => {
      if (this.active.get(name) !== token) return;
      this.active.delete(name);
      this.deferred.add(name);
      this.run();
    }, this.limits.openMs);
    let sync: DocSync | null;
    let failed = false;
    try {
      sync = await this.open(doc);
    } catch {
      // IndexedDB refused or timed out: the doc stays listed, its screen can still send it, and it is
      // tried again at the next reconnect.
      sync = null;
      failed = true;
    } finally {
      clearTimeout(openTimer);
    }
    // Closed or restarted meanwhile (the token is gone), or nothing to connect (the club is not shared).
    const current = this.active.get(name) === token;
    if (!current || this.closed || sync === null) {
      if (current) {
        this.active.delete(name);
        (failed ? this.deferred : this.refused).add(name);
      }
      await sync?.close();
      this.run();
      return;
    }
    const opened = sync;
    this.active.set(name, opened);
    const workTimer = setTimeout(() => {
      if (this.active.get(name) !== opened) return; // already finished, or closed by a restart
      this.deferred.add(name);
      void this.finish(name, opened);
    }, this.limits.workMs);
    const check = () => {
      const status = opened.status;
      if (status.type === 'synced') {
        clearTimeout(workTimer);
        void this.finish(name, opened);
        markSent(this.clubId, name, this.storage);
      } else if (TERMINAL.has(status.type)) {
        clearTimeout(workTimer);
        this.refused.add(name);
        void this.finish(name, opened);
      }
    };
    opened.onChange(check);
    check();
  }

  private async finish(name: string, sync: DocSync): Promise<void> {
    if (this.active.get(name) !== sync) return;
    this.active.delete(name);
    await sync.close();
    this.run();
  }

  private async closeAll(): Promise<void> {
    const open = [...this.active.values()].filter((each): each is DocSync => typeof each !== 'symbol');
    this.active.clear();
    await Promise.all(open.map((sync) => sync.close()));
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** Opens an unsent doc from this tablet's IndexedDB and connects it, for the club's background sync. */
export function backgroundDocSync(
  clubId: string,
  user: { readonly name: string; readonly color: string },
): OpenDocSync {
  return async (unsent) => {
    const { doc, tablet } = await openStoredDoc(unsent.storageName, unsent.keepHistory);
    const relay = createDocRelay(clubId, unsent.documentName, doc, user);
    const release = async () => {
      relay?.destroy();
      await tablet.destroy();
      doc.destroy();
    };
    if (relay === null) {
      await release();
      return null;
    }
    relay.start();
    return {
      get status() {
        return relay.status;
      },
      onChange: (listener) => relay.onChange(listener),
      close: release,
    };
  };
}
