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
