import type {
  AttachmentInput,
  Author,
  CareView,
  ClubId,
  Eraser,
  IsoDate,
  LocalOrigin,
  PairingId,
  PairingInput,
  PairingPatch,
  PairingValueField,
  VisitId,
  VisitInput,
} from '@chungtay/model';
import * as model from '@chungtay/model';
import type * as Y from 'yjs';
import { erasePhotoCopies } from '../../device/photo-erasure';
import {
  type OpenPrivateDocOptions,
  openPrivateDocSession,
  type PrivateDocSession,
} from '../session/private-doc-session';
import { fullReadProjection } from '../session/projection';

export function careStorageName(clubId: string): string {
  return `chungtay-care-${clubId}`;
}

/** Every change the home-care log takes: model commands bound to this doc and author. */
export function bindCareCommands(doc: Y.Doc, origin: LocalOrigin) {
  // A pairing's single values are stamped with the tablet's time: a conflict shows who wrote what, when.
  const now = () => new Date().toISOString();
  return {
    startPairing: (input: PairingInput) => model.startPairing(doc, input, origin),
    updatePairing: (input: PairingPatch) => model.updatePairing(doc, input, origin, now()),
    endPairing: (pairingId: PairingId, end: IsoDate | null) =>
      model.endPairing(doc, { pairingId, end }, origin, now()),
    /** Keeps one of the values two tablets wrote for a pairing's field (`Pairing.conflicts`). */
    resolvePairingConflict: (pairingId: PairingId, field: PairingValueField, writeId: string) =>
      model.resolvePairingConflict(doc, { pairingId, field, writeId }, origin, now()),
    recordVisit: (input: VisitInput, today: IsoDate) => model.recordVisit(doc, input, today, origin),
    withdrawVisit: (visitId: VisitId, on: IsoDate) => model.withdrawVisit(doc, { visitId, on }, origin),
    setVisitInterval: (days: number) => model.setVisitInterval(doc, days, origin),
    // Stamped with the tablet's clock, as a meeting's photos are: who attached what, when.
    attachToVisit: (visitId: VisitId, input: AttachmentInput) =>
      model.attachToVisit(doc, visitId, input, origin, new Date().toISOString()),
    detachFromVisit: (visitId: VisitId, hash: string) => model.detachFromVisit(doc, visitId, hash, origin),
    setVisitAttachmentCaption: (visitId: VisitId, hash: string, caption: string) =>
      model.setVisitAttachmentCaption(doc, visitId, hash, caption, origin),
  };
}

export type CareSession = PrivateDocSession<CareView, ReturnType<typeof bindCareCommands>>;
export interface OpenCareOptions extends OpenPrivateDocOptions {
  /**
   * Called with the photos an erasure took off visits (their hashes), to drop their bytes; by default this
   * tablet's photo store drops them and the relay is asked to delete its copies (device/photo-erasure.ts).
   */
  readonly onPhotosErased?: (hashes: readonly string[]) => void;
}

/**
 * The care doc's erasure (model eraseMembersCare) plus the photos' bytes: their hashes are read before the
 * attachment records go, and handed on once the erasure is written. Runs again after every late write, so a
 * photo a stale tablet attaches to an erased member's visit is taken off, and its bytes dropped, in turn.
 */
function eraseCareAndPhotos(onPhotosErased: (hashes: readonly string[]) => void): Eraser {
  return (doc, members, origin) => {
    const hashes = model.listMembersVisitPhotos(doc, members);
    const result = model.eraseMembersCare(doc, members, origin);
    if (result.ok && hashes.length > 0) onPhotosErased(hashes);
    return result;
  };
}

/**
 * Opens the club's private home-care doc `<clubId>/care`, committee keys only (the relay refuses viewer
 * keys with 4403, `isPrivateDocument`): the caller checks `ClubSession.canOpenHealth` first, the same
 * gate as the health doc. Edits made offline are marked unsent by the relay link, so the background
 * sync carries them once the tablet is back online even if this screen was closed. Plain gc (on).
 */
export function openCareSession(
  clubId: string,
  author: Author,
  options: OpenCareOptions = {},
): Promise<CareSession> {
  return openPrivateDocSession(clubId, author, options, {
    documentName: model.careDocName(clubId as ClubId),
    storageName: careStorageName(clubId),
    schemaStatus: model.getCareSchemaStatus,
    migrate: model.migrateCare,
    isNew: (doc) => model.readCare(doc).clubId === null,
    create: (doc, origin) => model.createCare(doc, { clubId: clubId as ClubId }, origin),
    erase: eraseCareAndPhotos(
      options.onPhotosErased ?? ((hashes) => void erasePhotoCopies(clubId, hashes).catch(() => undefined)),
    ),
    project: (doc) => fullReadProjection(doc, model.readCare),
    bind: bindCareCommands,
    undoRoots: ['pairings', 'visits', 'withdrawn', 'settings'],
  });
}
