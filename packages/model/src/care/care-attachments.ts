import type * as Y from 'yjs';
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
import { runCareCommand, visitsMap } from './care-layout';

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
  const map = doc.share.get(VISIT_ATTACHMENTS_PREFIX + visitId);
  return map === undefined ? [] : listAttachments(doc.getMap(VISIT_ATTACHMENTS_PREFIX + visitId));
}
