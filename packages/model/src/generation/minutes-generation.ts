import * as v from 'valibot';
import * as Y from 'yjs';
import { type ClubId, isId, type MeetingId, newMeetingId } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';

/**
 * Generations of a minutes document (issue 12 §2). A minutes doc keeps its deleted content (gc off, for
 * approvals and versions), so a name once typed in it stays in its history on every tablet and on the relay.
 * Erasing it means rewriting the document as a new generation: its current state without the erased words
 * and without history, under a new name, which every tablet and the relay switch to; the old generation is
 * then deleted wherever it is stored.
 *
 * Where the generation lives: in the club doc, `minutesGenerations[meetingId]`, so every tablet learns of
 * it by syncing the club, before it opens the minutes. Generation 0 is the original document
 * `<clubId>/meeting/<meetingId>`; generation n is `<clubId>/meeting/<meetingId>_<n>_<id>`, `id` a random
 * 22-character id drawn by the tablet that rewrote it. The relay reads that name (relay/src/store/
 * generations.ts): the first write of generation n retires every lower one there.
 *
 * Two tablets rewriting at once each draw their own id and write their own record; Yjs keeps one of the
 * two records on every tablet (a map key, won by client id), so everyone converges on one generation. The
 * losing tablet's new document is orphaned: it finds itself an "old generation" tablet (its id is in no
 * record), and its own edits are kept aside like any other old-generation edits (old-generation.ts).
 */
export interface MinutesGeneration {
  readonly number: number;
  readonly id: string;
  /** Who rewrote it, and when. */
  readonly by: string;
  readonly at: string;
  /**
   * The state vector of the previous generation the rewrite was made from (ids and counters, no content):
   * a tablet whose old copy is covered by it has nothing the rewrite lacks and may delete that copy.
   */
  readonly fromState: Uint8Array;
  /**
   * The earlier generations ('0:' for generation 0, else '<number>:<id>'), so a tablet can delete every copy
   * it holds of them, whichever it last opened.
   */
  readonly retired: readonly string[];
}

const GenerationValue = v.object({
  number: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  id: v.pipe(
    v.string(),
    v.check((s: string) => isId(s)),
  ),
  by: v.string(),
  at: v.string(),
  fromState: v.instance(Uint8Array),
  retired: v.array(v.string()),
});

export const generationsMap = (clubDoc: Y.Doc): Y.Map<unknown> => clubDoc.getMap('minutesGenerations');

/** The meeting's current minutes generation; null for generation 0 (never rewritten) or a bad record. */
export function readMinutesGeneration(clubDoc: Y.Doc, meetingId: MeetingId): MinutesGeneration | null {
  const parsed = v.safeParse(GenerationValue, generationsMap(clubDoc).get(meetingId));
  return parsed.success ? parsed.output : null;
}

/** The document name (relay room) of a generation; null is generation 0. */
export function minutesGenerationDocName(
  clubId: ClubId,
  meetingId: MeetingId,
  generation: Pick<MinutesGeneration, 'number' | 'id'> | null,
): string {
  const base = `${clubId}/meeting/${meetingId}`;
  return generation === null ? base : `${base}_${generation.number}_${generation.id}`;
}

/** The number the next rewrite of this meeting's minutes takes (its name carries it). */
export function nextGenerationNumber(clubDoc: Y.Doc, meetingId: MeetingId): number {
  return (readMinutesGeneration(clubDoc, meetingId)?.number ?? 0) + 1;
}

export function newGenerationId(): string {
  return newMeetingId();
}

export interface RecordGenerationInput {
  /** nextGenerationNumber when the rewrite began: the number its document name carries. */
  readonly number: number;
  readonly id: string;
  readonly by: string;
  readonly at: string;
  readonly fromState: Uint8Array;
}

/**
 * Makes a rewritten document the meeting's current minutes: one write to the club doc. Call it once the
 * new generation is stored where the other tablets will fetch it (the relay), so that no tablet switches
 * to a document it cannot load.
 */
export function recordMinutesGeneration(
  clubDoc: Y.Doc,
  meetingId: MeetingId,
  input: RecordGenerationInput,
  origin: LocalOrigin,
): MinutesGeneration {
  const previous = readMinutesGeneration(clubDoc, meetingId);
  const next: MinutesGeneration = {
    number: input.number,
    id: input.id,
    by: input.by,
    at: input.at,
    fromState: input.fromState,
    retired: [...(previous?.retired ?? []), previous === null ? '0:' : `${previous.number}:${previous.id}`],
  };
  clubDoc.transact(() => generationsMap(clubDoc).set(meetingId, { ...next }), origin);
  return next;
}

/** The earlier generations of the meeting's minutes (null is generation 0): the copies a tablet deletes. */
export function retiredGenerations(
  clubDoc: Y.Doc,
  meetingId: MeetingId,
): Array<Pick<MinutesGeneration, 'number' | 'id'> | null> {
  return (readMinutesGeneration(clubDoc, meetingId)?.retired ?? []).map((entry) => {
    const [number, id] = entry.split(':');
    return number === '0' || id === undefined || id === '' ? null : { number: Number(number), id };
  });
}

/** Whether a copy with state vector `state` holds nothing that `covering` (a rewrite's base) lacks. */
export function isStateCovered(state: Uint8Array, covering: Uint8Array): boolean {
  const have = Y.decodeStateVector(covering);
  for (const [client, clock] of Y.decodeStateVector(state)) if ((have.get(client) ?? 0) < clock) return false;
  return true;
}
