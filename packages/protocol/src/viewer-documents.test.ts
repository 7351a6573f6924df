import { describe, expect, it } from 'vitest';
import { isViewerDocument, viewerDocumentName } from './viewer-documents';

const club = 'club-dong-0001';

describe('isViewerDocument', () => {
  it('opens the summary to viewers and nothing else of the club', () => {
    expect(viewerDocumentName(club)).toBe(`${club}/summary`);
    expect(isViewerDocument(`${club}/summary`)).toBe(true);
    for (const name of [club, `${club}/health`, `${club}/money`, `${club}/care`, `${club}/meeting/m-0001`])
      expect(isViewerDocument(name)).toBe(false);
  });

  it('does not open a name that only looks like the summary', () => {
    expect(isViewerDocument(`${club}/summary/2026`)).toBe(false);
    expect(isViewerDocument(`${club}/meeting/summary`)).toBe(false);
    expect(isViewerDocument(`${club}/summaryx`)).toBe(false);
    expect(isViewerDocument('nope/summary')).toBe(false);
  });
});
