/**
 * A club's secondary documents (a meeting's minutes, the health records) that hold edits this tablet made
 * and no relay has confirmed yet. Kept in localStorage per club, so that minutes written offline and then
 * closed still reach the relay: the club session uploads them in the background (background-sync.ts)
 * instead of waiting for someone to reopen that meeting while online.
 */

export interface UnsentDoc {
  /** The relay's name for it, e.g. `<clubId>/meeting/<meetingId>`. */
  readonly documentName: string;
  /** Its IndexedDB database on this tablet. */
  readonly storageName: string;
  /** Minutes keep deleted content (gc off) for their snapshots; opening them must do the same. */
  readonly keepHistory: boolean;
}

const PREFIX = 'chungtay.unsent.';
const listeners = new Set<(clubId: string) => void>();

function isUnsentDoc(value: unknown): value is UnsentDoc {
  if (typeof value !== 'object' || value === null) return false;
  const { documentName, storageName, keepHistory } = value as Record<string, unknown>;
  return (
    typeof documentName === 'string' && typeof storageName === 'string' && typeof keepHistory === 'boolean'
  );
}

/** What is recorded for the club; anything malformed in storage is skipped rather than trusted. */
export function listUnsent(clubId: string, storage: Storage = localStorage): readonly UnsentDoc[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(PREFIX + clubId) ?? '[]');
  } catch {
    return [];
  }
  return Array.isArray(parsed) ? parsed.filter(isUnsentDoc) : [];
}

function write(clubId: string, docs: readonly UnsentDoc[], storage: Storage): void {
  try {
    if (docs.length === 0) storage.removeItem(PREFIX + clubId);
    else storage.setItem(PREFIX + clubId, JSON.stringify(docs));
  } catch {
    // Storage full or blocked: the doc is still safe in IndexedDB and syncs whenever its screen is opened.
    return;
  }
  for (const listener of [...listeners]) listener(clubId);
}

/** This tablet changed the doc: it stays listed until a relay confirms holding all of it. */
export function markUnsent(clubId: string, doc: UnsentDoc, storage: Storage = localStorage): void {
  const docs = listUnsent(clubId, storage);
  if (docs.some((each) => each.documentName === doc.documentName)) return;
  write(clubId, [...docs, doc], storage);
}

/** A relay reported holding everything this tablet has of the doc. */
export function markSent(clubId: string, documentName: string, storage: Storage = localStorage): void {
  const docs = listUnsent(clubId, storage);
  const rest = docs.filter((each) => each.documentName !== documentName);
  if (rest.length !== docs.length) write(clubId, rest, storage);
}

/**
 * Calls `listener` with the club id whenever a list changes, in this tab or (through the storage event)
 * in another tab of this tablet. Returns the unsubscribe.
 */
export function onUnsentChange(
  listener: (clubId: string) => void,
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> | null = typeof window === 'undefined'
    ? null
    : window,
): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null) listener('');
    else if (event.key.startsWith(PREFIX)) listener(event.key.slice(PREFIX.length));
  };
  target?.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    target?.removeEventListener('storage', onStorage);
  };
}
