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
/** Every secondary doc of the club this tablet holds, sent or not: what a new sync server must be given. */
const HELD_PREFIX = 'chungtay.held.';
/** When the club's held docs were last all offered to its server (see `offerHeldDocsNowAndThen`). */
const OFFERED_PREFIX = 'chungtay.offered.';
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const listeners = new Set<(clubId: string) => void>();

function isUnsentDoc(value: unknown): value is UnsentDoc {
  if (typeof value !== 'object' || value === null) return false;
  const { documentName, storageName, keepHistory } = value as Record<string, unknown>;
  return (
    typeof documentName === 'string' && typeof storageName === 'string' && typeof keepHistory === 'boolean'
  );
}

function readList(key: string, storage: Storage): readonly UnsentDoc[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(key) ?? '[]');
  } catch {
    return [];
  }
  return Array.isArray(parsed) ? parsed.filter(isUnsentDoc) : [];
}

/** What is recorded for the club; anything malformed in storage is skipped rather than trusted. */
export function listUnsent(clubId: string, storage: Storage = localStorage): readonly UnsentDoc[] {
  return readList(PREFIX + clubId, storage);
}

/** Every secondary doc of the club this tablet has opened or edited. */
export function listHeldDocs(clubId: string, storage: Storage = localStorage): readonly UnsentDoc[] {
  return readList(HELD_PREFIX + clubId, storage);
}

/** This tablet holds the doc (opened it, or edited it): see `resendHeldDocs`. */
export function rememberHeldDoc(clubId: string, doc: UnsentDoc, storage: Storage = localStorage): void {
  const held = listHeldDocs(clubId, storage);
  if (held.some((each) => each.documentName === doc.documentName)) return;
  try {
    storage.setItem(HELD_PREFIX + clubId, JSON.stringify([...held, doc]));
  } catch {
    // Storage full: the doc still syncs whenever its screen is opened.
  }
}

/**
 * A relay's confirmation counts for that relay only. When the tablet moves to another sync server, or the
 * club is registered on one (it did not know the club), every doc this tablet holds goes back on the list,
 * so the background sync gives the new server the minutes and health records too, not only the club doc.
 * A server that already holds them answers at the cost of one state vector each.
 */
export function resendHeldDocs(clubId: string, storage: Storage = localStorage): void {
  const unsent = listUnsent(clubId, storage);
  const missing = listHeldDocs(clubId, storage).filter(
    (held) => !unsent.some((each) => each.documentName === held.documentName),
  );
  if (missing.length > 0) write(clubId, [...unsent, ...missing], storage);
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
  rememberHeldDoc(clubId, doc, storage);
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
 * Once a week, while the club syncs, every held doc is offered to the server again. A server on
 * `synchronous=NORMAL` can lose its last seconds of commits in a power cut after it confirmed them; the club
 * doc heals on every connection, but closed minutes would come back only when someone opened them. The
 * first call only starts the clock: a tablet that just got the club has nothing to make up.
 */
export function offerHeldDocsNowAndThen(clubId: string, now: number, storage: Storage = localStorage): void {
  const last = Number(storage.getItem(OFFERED_PREFIX + clubId));
  if (Number.isFinite(last) && last > 0 && now - last < WEEK_MS) return;
  try {
    storage.setItem(OFFERED_PREFIX + clubId, String(now));
  } catch {
    return; // storage full: offering every week would then become offering at every opening
  }
  if (last > 0) resendHeldDocs(clubId, storage);
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

/** Forgets what was recorded of the club's documents (the club is being removed from this tablet). */
export function forgetClubDocs(clubId: string, storage: Storage = localStorage): void {
  for (const prefix of [PREFIX, HELD_PREFIX, OFFERED_PREFIX]) storage.removeItem(prefix + clubId);
}

/**
 * Forgets one document: neither unsent nor held any more. For an old generation of rewritten minutes whose
 * copy this tablet deleted (data/minutes/minutes-generation.ts): the relay refuses it, so offering it again
 * would only fail.
 */
export function forgetDoc(clubId: string, documentName: string, storage: Storage = localStorage): void {
  markSent(clubId, documentName, storage);
  const held = listHeldDocs(clubId, storage);
  const rest = held.filter((each) => each.documentName !== documentName);
  if (rest.length === held.length) return;
  try {
    storage.setItem(HELD_PREFIX + clubId, JSON.stringify(rest));
  } catch {
    // Blocked storage: a later offer of it is refused by the relay and changes nothing.
  }
}
