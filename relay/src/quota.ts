import { MessageType, parseDocumentName, SyncMessageType } from '@chungtay/protocol';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { DecodedUpdate } from './room/encoded-doc';
import type { DocStore } from './store/doc-store';

/** What one club stores: how many documents, and their bytes as stored (updates and snapshots). */
export interface ClubUsage {
  readonly documents: number;
  readonly bytes: number;
}

/** A store that can say what a club uses; SQLite can (sqlite-doc-store.ts). Quotas need one. */
export interface UsageSource {
  clubUsage(clubId: string): Promise<ClubUsage>;
  /** Whether anything of this document is stored. */
  hasDocument(name: string): Promise<boolean>;
}

export interface QuotaLimits {
  readonly clubMaxDocuments: number;
  readonly clubMaxBytes: number;
}

export type QuotaRefusal = 'documentQuotaExceeded' | 'storageQuotaExceeded';

interface Usage {
  documents: number;
  bytes: number;
  /**
   * Documents admitted while nothing of them was stored: the first append of one adds a document to the
   * count. Kept with the figures, so it is dropped with them when the store is asked again (a document opened
   * and never written does not stay here for the life of the relay).
   */
  readonly unstored: Set<string>;
}

function clubOf(name: string): string | undefined {
  const parsed = parseDocumentName(name);
  return parsed.ok ? parsed.value.clubId : undefined;
}

/**
 * Per-club quotas: the number of documents a club may store and their bytes. The store is asked once per club
 * (and again after a compaction, which shrinks the figure by an amount only the store knows); appends made
 * through `track`'s store are added as they resolve.
 *
 * Why per club and not per connection: what costs the operator is disk, and a club's tablets share it.
 * Reads are never refused: a club over its quota still syncs what it has to a new tablet; only what would add
 * to it is refused (relay/README.md, *Safe by default*). Two new documents admitted at the same moment may
 * both pass the last free place: the quota is a guard against runaway use, not an exact count.
 */
export class ClubQuotas {
  /** Figures read from the store and kept current since, per club. */
  private readonly known = new Map<string, Usage>();
  private readonly reading = new Map<string, Promise<Usage>>();

  constructor(
    private readonly source: UsageSource,
    private readonly limits: QuotaLimits,
  ) {}

  /**
   * Decides at connect time, and reads the club's figures so that `isFull` can answer on every write: a
   * document not stored yet is refused when its club already holds the most it may.
   */
  async admit(name: string): Promise<QuotaRefusal | undefined> {
    const clubId = clubOf(name);
    if (clubId === undefined) return undefined;
    const usage = await this.usageOf(clubId);
    if (usage.unstored.has(name) || (await this.source.hasDocument(name))) return undefined;
    if (usage.documents >= this.limits.clubMaxDocuments) return 'documentQuotaExceeded';
    usage.unstored.add(name);
    return undefined;
  }

  /** Whether an admitted club has reached its byte quota: nothing new of it may be stored. */
  isFull(clubId: string): boolean {
    const usage = this.known.get(clubId);
    return usage !== undefined && usage.bytes >= this.limits.clubMaxBytes;
  }

  /** Wraps a store so that every append and compaction keeps the figures current. */
  track(store: DocStore): DocStore {
    return {
      load: (name) => store.load(name),
      close: () => store.close(),
      append: async (name, update) => {
        const seq = await store.append(name, update);
        this.appended(name, update.length);
        return seq;
      },
      compact: async (name, snapshot, throughSeq) => {
        await store.compact(name, snapshot, throughSeq);
        const clubId = clubOf(name);
        if (clubId !== undefined) void this.reread(clubId);
      },
      deleteClubDocs: async (clubId) => {
        const removed = await store.deleteClubDocs(clubId);
        this.known.delete(clubId);
        return removed;
      },
      listDocs: (prefix) => store.listDocs(prefix),
      retireDocs: async (names) => {
        const held = await store.retireDocs(names);
        for (const clubId of new Set(names.map(clubOf))) if (clubId !== undefined) void this.reread(clubId);
        return held;
      },
    };
  }

  /**
   * Another relay process stored an update of `name` (it came over the room bus, see room/bus.ts): counted
   * as this process's own appends are, so every process holding the document sees the club's figure grow.
   */
  storedElsewhere(name: string, bytes: number): void {
    this.appended(name, bytes);
  }

  private usageOf(clubId: string): Promise<Usage> {
    const known = this.known.get(clubId);
    if (known !== undefined) return Promise.resolve(known);
    return this.reading.get(clubId) ?? this.reread(clubId);
  }

  private reread(clubId: string): Promise<Usage> {
    const reading = this.source.clubUsage(clubId).then(
      (read) => {
        this.reading.delete(clubId);
        const usage: Usage = { documents: read.documents, bytes: read.bytes, unstored: new Set() };
        this.known.set(clubId, usage);
        return usage;
      },
      (error: unknown) => {
        // Not cached: the next admission asks again.
        this.reading.delete(clubId);
        throw error;
      },
    );
    reading.catch(() => undefined);
    this.reading.set(clubId, reading);
    return reading;
  }

  private appended(name: string, bytes: number): void {
    const usage = this.known.get(clubOf(name) ?? '');
    if (usage === undefined) return;
    usage.bytes += bytes;
    if (usage.unstored.delete(name)) usage.documents += 1;
  }
}

/**
 * Whether a frame would add to the store: a sync step 2 or update carrying something the room lacks. Only
 * asked of a club at its quota, so the decoding costs nothing in the usual case; a frame that does not decode
 * is left to the message handler, which closes the connection for it.
 */
export function addsToStore(data: Uint8Array, holds: (decoded: DecodedUpdate) => boolean): boolean {
  try {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== MessageType.sync) return false;
    const syncType = decoding.readVarUint(decoder);
    if (syncType !== SyncMessageType.step2 && syncType !== SyncMessageType.update) return false;
    return !holds(Y.decodeUpdate(decoding.readVarUint8Array(decoder)));
  } catch {
    return false;
  }
}
