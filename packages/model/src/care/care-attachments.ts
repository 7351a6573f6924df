import * as Y from 'yjs';
import {
  ATTACHMENT_PREFIX,
  type Attachment,
  type AttachmentInput,
  attachTo,
  listAttachments,
  MAX_CAPTION,
} from '../attachments/attachments';
import { err, isId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { type CommandError, FieldErrors, notFound } from '../schema/command';
import { checkOptionalText } from '../schema/field-checks';
import type { VisitId } from './care-ids';
import { pairingsMap, parsePairingKey, runCareCommand, visitsMap } from './care-layout';

/**
 * Photos of a home-care visit. A visit record is a plain value written once (visits are append-only), so
 * its photos cannot be keys on it: they go in a root map of the care doc per visit,
 * `visit-attachments/<visitId>`, holding the same `attachment/<hash>` keys as a meeting. A root map, not a
 * map nested under one shared key, because two tablets adding the first photo of a visit at once would
 * each create the nested map and one would replace the other; root types of one name merge.
 * The care doc is committee only, so every photo here is scoped 'health' whatever the screen passed.
 */
export const VISIT_ATTACHMENTS_PREFIX = 'visit-attachments/';

function visitAttachmentsMap(doc: Y.Doc, visitId: VisitId): Y.Map<unknown> {
  return doc.getMap(VISIT_ATTACHMENTS_PREFIX + visitId);
}

const HASH = /^[0-9a-f]{64}$/;

// The meeting command's checks are private to attachments.ts; these repeat the ones a visit's screen can
// get wrong (the picker sets kind and type), so a bad hash never becomes a key.
function checkVisitAttachment(input: AttachmentInput) {
  const errors = new FieldErrors();
  if (!HASH.test(input.hash)) errors.add('hash', 'required');
  for (const key of ['size', 'width', 'height'] as const)
    if (!Number.isInteger(input[key]) || input[key] <= 0) errors.add(key, 'numberRange');
  errors.add('caption', checkOptionalText(input.caption, MAX_CAPTION));
  return errors.done();
}

export function attachToVisit(
  doc: Y.Doc,
  visitId: VisitId,
  input: AttachmentInput,
  origin: LocalOrigin,
  at: string,
): Result<void, CommandError> {
  return runCareCommand(doc, origin, () => {
    if (!isId(visitId) || !visitsMap(doc).has(visitId)) return notFound(visitId);
    const error = checkVisitAttachment(input);
    if (error !== null) return err(error);
    attachTo(visitAttachmentsMap(doc, visitId), { ...input, scope: 'health' }, origin, at);
    return ok(undefined);
  });
}

/** Takes a photo off a visit; the bytes stay on the tablet and relay (another record may show them). */
export function detachFromVisit(
  doc: Y.Doc,
  visitId: VisitId,
  hash: string,
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runCareCommand(doc, origin, () => {
    if (!isId(visitId) || !visitsMap(doc).has(visitId)) return notFound(visitId);
    const map = visitAttachmentsMap(doc, visitId);
    if (!map.has(ATTACHMENT_PREFIX + hash)) return notFound(hash);
    map.delete(ATTACHMENT_PREFIX + hash);
    return ok(undefined);
  });
}

/** A visit's photos, oldest first, listed alike on every tablet. */
export function listVisitAttachments(doc: Y.Doc, visitId: VisitId): Attachment[] {
  // Reading does not create the root map: an absent one means no photos yet.
  if (!doc.share.has(VISIT_ATTACHMENTS_PREFIX + visitId)) return [];
  return listAttachments(doc.getMap(VISIT_ATTACHMENTS_PREFIX + visitId));
}

/** Changes a visit photo's caption (written by the tablet that edits it; the last caption stays). */
export function setVisitAttachmentCaption(
  doc: Y.Doc,
  visitId: VisitId,
  hash: string,
  caption: string,
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runCareCommand(doc, origin, () => {
    const errors = new FieldErrors();
    errors.add('caption', checkOptionalText(caption, MAX_CAPTION));
    const error = errors.done();
    if (error !== null) return err(error);
    const entry = doc.share.has(VISIT_ATTACHMENTS_PREFIX + visitId)
      ? visitAttachmentsMap(doc, visitId).get(ATTACHMENT_PREFIX + hash)
      : undefined;
    if (!(entry instanceof Y.Map)) return notFound(hash);
    if (entry.get('caption') !== caption.trim()) entry.set('caption', caption.trim());
    return ok(undefined);
  });
}

/**
 * The visits that concern the given members: those of pairings where they are the one visited or the
 * volunteer, and those they made standing in. What erasure blanks (erasure/erase-records.ts).
 */
export function listMembersVisits(doc: Y.Doc, members: ReadonlySet<string>): VisitId[] {
  const pairings = new Set<string>();
  for (const [key, value] of pairingsMap(doc).entries()) {
    const parsed = parsePairingKey(key);
    const isPerson = parsed?.field === 'memberId' || parsed?.field === 'volunteerId';
    if (parsed !== null && isPerson && members.has(value as string)) pairings.add(parsed.pairingId);
  }
  const out: VisitId[] = [];
  for (const [visitId, visit] of visitsMap(doc).entries()) {
    const record = typeof visit === 'object' && visit !== null ? (visit as Record<string, unknown>) : {};
    if (pairings.has(String(record.pairingId)) || members.has(String(record.visitorId)))
      out.push(visitId as VisitId);
  }
  return out;
}

/** The photos (by hash) on the given members' visits: the bytes a tablet and the relay drop at erasure. */
export function listMembersVisitPhotos(doc: Y.Doc, members: ReadonlySet<string>): string[] {
  const hashes = new Set<string>();
  for (const visitId of listMembersVisits(doc, members))
    for (const attachment of listVisitAttachments(doc, visitId)) hashes.add(attachment.hash);
  return [...hashes];
}

/** Takes every photo off a visit, inside the caller's transaction; returns how many. */
export function clearVisitAttachments(doc: Y.Doc, visitId: VisitId): number {
  if (!doc.share.has(VISIT_ATTACHMENTS_PREFIX + visitId)) return 0;
  const map = visitAttachmentsMap(doc, visitId);
  const keys = [...map.keys()].filter((key) => key.startsWith(ATTACHMENT_PREFIX));
  for (const key of keys) map.delete(key);
  return keys.length;
}
