import * as Y from 'yjs';
import { listUnsent, markSent, onUnsentChange, type UnsentDoc } from '../../device/unsent-docs';
import type { SyncStatus } from '../sync-status';
import { TabletStore } from '../tablet-store';
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

/**
 * Uploads a club's unsent docs (unsent-docs.ts) while the club is open, a few at a time: each is opened
 * from IndexedDB, connected until its relay reports holding everything, then closed and crossed off.
 * A doc whose own screen is open is left to that screen's connection. A doc the relay refuses is not
 * retried until the next reconnect (new keys, new relay address), so it cannot keep the tablet busy.
 */
export class BackgroundSync {
  /** Per doc being sent: a token while it opens, then its connection. */
  private readonly active = new Map<string, DocSync | symbol>();
  private readonly refused = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private readonly stopWatching: () => void;
  private closed = false;

  constructor(
    private readonly clubId: string,
    private readonly open: OpenDocSync,
    private readonly isOpenHere: (documentName: string) => boolean,
    private readonly concurrency = 2,
    private readonly storage: Storage = localStorage,
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
      if (this.active.has(name) || this.refused.has(name) || this.isOpenHere(name)) continue;
      const token = Symbol(name);
      this.active.set(name, token);
      void this.start(doc, token);
    }
    this.emit();
  }

  /** After new keys or a new relay address: forget refusals, reconnect everything. */
  async restart(): Promise<void> {
    this.refused.clear();
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
    let sync: DocSync | null;
    try {
      sync = await this.open(doc);
    } catch {
      sync = null; // IndexedDB refused: the doc stays listed, and its screen can still send it
    }
    // Closed or restarted meanwhile (the token is gone), or nothing to connect (the club is not shared).
    const current = this.active.get(name) === token;
    if (!current || this.closed || sync === null) {
      if (current) {
        this.active.delete(name);
        this.refused.add(name);
      }
      await sync?.close();
      this.emit();
      return;
    }
    const opened = sync;
    this.active.set(name, opened);
    const check = () => {
      const status = opened.status;
      if (status.type === 'synced') {
        void this.finish(name, opened);
        markSent(this.clubId, name, this.storage);
      } else if (TERMINAL.has(status.type)) {
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
    const doc = new Y.Doc({ gc: !unsent.keepHistory });
    const tablet = new TabletStore(unsent.storageName, doc);
    await tablet.load();
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
