import { findKnownClub, forgetClub } from '../../device/device';
import { forgetScrubs } from '../../device/pending-scrub';
import { forgetClubDocs, listHeldDocs, listUnsent, type UnsentDoc } from '../../device/unsent-docs';
import { TabletStore } from '../../sync/tablet-store';

/**
 * Removing a club from this tablet (issue 12 §2): every IndexedDB database of the club, its keys and what
 * the tablet recorded about its documents. The club's sessions must be closed first (the caller leaves
 * the club's pages): an open store would keep its database until it closes.
 */

/** What would be lost: documents no relay has confirmed, and the club doc itself if it was never shared. */
export function lostIfRemoved(clubId: string, storage: Storage = localStorage): readonly UnsentDoc[] {
  const unsent = listUnsent(clubId, storage);
  if (findKnownClub(clubId, storage)?.access?.shared === true) return unsent;
  return [{ documentName: clubId, storageName: `chungtay-club-${clubId}`, keepHistory: false }, ...unsent];
}

/**
 * A database of this club: `chungtay-<kind>-<clubId>` or `chungtay-<kind>-<clubId>-<more>` (the session
 * files' storage names). Club ids are random (132 bits), so no other club's name matches by accident.
 */
export function isClubDatabase(name: string, clubId: string): boolean {
  if (!name.startsWith('chungtay-')) return false;
  return name.endsWith(`-${clubId}`) || name.includes(`-${clubId}-`);
}

/**
 * Deletes the club from this tablet; resolves with the names of the databases deleted. The keys and
 * records go at once, before the first await: a screen that lists clubs, shown right after, no longer
 * offers it while its databases are still being deleted.
 */
export async function removeClubFromTablet(
  clubId: string,
  storage: Storage = localStorage,
  databases: IDBFactory = indexedDB,
): Promise<readonly string[]> {
  // The held list as well: a browser whose databases() misses one still has it recorded here.
  const held = listHeldDocs(clubId, storage).map((doc) => doc.storageName);
  forgetClubDocs(clubId, storage);
  forgetClub(clubId, storage);
  forgetScrubs(clubId, storage);
  const listed = (await databases.databases()).flatMap((info) => (info.name ? [info.name] : []));
  const names = [...new Set([...listed, ...held])].filter((name) => isClubDatabase(name, clubId));
  for (const name of names) await TabletStore.erase(name);
  return names;
}
