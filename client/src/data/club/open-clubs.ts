import type * as Y from 'yjs';

/**
 * The club docs open on this tablet, by club id: what a sibling doc (health, money, care) follows to keep
 * erased members erased (erasure-guard.ts). Registered the moment a club session opens, with no model
 * code, so a sibling opened at once finds its club while the club's own guard still loads after paint.
 */
export interface OpenClub {
  readonly doc: Y.Doc;
  readonly canEdit: () => boolean;
}

const openClubs = new Map<string, OpenClub>();

/** Returns the unregister, for the session's close. */
export function registerOpenClub(clubId: string, club: OpenClub): () => void {
  openClubs.set(clubId, club);
  return () => {
    if (openClubs.get(clubId) === club) openClubs.delete(clubId);
  };
}

export function openClub(clubId: string): OpenClub | undefined {
  return openClubs.get(clubId);
}
