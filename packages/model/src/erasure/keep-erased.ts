import type * as Y from 'yjs';
import type { IsoDate, MemberId, Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { erasePersonalData } from '../roster/member-commands';
import { membersMap } from '../schema/layout';
import { erasedMemberIds } from './erase-records';

/** Blanks what a document holds about the given members; idempotent, writes nothing when nothing is left. */
export type Eraser = (
  doc: Y.Doc,
  members: ReadonlySet<MemberId>,
  origin: LocalOrigin,
) => Result<number, unknown>;

/**
 * The club doc's own rule: a late write (a tablet that was offline when the member was erased, or an undo
 * of an older edit) may put a phone or a name back into an erased record, and Yjs may let it win; the
 * erasure runs again over it. The erasure date recorded first is kept.
 */
export const eraseMembersInClub: Eraser = (doc, members, origin) => {
  for (const id of members) {
    const erasedOn = membersMap(doc).get(id)?.get('erasedOn');
    const result = erasePersonalData(doc, id, origin, erasedOn as IsoDate);
    if (!result.ok) return result;
  }
  return { ok: true, value: members.size };
};

/**
 * Keeps erased members erased in `doc` (the club doc itself, or its health, money or care doc): the erasure
 * runs once now (a doc loaded from a tablet's store or the relay may predate it) and again after every
 * transaction that changed `doc` (a remote update, a write from a stale screen), and after the club doc
 * learns of a new erasure (made on another tablet). The erased ids are the club doc's `erasedOn` markers,
 * so every tablet that holds the club reaches the same blank state whatever order updates arrive in.
 * `origin` must be this rule's own (erasureOrigin): its writes are not undoable and do not retrigger it.
 * Returns the function that stops it.
 */
export function keepErased(clubDoc: Y.Doc, doc: Y.Doc, eraser: Eraser, origin: LocalOrigin): () => void {
  const run = () => {
    const members = erasedMemberIds(clubDoc);
    if (members.size > 0) eraser(doc, members, origin);
  };
  const onDoc = (tr: Y.Transaction) => {
    if (tr.origin !== origin && tr.changed.size > 0) run();
  };
  const members: unknown = membersMap(clubDoc);
  // changedParentTypes holds every type a transaction changed, with its ancestors: a field of a record too.
  const onClub = (tr: Y.Transaction) => {
    if (tr.origin !== origin && [...tr.changedParentTypes.keys()].some((type) => type === members)) run();
  };
  // In the club doc itself only a change under `members` can touch an erased record: a keystroke in a
  // meeting's place or a group's name does not rescan the erased records.
  const onOwn = clubDoc === doc ? onClub : onDoc;
  doc.on('afterTransaction', onOwn);
  if (clubDoc !== doc) clubDoc.on('afterTransaction', onClub);
  run();
  return () => {
    doc.off('afterTransaction', onOwn);
    clubDoc.off('afterTransaction', onClub);
  };
}
