import { type DocStore, RetiredDocumentError, type Storage, type StoredDoc } from './doc-store';
import { MemoryClubRegistry } from './memory-club-registry';

/** A club's documents: the club doc itself and every `<clubId>/…` (protocol's document names). */
export function isClubDoc(name: string, clubId: string): boolean {
  return name === clubId || name.startsWith(`${clubId}/`);
}

interface Row {
  readonly seq: number;
  readonly data: Uint8Array;
}

/** For tests and throwaway relays: same contract as SqliteDocStore, nothing survives the process. */
export class MemoryDocStore implements DocStore {
  private readonly docs = new Map<string, Row[]>();
  private readonly retired = new Set<string>();
  private seq = 0;

  async load(name: string): Promise<StoredDoc> {
    const rows = this.docs.get(name) ?? [];
    return { updates: rows.map((row) => row.data), lastSeq: rows.at(-1)?.seq ?? 0 };
  }

  async append(name: string, update: Uint8Array): Promise<number> {
    if (this.retired.has(name)) throw new RetiredDocumentError(name);
    const rows = this.docs.get(name) ?? [];
    this.seq += 1;
    // Copy: the caller's buffer may be a view into a reused network buffer.
    rows.push({ seq: this.seq, data: update.slice() });
    this.docs.set(name, rows);
    return this.seq;
  }

  async compact(name: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    if (this.retired.has(name)) return;
    const rows = this.docs.get(name) ?? [];
    const kept = rows.filter((row) => row.seq > throughSeq);
    this.docs.set(name, [{ seq: throughSeq, data: snapshot.slice() }, ...kept]);
  }

  async deleteClubDocs(clubId: string): Promise<number> {
    const names = [...this.docs.keys()].filter((name) => isClubDoc(name, clubId));
    for (const name of names) this.docs.delete(name);
    for (const name of [...this.retired]) if (isClubDoc(name, clubId)) this.retired.delete(name);
    return names.length;
  }

  async listDocs(prefix: string): Promise<string[]> {
    return [...this.docs.keys()].filter((name) => name.startsWith(prefix)).sort(compareBytes);
  }

  async retireDocs(names: readonly string[]): Promise<number> {
    let held = 0;
    for (const name of names) {
      if (this.docs.delete(name)) held += 1;
      this.retired.add(name);
    }
    return held;
  }

  async close(): Promise<void> {}
}

/** Name order as SQLite and PostgreSQL (COLLATE "C") sort: by UTF-16 code unit, which for ASCII names is bytewise. */
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function openMemoryStorage(): Storage {
  const docs = new MemoryDocStore();
  return { docs, clubs: new MemoryClubRegistry(), close: () => docs.close() };
}
