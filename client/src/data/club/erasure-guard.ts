import type { Author, Eraser } from '@chungtay/model';
import * as model from '@chungtay/model';
import type * as Y from 'yjs';

/**
 * Keeps erased members erased on this tablet (Law 91/2025/QH15, issue 12 §2): in the club doc and in each
 * of the club's other documents while it is open here (health, money, care). The erased ids live in the
 * club doc, so the open club session registers its doc here and a sibling doc follows it.
 */

interface Guarded {
  readonly doc: Y.Doc;
  readonly canEdit: () => boolean;
}

const openClubs = new Map<string, Guarded>();

/** Only a tablet that may edit writes the blanks: a viewer's writes never reach the relay. */
function whenEditable(eraser: Eraser, canEdit: () => boolean): Eraser {
  return (doc, members, origin) => (canEdit() ? eraser(doc, members, origin) : { ok: true, value: 0 });
}

/** Called by the club session once its doc is loaded; the returned function is called at its close. */
export function guardClubDoc(clubId: string, doc: Y.Doc, author: Author, canEdit: () => boolean): () => void {
  const guarded: Guarded = { doc, canEdit };
  openClubs.set(clubId, guarded);
  const stop = model.keepErased(
    doc,
    doc,
    whenEditable(model.eraseMembersInClub, canEdit),
    model.erasureOrigin(author),
  );
  return () => {
    stop();
    if (openClubs.get(clubId) === guarded) openClubs.delete(clubId);
  };
}

/**
 * Called by a sibling session once its doc is loaded (its `prepare`): erases now what it holds of members
 * erased while it was closed, then again after every write that lands, until the doc is destroyed (its
 * session's close). Without an open club session there is nothing to follow: the next open catches up.
 */
export function guardSiblingDoc(clubId: string, doc: Y.Doc, eraser: Eraser, author: Author): void {
  const club = openClubs.get(clubId);
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
