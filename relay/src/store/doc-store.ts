import type { TabletRegistry } from './club-registry';

/**
 * Where the relay keeps documents: an append-only log of Yjs updates per document, compacted now and then into
 * one snapshot. The relay core knows only this interface (and ClubRegistry); every implementation passes
 * runDocStoreTests in doc-store-conformance.ts.
 */
export interface StoredDoc {
  /** Updates in append order; applying them all (in any order, Yjs merges) rebuilds the document. */
  readonly updates: readonly Uint8Array[];
  /** Sequence number of the last stored row, 0 for a document never written. */
  readonly lastSeq: number;
}

/** An append to a retired document (DocStore.retireDocs): refused, never stored. */
export class RetiredDocumentError extends Error {
  constructor(readonly documentName: string) {
    super(`${documentName} was retired: a newer generation replaced it`);
    this.name = 'RetiredDocumentError';
  }
}

/** The end of the bytewise range of names starting with `prefix` (exclusive), for range queries. */
export function prefixEnd(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return `${prefix.slice(0, -1)}${String.fromCharCode(last + 1)}`;
}

export interface DocStore {
  load(name: string): Promise<StoredDoc>;
  /**
   * Appends one update. When the promise resolves, the update is durable (survives a process kill);
   * appends to one document resolve in call order, so the caller may forward updates as they resolve.
   * Resolves with the row's sequence number, increasing per document.
   */
  append(name: string, update: Uint8Array): Promise<number>;
  /**
   * Atomically replaces every row with seq <= throughSeq by `snapshot`, which must contain at least those rows.
   * Rows appended after throughSeq are kept, so compaction can run while writes continue.
   */
  compact(name: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  /**
   * Removes every document of a club, `<clubId>` and `<clubId>/…`, with all their rows (a club deleted with
   * its editor key). Resolves with how many documents it removed; another club's documents are untouched,
   * even one whose id starts with this one's.
   */
  deleteClubDocs(clubId: string): Promise<number>;
  /**
   * The documents holding rows whose name starts with `prefix` (bytewise), in name order: how the relay finds
   * a minutes document's earlier generations (generations.ts).
   */
  listDocs(prefix: string): Promise<string[]>;
  /**
   * Retires documents for good (an old generation of a rewritten document, issue 12 §2): deletes every row
   * of each, so the store no longer holds their bytes, and refuses every later append to them (the promise
   * rejects, as a failed write does: the room closes its connections), so a tablet that still holds an old
   * generation cannot write it back. A compaction of a retired document writes nothing and loading one
   * finds it empty. Resolves with how many of them held rows.
   */
  retireDocs(names: readonly string[]): Promise<number>;
  /** Finishes pending appends, then releases resources. */
  close(): Promise<void>;
}

/** Hashes (hex SHA-256) of a club's keys; the keys themselves never reach the relay's disk or logs. */
export interface ClubAccessRecord {
  readonly clubId: string;
  readonly editorKeyHash: string;
  readonly viewerKeyHash: string;
  /** Hashes of keys replaced by a rotation, so the relay can say "revoked" (4410) instead of "unknown" (4401). */
  readonly retiredKeyHashes: readonly string[];
}

export type ClubKeyHashes = Pick<ClubAccessRecord, 'editorKeyHash' | 'viewerKeyHash'>;

export interface ClubRegistry extends TabletRegistry {
  get(clubId: string): Promise<ClubAccessRecord | undefined>;
  /** Creates the club; false (and no change) when it already exists. */
  create(clubId: string, hashes: ClubKeyHashes): Promise<boolean>;
  /**
   * Compare-and-set: replaces both hashes only if the current editor hash is still `expectedEditorKeyHash`,
   * retiring the old pair. False when the club is missing or the editor key changed meanwhile.
   */
  rotate(clubId: string, expectedEditorKeyHash: string, next: ClubKeyHashes): Promise<boolean>;
  /** Removes the club's record, its retired key hashes and its tablets; false when there was none. */
  delete(clubId: string): Promise<boolean>;
}

/** A store and registry opened together (they may share one database) and closed together. */
export interface Storage {
  readonly docs: DocStore;
  readonly clubs: ClubRegistry;
  close(): Promise<void>;
}
