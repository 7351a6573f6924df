import * as v from 'valibot';
import type * as Y from 'yjs';
import { compareText, type IsoDate, isId, isIsoDate, type MemberId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { type CommandError, FieldErrors } from '../schema/command';
import { checkRequiredText, MAX_NOTES } from '../schema/field-checks';
import { runHealthCommand } from './health-layout';

/**
 * Health notes from home-care visits ("bà ho nhiều, đã nhắc đi khám"). They describe a member's health,
 * so they live in the private health document, not in the care document with the visit: a map
 * `visitNotes`, `<visitId>` → `{ memberId, date, note, by }`, keyed by the visit (made on one tablet),
 * so notes from two tablets never collide. An additive map: older builds ignore it, no migration.
 */

export interface VisitHealthNote {
  readonly visitId: string;
  readonly memberId: MemberId;
  readonly date: IsoDate;
  readonly note: string;
  /** Author id of who wrote it. */
  readonly by: string;
}

export const visitNotesMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('visitNotes');

const NoteRecord = v.object({
  memberId: v.pipe(
    v.string(),
    v.check((s: string) => isId(s)),
  ),
  date: v.pipe(
    v.string(),
    v.check((s: string) => isIsoDate(s)),
  ),
  note: v.string(),
  by: v.fallback(v.string(), ''),
});

export function recordVisitHealthNote(
  doc: Y.Doc,
  input: { visitId: string; memberId: MemberId; date: IsoDate; note: string },
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runHealthCommand(doc, origin, () => {
    const errors = new FieldErrors();
    if (!isId(input.visitId)) errors.add('visitId', 'required');
    if (!isId(input.memberId)) errors.add('memberId', 'required');
    if (!isIsoDate(input.date)) errors.add('date', 'dateFormat');
    errors.add('healthNote', checkRequiredText(input.note, MAX_NOTES));
    const error = errors.done();
    if (error !== null) return { ok: false, error };
    const { memberId, date } = input;
    visitNotesMap(doc).set(input.visitId, { memberId, date, note: input.note.trim(), by: origin.author.id });
    return ok(undefined);
  });
}

/** The notes, newest first; one member's when `memberId` is given. */
export function listVisitHealthNotes(doc: Y.Doc, memberId?: MemberId): readonly VisitHealthNote[] {
  const notes: VisitHealthNote[] = [];
  for (const [visitId, value] of visitNotesMap(doc).entries()) {
    const parsed = v.safeParse(NoteRecord, value);
    if (!parsed.success || (memberId !== undefined && parsed.output.memberId !== memberId)) continue;
    notes.push({ visitId, ...parsed.output, memberId: parsed.output.memberId as MemberId });
  }
  return notes.sort((a, b) => compareText(b.date, a.date) || compareText(a.visitId, b.visitId));
}

/** Erasure on request: every visit note about one member. Returns how many were removed. */
export function deleteMemberVisitNotes(doc: Y.Doc, memberId: MemberId): number {
  const map = visitNotesMap(doc);
  const keys = listVisitHealthNotes(doc, memberId).map((n) => n.visitId);
  for (const key of keys) map.delete(key);
  return keys.length;
}
