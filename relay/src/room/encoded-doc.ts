import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

type DeleteSet = ReturnType<typeof Y.createDeleteSet>;
/** One client's deleted clocks: [clock, clock + len). */
interface Range {
  readonly clock: number;
  readonly len: number;
}
type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

/** An update as Y.decodeUpdate returns it; decoding it is also how the relay validates what clients send. */
export interface DecodedUpdate {
  readonly structs: readonly Struct[];
  readonly ds: DeleteSet;
}

const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());
/** Tail updates are folded into the base once they outweigh it (and this floor), so merges stay amortised. */
const FOLD_FLOOR_BYTES = 64 * 1024;

/** The clients whose structs an update carries. */
export function clientsOf(decoded: DecodedUpdate): Set<number> {
  const clients = new Set<number>();
  for (const struct of decoded.structs) clients.add(struct.id.client);
  return clients;
}

export function encodeStateVector(clocks: ReadonlyMap<number, number>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, clocks.size);
  for (const [client, clock] of clocks) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}

function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

/** True when the sorted, merged ranges of `known` cover [clock, clock + len). */
function covers(known: readonly Range[] | undefined, clock: number, len: number) {
  if (known === undefined) return false;
  let low = 0;
  let high = known.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const range = known[middle];
    if (range === undefined) return false;
    if (range.clock + range.len <= clock) low = middle + 1;
    else if (range.clock > clock) high = middle - 1;
    else return range.clock + range.len >= clock + len;
  }
  return false;
}

/** Sorts `ranges` by clock and joins those that touch or overlap, in place. */
function sortAndJoin(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a.clock - b.clock);
  let kept = 0;
  for (const range of ranges) {
    const last = ranges[kept - 1];
    if (last !== undefined && last.clock + last.len >= range.clock) {
      const end = Math.max(last.clock + last.len, range.clock + range.len);
      ranges[kept - 1] = { clock: last.clock, len: end - last.clock };
    } else ranges[kept++] = range;
  }
  ranges.length = kept;
  return ranges;
}

/**
 * Adds one update's deletions of a client to what is held of it (sorted, joined). Usually they continue the
 * last range (a map key overwritten again), which is joined at the end without sorting anything.
 */
function joinRanges(known: Range[], added: readonly Range[]): void {
  for (const range of added) {
    const last = known[known.length - 1];
    if (last === undefined || range.clock > last.clock + last.len) known.push(range);
    else if (range.clock >= last.clock) {
      const end = Math.max(last.clock + last.len, range.clock + range.len);
      known[known.length - 1] = { clock: last.clock, len: end - last.clock };
    } else {
      // Older clocks (an update that arrived late): sort this client's ranges once for the rest.
      known.push(...added.slice(added.indexOf(range)));
      sortAndJoin(known);
      return;
    }
  }
}

/**
 * One document as the relay holds it: encoded Yjs updates, never a Y.Doc.
 *
 * Why: the relay only stores, merges and forwards; it never reads a document's content. Integrating every
 * update into a Y.Doc cost CPU per update (integration, then re-encoding what changed) and memory per room
 * (a Y.Doc, its struct store and an Awareness with its own timer) that the relay never needs. Yjs can merge
 * and diff encoded updates directly (mergeUpdates, diffUpdate), so a room keeps:
 * - `base`: everything stored up to the last fold, merged into one update;
 * - `tail`: updates accepted since, each as received (folded into the base when they outweigh it);
 * - the state vector and delete set of all of it, kept current per update, so duplicates (a reconnecting
 *   tablet re-sends its whole delete set in every sync step 2) are recognised without touching the base.
 *
 * Garbage collection of deleted content happens only in compaction, on a worker thread, from `merged()`
 * (snapshot-worker.ts), and only for documents that do not keep history; `adoptSnapshot` takes the result.
 */
export class EncodedDoc {
  private base: Uint8Array;
  private tail: Uint8Array[] = [];
  private tailBytes = 0;
  private clocks = new Map<number, number>();
  /**
   * Deleted clocks per client, sorted and joined. Kept in place and touched only for the clients an update
   * deletes from: Y.mergeDeleteSets copied and re-sorted every client's ranges on every update, and a club
   * document collects a client id per app start over the years.
   */
  private readonly deleted = new Map<number, Range[]>();
  /** Per client, ranges held beyond a gap (an update that arrived before one it depends on). */
  private readonly ahead = new Map<number, Array<{ start: number; end: number }>>();
  private changes = 0;

  constructor(stored: readonly Uint8Array[]) {
    this.base = stored.length === 0 ? EMPTY_UPDATE : Y.mergeUpdates([...stored]);
    const decoded = Y.decodeUpdate(this.base);
    this.advance(decoded.structs);
    for (const [client, ranges] of decoded.ds.clients) this.deleted.set(client, sortAndJoin([...ranges]));
  }

  /** True when the update holds a struct or a deletion this document lacks. */
  isNovel(update: DecodedUpdate): boolean {
    for (const struct of update.structs) {
      if (struct instanceof Y.Skip) continue;
      if (struct.id.clock + struct.length > (this.clocks.get(struct.id.client) ?? 0)) return true;
    }
    for (const [client, ranges] of update.ds.clients) {
      const known = this.deleted.get(client);
      for (const range of ranges) if (!covers(known, range.clock, range.len)) return true;
    }
    return false;
  }

  /** Takes in an update that has been stored. */
  add(update: Uint8Array, decoded: DecodedUpdate): void {
    this.changes += 1;
    this.tail.push(update);
    this.tailBytes += update.length;
    this.advance(decoded.structs);
    for (const [client, ranges] of decoded.ds.clients) {
      const known = this.deleted.get(client);
      if (known === undefined) this.deleted.set(client, sortAndJoin([...ranges]));
      else joinRanges(known, ranges);
    }
    if (this.tailBytes > Math.max(FOLD_FLOOR_BYTES, this.base.length)) this.fold();
  }

  /** The state vector: for each client, the clock up to which every struct is held without a gap. */
  stateVector(): Uint8Array {
    return encodeStateVector(this.clocks);
  }

  /** The state vector entries of these clients: what a MESSAGE_STORED about their updates reports. */
  clocksOf(clients: ReadonlySet<number>): Uint8Array {
    const clocks = new Map<number, number>();
    for (const client of clients) clocks.set(client, this.clocks.get(client) ?? 0);
    return encodeStateVector(clocks);
  }

  /** Everything a peer with `stateVector` lacks, as one update. */
  diff(stateVector: Uint8Array): Uint8Array {
    const fresh = isEmptyStateVector(stateVector);
    const fromBase = fresh ? this.base : Y.diffUpdate(this.base, stateVector);
    if (this.tail.length === 0) return fromBase;
    const tail = this.mergedTail();
    return Y.mergeUpdates([fromBase, fresh ? tail : Y.diffUpdate(tail, stateVector)]);
  }

  /** The whole document as one update, deleted content included: what compaction starts from. */
  merged(): Uint8Array {
    this.fold();
    return this.base;
  }

  /**
   * Compaction collected `from` (a `merged()` result) into `snapshot`: hold that instead, smaller, unless
   * the tail was folded into the base meanwhile (then `from` no longer is the whole base).
   */
  adoptSnapshot(from: Uint8Array, snapshot: Uint8Array): void {
    if (this.base === from) this.base = snapshot;
  }

  /** Counts added updates: equal values mean equal content, so answers derived from it can be reused. */
  get version(): number {
    return this.changes;
  }

  private mergedTail(): Uint8Array {
    if (this.tail.length > 1) this.tail = [Y.mergeUpdates(this.tail)];
    return this.tail[0] ?? EMPTY_UPDATE;
  }

  /** Folds the tail into the base (content unchanged); public for compaction and tests. */
  fold(): void {
    if (this.tail.length === 0) return;
    this.base = Y.mergeUpdates([this.base, ...this.tail]);
    this.tail = [];
    this.tailBytes = 0;
  }

  private advance(structs: readonly Struct[]): void {
    for (const struct of structs) {
      if (struct instanceof Y.Skip) continue;
      const { client, clock } = struct.id;
      const end = clock + struct.length;
      const held = this.clocks.get(client) ?? 0;
      if (clock > held) {
        const ranges = this.ahead.get(client) ?? [];
        ranges.push({ start: clock, end });
        this.ahead.set(client, ranges);
      } else if (end > held) {
        this.clocks.set(client, end);
        this.closeGaps(client);
      }
    }
  }

  /** A client's clock moved: ranges held beyond the old gap may now continue it. */
  private closeGaps(client: number): void {
    const ranges = this.ahead.get(client);
    if (ranges === undefined) return;
    let held = this.clocks.get(client) ?? 0;
    for (let moved = true; moved; ) {
      moved = false;
      for (const range of ranges) {
        if (range.start <= held && range.end > held) {
          held = range.end;
          moved = true;
        }
      }
    }
    this.clocks.set(client, held);
    const left = ranges.filter((range) => range.end > held);
    if (left.length === 0) this.ahead.delete(client);
    else this.ahead.set(client, left);
  }
}
