import { err, ok, type Result } from './result';

/** Same brand shape as packages/model's ClubId, so the two are interchangeable. */
export type ClubId = string & { readonly __brand: 'ClubId' };
export type DocumentName = string & { readonly __brand: 'DocumentName' };

const CLUB_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const DOCUMENT_PART_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** `<clubId>`, `<clubId>/<part>` or `<clubId>/<part>/<id>` (e.g. `club/meeting/<meetingId>`). */
const MAX_DOCUMENT_SEGMENTS = 3;

export interface ParsedDocumentName {
  readonly name: DocumentName;
  readonly clubId: ClubId;
  /** The segments after the club id; empty for the club's main document. */
  readonly parts: readonly string[];
}

export type DocumentNameError = {
  readonly type: 'invalidDocumentName';
  readonly reason: 'tooManySegments' | 'invalidClubId' | 'invalidPart';
};

export function isClubId(value: string): value is ClubId {
  return CLUB_ID_PATTERN.test(value);
}

export function parseDocumentName(name: string): Result<ParsedDocumentName, DocumentNameError> {
  const segments = name.split('/');
  if (segments.length > MAX_DOCUMENT_SEGMENTS)
    return err({ type: 'invalidDocumentName', reason: 'tooManySegments' });
  const [clubId, ...parts] = segments;
  if (clubId === undefined || !isClubId(clubId))
    return err({ type: 'invalidDocumentName', reason: 'invalidClubId' });
  if (!parts.every((part) => DOCUMENT_PART_PATTERN.test(part))) {
    return err({ type: 'invalidDocumentName', reason: 'invalidPart' });
  }
  return ok({ name: name as DocumentName, clubId, parts });
}

/** Builds a document name; throws on invalid segments because callers pass ids they generated themselves. */
export function documentName(clubId: string, ...parts: string[]): DocumentName {
  const parsed = parseDocumentName([clubId, ...parts].join('/'));
  if (!parsed.ok) throw new Error(`invalid document name segments (${parsed.error.reason})`);
  return parsed.value.name;
}

/**
 * Parts under `<clubId>/<part>` closed to viewer keys: the health records (sensitive personal data), the
 * money book (members' loans and dues; supervisors get totals through reports, not the book), the
 * home-care log (who is frail or alone, and who visits them) and the periodic reports' drafts (their
 * narrative may name members; only the approved figures and narrative reach `<clubId>/summary`).
 */
const PRIVATE_PARTS: readonly string[] = ['health', 'money', 'care', 'report'];

/**
 * The one place deciding which documents viewers cannot open: `<clubId>/health`, `<clubId>/money`,
 * `<clubId>/care`, `<clubId>/report` and everything under them.
 * An unparseable name counts as private, so a mistake errs on the closed side.
 */
export function isPrivateDocument(name: string): boolean {
  const parsed = parseDocumentName(name);
  if (!parsed.ok) return true;
  const first = parsed.value.parts[0];
  return first !== undefined && PRIVATE_PARTS.includes(first);
}

/**
 * Documents whose deleted content must be kept (Y.Doc `gc: false`) by every peer, the relay included:
 * a meeting's minutes, whose approved state and saved versions are Yjs snapshots.
 */
export function keepsHistory(name: string): boolean {
  const parsed = parseDocumentName(name);
  return parsed.ok && parsed.value.parts[0] === 'meeting';
}
