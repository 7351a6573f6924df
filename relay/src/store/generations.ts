import type { DocStore } from './doc-store';

/**
 * Old generations of a rewritten document leave the relay (issue 12 §2). A minutes document whose history
 * had to lose an erased name is rewritten by a tablet as a new generation named
 * `<clubId>/meeting/<meetingId>_<n>_<id>` (packages/model, generation/minutes-generation.ts): `n` the
 * generation's number, `id` 22 random id characters. The first time this process stores a row of
 * generation n, every earlier generation of that meeting is retired (DocStore.retireDocs): generation 0
 * (`<clubId>/meeting/<meetingId>`) and every `_<k>_<id>` with k < n. Two tablets that rewrote at once both
 * make a generation n; neither retires the other (the club doc picks one, and the next rewrite retires both).
 *
 * Why the relay notices instead of being asked: it needs no new request, key check or route; only an
 * editor's connection can append, and the new generation is complete before its first append is
 * acknowledged (the tablet sends it as one update), so a retirement never leaves a meeting without minutes.
 * The relay stays document-agnostic: it reads a name, never a document.
 */

/** The 22-character ids the model draws (ids.ts): the alphabet the relay accepts in names. */
const GENERATION = /^(.+)_(\d{1,6})_([A-Za-z0-9_-]{22})$/;

export interface GenerationName {
  /** Generation 0's name: `<clubId>/meeting/<meetingId>`. */
  readonly base: string;
  readonly number: number;
}

/** The generation a document name is, or null for a name that is not a later generation. */
export function parseGenerationName(name: string): GenerationName | null {
  const segments = name.split('/');
  if (segments.length !== 3 || segments[1] !== 'meeting') return null;
  const match = GENERATION.exec(segments[2] ?? '');
  if (match === null) return null;
  return { base: `${segments[0]}/meeting/${match[1]}`, number: Number(match[2]) };
}

/** A meeting's minutes as a generation, generation 0 (`<clubId>/meeting/<meetingId>`) included; null otherwise. */
function minutesGeneration(name: string): GenerationName | null {
  const later = parseGenerationName(name);
  if (later !== null) return later;
  const segments = name.split('/');
  return segments.length === 3 && segments[1] === 'meeting' ? { base: name, number: 0 } : null;
}

/**
 * Whether a later generation of these minutes is stored, which retires this one (or is about to: the
 * retirement follows the later generation's first append). Asked of the store, not of this process's memory,
 * so that it holds for generations another process retired, and after a restart. One listDocs per opening
 * of a meeting's minutes; other documents cost nothing.
 */
export async function isRetiredGeneration(store: DocStore, name: string): Promise<boolean> {
  const generation = minutesGeneration(name);
  if (generation === null) return false;
  const stored = await store.listDocs(`${generation.base}_`);
  return stored.some((other) => {
    const parsed = parseGenerationName(other);
    return parsed !== null && parsed.base === generation.base && parsed.number > generation.number;
  });
}

/** The names among `stored` that generation `name` replaces. */
export function olderGenerations(name: string, stored: readonly string[]): string[] {
  const generation = parseGenerationName(name);
  if (generation === null || generation.number < 1) return [];
  const older = stored.filter((other) => {
    const parsed = parseGenerationName(other);
    return parsed !== null && parsed.base === generation.base && parsed.number < generation.number;
  });
  return [generation.base, ...older];
}

/**
 * Wraps a store so that the first append of a later generation retires the earlier ones, after that append
 * is stored (never before: the meeting must not be left without a stored copy). Checked once per name and
 * process; after a restart the first append checks again, which retires nothing new. `onRetired` hears of
 * each retirement before that append resolves: the relay closes the retired documents' rooms and
 * connections there and in every other process (relay.ts), so none is served from memory.
 */
export function retiringGenerations(
  store: DocStore,
  onRetired?: (names: readonly string[]) => void,
): DocStore {
  const checked = new Set<string>();
  return {
    load: (name) => store.load(name),
    compact: (name, snapshot, throughSeq) => store.compact(name, snapshot, throughSeq),
    deleteClubDocs: (clubId) => store.deleteClubDocs(clubId),
    listDocs: (prefix) => store.listDocs(prefix),
    retireDocs: (names) => store.retireDocs(names),
    close: () => store.close(),
    async append(name, update) {
      const seq = await store.append(name, update);
      const generation = checked.has(name) ? null : parseGenerationName(name);
      checked.add(name);
      if (generation !== null) {
        const older = olderGenerations(name, await store.listDocs(`${generation.base}_`));
        await store.retireDocs(older);
        onRetired?.(older);
      }
      return seq;
    },
  };
}
