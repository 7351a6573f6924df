import type { Author, ClubId, CreateClubInput, LocalOrigin, Result, ValidationError } from '@chungtay/model';
import * as model from '@chungtay/model';
import { generateKey } from '@chungtay/protocol';
import * as Y from 'yjs';
import { type ClubAccess, rememberClub } from '../../device/device';
import { todayIso } from '../../i18n/format';
import { TabletStore } from '../../sync/tablet-store';
import { storageNameFor } from './club-session';

/**
 * Builds a club in a fresh doc, then writes it to this tablet. The storage
 * name depends on the new club's id, so the doc is attached to IndexedDB
 * after it is built; load() then stores its whole state as one snapshot.
 */
async function keepOnTablet(
  build: (doc: Y.Doc, origin: LocalOrigin) => Result<ClubId, ValidationError | { type: 'readOnly' }>,
  author: Author,
): Promise<Result<ClubId, ValidationError | { type: 'readOnly' }>> {
  const doc = new Y.Doc();
  const built = build(doc, model.localOrigin(author));
  if (!built.ok) return built;
  const tablet = new TabletStore(storageNameFor(built.value), doc);
  await tablet.load();
  await tablet.whenSettled();
  const view = model.readClub(doc);
  rememberClub({
    id: built.value,
    name: view.profile.name,
    kind: view.profile.kind,
    memberCount: view.members.length,
    access: newClubAccess(),
  });
  await tablet.destroy();
  doc.destroy();
  return built;
}

export function createClubOnTablet(input: CreateClubInput, author: Author) {
  return keepOnTablet((doc, origin) => model.createClub(doc, input, origin, todayIso()), author);
}

/** The sample club's data and its seeding load when it is asked for: the start screen needs neither. */
export async function createSampleClubOnTablet(author: Author) {
  const { seedSample } = await import('./sample-club');
  return keepOnTablet(seedSample, author);
}

/**
 * Fresh keys for a club created on this tablet: it holds both, shares nothing yet. Here rather than in
 * club-access.ts (the relay's HTTP API), which the first screen does not need.
 */
function newClubAccess(): ClubAccess {
  return { role: 'editor', key: generateKey(), viewerKey: generateKey(), shared: false };
}
