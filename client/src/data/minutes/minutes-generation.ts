import type { ClubId, KeptAsideEdit, MeetingId, MinutesGeneration } from '@chungtay/model';
import * as model from '@chungtay/model';
import type * as Y from 'yjs';
import { forgetDoc } from '../../device/unsent-docs';
import { deleteDatabase } from '../../sync/tablet-idb';
import { scrubDeletedBytes } from '../../sync/tablet-scrub';
import { openStoredDoc } from '../../sync/tablet-store';
import { openClub } from '../club/open-clubs';

/**
 * Which generation of a meeting's minutes this tablet opens, and what happens to the copies of earlier
 * generations it still holds (issue 12 §2; the model's generation/minutes-generation.ts says why there are
 * generations). The generation is read from the club doc, which the club session has open and syncs first.
 *
 * Names: generation 0 keeps the names minutes always had, `<clubId>/meeting/<meetingId>` on the relay and
 * `chungtay-minutes-<clubId>-<meetingId>` in IndexedDB; generation n adds `_<n>_<id>` and `-<n>-<id>`.
 */

type GenerationRef = Pick<MinutesGeneration, 'number' | 'id'> | null;

export interface MinutesNames {
  readonly documentName: string;
  readonly storageName: string;
  readonly generation: GenerationRef;
}

export function minutesStorageName(
  clubId: string,
  meetingId: string,
  generation: GenerationRef = null,
): string {
  const base = `chungtay-minutes-${clubId}-${meetingId}`;
  return generation === null ? base : `${base}-${generation.number}-${generation.id}`;
}

function namesOf(clubId: string, meetingId: string, generation: GenerationRef): MinutesNames {
  return {
    documentName: model.minutesGenerationDocName(clubId as ClubId, meetingId as MeetingId, generation),
    storageName: minutesStorageName(clubId, meetingId, generation),
    generation,
  };
}

/** The current generation's names; generation 0 while the club doc is not open here (nothing to follow). */
export function currentMinutesNames(clubId: string, meetingId: string): MinutesNames {
  const club = openClub(clubId);
  const generation = club ? model.readMinutesGeneration(club.doc, meetingId as MeetingId) : null;
  return namesOf(clubId, meetingId, generation && { number: generation.number, id: generation.id });
}

/** Calls `onChange` when the meeting's minutes move to another generation (from this tablet or another). */
export function watchMinutesGeneration(clubId: string, meetingId: string, onChange: () => void): () => void {
  const club = openClub(clubId);
  if (club === undefined) return () => {};
  const map = model.generationsMap(club.doc);
  let current = currentMinutesNames(clubId, meetingId).documentName;
  const observer = () => {
    const next = currentMinutesNames(clubId, meetingId).documentName;
    if (next === current) return;
    current = next;
    onChange();
  };
  map.observe(observer);
  return () => map.unobserve(observer);
}

/** Edits an old copy holds that its rewrite never saw: kept on this tablet until the committee is done with them. */
export interface KeptAside {
  readonly storageName: string;
  readonly documentName: string;
  readonly edits: readonly KeptAsideEdit[];
}

async function databaseExists(name: string): Promise<boolean | undefined> {
  if (typeof indexedDB.databases !== 'function') return undefined;
  const all = await indexedDB.databases();
  return all.some((each) => each.name === name);
}

/**
 * Deletes a copy of an old generation from this tablet: its database, its place in the unsent lists, and
 * (scrubDeletedBytes) the bytes the browser's files still keep of it.
 */
export async function discardOldCopy(clubId: string, copy: Pick<KeptAside, 'storageName' | 'documentName'>) {
  await scrubDeletedBytes(() => dropOldCopy(clubId, copy));
}

async function dropOldCopy(clubId: string, copy: Pick<KeptAside, 'storageName' | 'documentName'>) {
  forgetDoc(clubId, copy.documentName);
  await deleteDatabase(copy.storageName);
}

/**
 * Looks at every copy of an earlier generation this tablet holds: one with nothing beyond the rewrite is
 * deleted at once (database and pending writes); one with edits the rewrite lacks is kept and returned, for
 * the minutes page to show. Never merged on its own (the model's old-generation.ts says why).
 */
export async function settleOldCopies(clubId: string, meetingId: string): Promise<KeptAside[]> {
  const club = openClub(clubId);
  if (club === undefined) return [];
  const generation = model.readMinutesGeneration(club.doc, meetingId as MeetingId);
  if (generation === null) return [];
  const kept: KeptAside[] = [];
  const dropped: MinutesNames[] = [];
  for (const old of model.retiredGenerations(club.doc, meetingId as MeetingId)) {
    const names = namesOf(clubId, meetingId, old);
    if ((await databaseExists(names.storageName)) === false) {
      forgetDoc(clubId, names.documentName);
      continue;
    }
    const { doc, tablet } = await openStoredDoc(names.storageName, true);
    const state = model.oldGenerationEdits(doc, generation);
    await tablet.destroy();
    doc.destroy();
    if (state.type === 'covered' || state.edits.length === 0) dropped.push(names);
    else kept.push({ ...names, edits: state.edits });
  }
  if (dropped.length > 0)
    await scrubDeletedBytes(async () => {
      for (const names of dropped) await dropOldCopy(clubId, names);
    });
  return kept;
}

/** Records a rewrite in the club doc, through the model: the moment every tablet switches. */
export function recordGeneration(
  clubId: string,
  meetingId: string,
  input: model.RecordGenerationInput,
  origin: model.LocalOrigin,
): boolean {
  const club = openClub(clubId);
  if (club === undefined || !club.canEdit()) return false;
  model.recordMinutesGeneration(club.doc, meetingId as MeetingId, input, origin);
  return true;
}

/** The club doc, for the rewrite's next number; undefined when the club is not open here. */
export function clubDocOf(clubId: string): Y.Doc | undefined {
  return openClub(clubId)?.doc;
}
