/**
 * Which erasures this tablet has scrubbed from its IndexedDB files (issue 12 §2; sync/tablet-scrub.ts says
 * why erased bytes outlive their rows). Kept per club in localStorage as the erased members' ids, which are
 * random and name no one: an erasure the club doc records and this list lacks still owes its scrub, so a
 * tablet closed mid-way (or one that erased before scrubs existed) does it at the club's next open.
 */
const PREFIX = 'chungtay.scrubbed.';

function readScrubbed(clubId: string, storage: Storage): ReadonlySet<string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(PREFIX + clubId) ?? '[]');
  } catch {
    return new Set();
  }
  return new Set(Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : []);
}

/** The erased members (of `erased`, the club doc's) whose erasure this tablet has not scrubbed yet. */
export function scrubsPending<Id extends string>(
  clubId: string,
  erased: Iterable<Id>,
  storage: Storage = localStorage,
): Id[] {
  const scrubbed = readScrubbed(clubId, storage);
  return [...erased].filter((id) => !scrubbed.has(id));
}

/**
 * Records that the scrub after these members' erasure is done. Called only once it is: a close before
 * leaves them pending, and the scrub, which is safe to redo, runs again.
 */
export function markScrubbed(clubId: string, ids: Iterable<string>, storage: Storage = localStorage): void {
  const next = new Set(readScrubbed(clubId, storage));
  for (const id of ids) next.add(id);
  try {
    storage.setItem(PREFIX + clubId, JSON.stringify([...next]));
  } catch {
    // Storage full: the scrub runs again at the next open, which costs time and loses nothing.
  }
}

/** Forgets the club's record (the club removed from this tablet). */
export function forgetScrubs(clubId: string, storage: Storage = localStorage): void {
  storage.removeItem(PREFIX + clubId);
}
