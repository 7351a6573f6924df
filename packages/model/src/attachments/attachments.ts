import * as Y from 'yjs';
import { err, type MeetingId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { type CommandError, FieldErrors, notFound, runCommand } from '../schema/command';
import { checkOptionalText } from '../schema/field-checks';
import { getRecord, meetingsMap, type YRecord } from '../schema/layout';

/**
 * Photos and scans attached to a record (a meeting; a home-care visit next). The document holds only this
 * small description; the bytes live on each tablet in IndexedDB and on the relay, found by `hash` (hex
 * SHA-256 of the bytes), so a Yjs document never grows by a photo.
 *
 * Each attachment is its own key on the record, `attachment/<hash>`, not an entry of a nested map: two tablets
 * attaching the first photo to a meeting at once would each create that map and one would replace the other.
 * Two tablets attaching different photos keep both; the same photo twice is one attachment.
 */
export const ATTACHMENT_PREFIX = 'attachment/';

export const AttachmentKind = { photo: 'photo', scan: 'scan' } as const;
export type AttachmentKind = (typeof AttachmentKind)[keyof typeof AttachmentKind];

/** Who may see it: the committee, or what the private health document allows (a photo of a health check). */
export type AttachmentScope = 'club' | 'health';

export const MAX_CAPTION = 200;
const HASH = /^[0-9a-f]{64}$/;
const CONTENT_TYPES = ['image/jpeg', 'image/webp'] as const;

export interface AttachmentInput {
  readonly hash: string;
  readonly kind: AttachmentKind;
  readonly contentType: (typeof CONTENT_TYPES)[number];
  readonly size: number;
  readonly width: number;
  readonly height: number;
  readonly caption: string;
  readonly scope: AttachmentScope;
}

export interface Attachment extends AttachmentInput {
  readonly byId: string;
  readonly byName: string;
  /** ISO date-time on the tablet that attached it. */
  readonly at: string;
}

function checkAttachment(input: AttachmentInput): ReturnType<FieldErrors['done']> {
  const errors = new FieldErrors();
  if (!HASH.test(input.hash)) errors.add('hash', 'required');
  if (input.kind !== 'photo' && input.kind !== 'scan') errors.add('kind', 'required');
  if (!CONTENT_TYPES.includes(input.contentType)) errors.add('contentType', 'required');
  for (const key of ['size', 'width', 'height'] as const)
    if (!Number.isInteger(input[key]) || input[key] <= 0) errors.add(key, 'numberRange');
  errors.add('caption', checkOptionalText(input.caption, MAX_CAPTION));
  return errors.done();
}

/** Adds an attachment to any record holding them; the same hash again changes nothing. */
export function attachTo(record: YRecord, input: AttachmentInput, origin: LocalOrigin, at: string): void {
  const key = ATTACHMENT_PREFIX + input.hash;
  if (record.has(key)) return;
  const entry = new Y.Map<unknown>();
  for (const [field, value] of Object.entries({ ...input, caption: input.caption.trim() }))
    entry.set(field, value);
  entry.set('byId', origin.author.id);
  entry.set('byName', origin.author.name);
  entry.set('at', at);
  record.set(key, entry);
}

export function attachToMeeting(
  doc: Y.Doc,
  meetingId: MeetingId,
  input: AttachmentInput,
  origin: LocalOrigin,
  at: string,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    const error = checkAttachment(input);
    if (error !== null) return err(error);
    const record = getRecord(meetingsMap(doc), meetingId);
    if (record === undefined) return notFound(meetingId);
    attachTo(record, input, origin, at);
    return ok(undefined);
  });
}

/** Takes a photo off a meeting. The bytes stay where they are: another record may show the same photo. */
export function detachFromMeeting(
  doc: Y.Doc,
  meetingId: MeetingId,
  hash: string,
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    const record = getRecord(meetingsMap(doc), meetingId);
    if (record === undefined || !record.has(ATTACHMENT_PREFIX + hash)) return notFound(hash);
    record.delete(ATTACHMENT_PREFIX + hash);
    return ok(undefined);
  });
}

export function setMeetingAttachmentCaption(
  doc: Y.Doc,
  meetingId: MeetingId,
  hash: string,
  caption: string,
  origin: LocalOrigin,
): Result<void, CommandError> {
  return runCommand(doc, origin, () => {
    const errors = new FieldErrors();
    errors.add('caption', checkOptionalText(caption, MAX_CAPTION));
    const error = errors.done();
    if (error !== null) return err(error);
    const entry = getRecord(meetingsMap(doc), meetingId)?.get(ATTACHMENT_PREFIX + hash);
    if (!(entry instanceof Y.Map)) return notFound(hash);
    if (entry.get('caption') !== caption.trim()) entry.set('caption', caption.trim());
    return ok(undefined);
  });
}

function readAttachment(entry: Y.Map<unknown>): Attachment | undefined {
  const value = entry.toJSON() as Record<string, unknown>;
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : '');
  const count = (key: string) => (typeof value[key] === 'number' ? (value[key] as number) : 0);
  if (!HASH.test(text('hash'))) return undefined;
  return {
    hash: text('hash'),
    kind: value.kind === 'scan' ? 'scan' : 'photo',
    contentType: value.contentType === 'image/webp' ? 'image/webp' : 'image/jpeg',
    size: count('size'),
    width: count('width'),
    height: count('height'),
    caption: text('caption'),
    scope: value.scope === 'health' ? 'health' : 'club',
    byId: text('byId'),
    byName: text('byName'),
    at: text('at'),
  };
}

/** A record's attachments, oldest first (ties by hash, so every tablet lists them alike). */
export function listAttachments(record: YRecord): Attachment[] {
  const out: Attachment[] = [];
  for (const [key, entry] of record.entries())
    if (key.startsWith(ATTACHMENT_PREFIX) && entry instanceof Y.Map) {
      const read = readAttachment(entry);
      if (read !== undefined) out.push(read);
    }
  return out.sort((a, b) => a.at.localeCompare(b.at) || a.hash.localeCompare(b.hash));
}

export function listMeetingAttachments(doc: Y.Doc, meetingId: MeetingId): Attachment[] {
  const record = getRecord(meetingsMap(doc), meetingId);
  return record === undefined ? [] : listAttachments(record);
}
