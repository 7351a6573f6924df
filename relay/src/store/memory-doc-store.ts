import type { DocStore, Storage, StoredDoc } from './doc-store';
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
  private seq = 0;

  async load(name: string): Promise<StoredDoc> {
    const rows = this.docs.get(name) ?? [];
    return { updates: rows.map((row) => row.data), lastSeq: rows.at(-1)?.seq ?? 0 };
  }

  async append(name: string, update: Uint8Array): Promise<number> {
    const rows = this.docs.get(name) ?? [];
    this.seq += 1;
    // Copy: the caller's buffer may be a view into a reused network buffer.
    rows.push({ seq: this.seq, data: update.slice() });
    this.docs.set(name, rows);
    return this.seq;
  }

  async compact(name: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    const rows = this.docs.get(name) ?? [];
    const kept = rows.filter((row) => row.seq > throughSeq);
    this.docs.set(name, [{ seq: throughSeq, data: snapshot.slice() }, ...kept]);
  }

  async deleteClubDocs(clubId: string): Promise<number> {
    const names = [...this.docs.keys()].filter((name) => isClubDoc(name, clubId));
    for (const name of names) this.docs.delete(name);
    return names.length;
  }

  async close(): Promise<void> {}
}

export function openMemoryStorage(): Storage {
  const docs = new MemoryDocStore();
  return { docs, clubs: new MemoryClubRegistry(), close: () => docs.close() };
}
