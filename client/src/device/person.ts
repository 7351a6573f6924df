import type { MemberId } from '@chungtay/model';

/**
 * Who uses this tablet, per club (issue 12 §4): a member of the club's roster, chosen on this tablet and
 * kept in localStorage (session scope, never synced). Approvals and reopenings are recorded under this
 * person, so the buttons a person may press follow from it, not from who the minutes name.
 */
const PREFIX = 'chungtay.person.';

export function readTabletPerson(clubId: string, storage: Storage = localStorage): MemberId | null {
  const value = storage.getItem(PREFIX + clubId);
  return value && /^[A-Za-z0-9_-]{8,64}$/.test(value) ? (value as MemberId) : null;
}

export function saveTabletPerson(
  clubId: string,
  person: MemberId | null,
  storage: Storage = localStorage,
): void {
  if (person === null) storage.removeItem(PREFIX + clubId);
  else storage.setItem(PREFIX + clubId, person);
}

const CHANGED = 'chungtay:tablet-person';

/**
 * Calls `listener` when the person using this tablet for `clubId` changes, in this tab (the header's switch
 * and the approval section follow each other) or in another (the `storage` event).
 */
export function onTabletPersonChange(
  clubId: string,
  listener: () => void,
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
): () => void {
  const here = (event: Event) => {
    if ((event as CustomEvent<string>).detail === clubId) listener();
  };
  const elsewhere = (event: StorageEvent) => {
    if (event.key === null || event.key === PREFIX + clubId) listener();
  };
  target.addEventListener(CHANGED, here);
  target.addEventListener('storage', elsewhere);
  return () => {
    target.removeEventListener(CHANGED, here);
    target.removeEventListener('storage', elsewhere);
  };
}

/** Chooses the person and tells this tab's listeners (saveTabletPerson stays silent, for tests and migration). */
export function switchTabletPerson(clubId: string, person: MemberId | null): void {
  saveTabletPerson(clubId, person);
  window.dispatchEvent(new CustomEvent(CHANGED, { detail: clubId }));
}

const ASK = 'chungtay.askPerson.';

/**
 * Joining a club asks who uses the tablet, once the roster has arrived (the join page has no names yet):
 * the join page sets this, the header's person switch asks and clears it.
 */
export function askPersonOnOpen(clubId: string, storage: Storage = localStorage): void {
  storage.setItem(ASK + clubId, '1');
}

export function shouldAskPerson(clubId: string, storage: Storage = localStorage): boolean {
  return storage.getItem(ASK + clubId) === '1' && readTabletPerson(clubId, storage) === null;
}

export function doneAskingPerson(clubId: string, storage: Storage = localStorage): void {
  storage.removeItem(ASK + clubId);
}
