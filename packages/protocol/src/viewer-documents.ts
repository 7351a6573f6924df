import { parseDocumentName } from './document-name';

/**
 * The one document of a club a viewer (supervisor) key opens: `<clubId>/summary`, figures without
 * people (issue 15). Everything else, the club document with its roster included, is the committee's.
 */
export const VIEWER_DOCUMENT_PART = 'summary';

/** `<clubId>/summary` exactly; an unparseable name is not one, so a mistake errs on the closed side. */
export function isViewerDocument(name: string): boolean {
  const parsed = parseDocumentName(name);
  return parsed.ok && parsed.value.parts.length === 1 && parsed.value.parts[0] === VIEWER_DOCUMENT_PART;
}

/** The summary document's name for a club id the caller already checked. */
export function viewerDocumentName(clubId: string): string {
  return `${clubId}/${VIEWER_DOCUMENT_PART}`;
}
