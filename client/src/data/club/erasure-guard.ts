import type { Author, Eraser } from '@chungtay/model';
import * as model from '@chungtay/model';
import type * as Y from 'yjs';
import { openClub } from './open-clubs';

/**
 * Keeps erased members erased on this tablet (Law 91/2025/QH15, issue 12 §2): in the club doc and in each
 * of the club's other documents while it is open here (health, money, care). The erased ids live in the
 * club doc, so the open club session registers its doc here and a sibling doc follows it.
 */

/** Only a tablet that may edit writes the blanks: a viewer's writes never reach the relay. */
function whenEditable(eraser: Eraser, canEdit: () => boolean): Eraser {
  return (doc, members, origin) => (canEdit() ? eraser(doc, members, origin) : { ok: true, value: 0 });
}

/**
 * Started by the club session once its first screen is painted (its doc registered in open-clubs.ts
 * already): blanks what the club doc holds of erased members, then again after every write that lands.
 * Returns the stop, called at the session's close.
 */
export function guardClubDoc(doc: Y.Doc, author: Author, canEdit: () => boolean): () => void {
  return model.keepErased(
    doc,
    doc,
    whenEditable(model.eraseMembersInClub, canEdit),
    model.erasureOrigin(author),
  );
}

/**
 * Called by a sibling session once its doc is loaded (its `prepare`): erases now what it holds of members
 * erased while it was closed, then again after every write that lands, until the doc is destroyed (its
 * session's close). Without an open club session there is nothing to follow: the next open catches up.
 */
export function guardSiblingDoc(clubId: string, doc: Y.Doc, eraser: Eraser, author: Author): void {
  const club = openClub(clubId);
  if (club === undefined) return;
  const stop = model.keepErased(
    club.doc,
    doc,
    whenEditable(eraser, club.canEdit),
    model.erasureOrigin(author),
  );
  doc.once('destroy', stop);
  club.doc.once('destroy', stop);
}
