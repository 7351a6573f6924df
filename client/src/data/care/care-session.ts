import type {
  AttachmentInput,
  Author,
  CareView,
  ClubId,
  IsoDate,
  LocalOrigin,
  MemberId,
  PairingId,
  PairingInput,
  VisitId,
  VisitInput,
} from '@chungtay/model';
import * as model from '@chungtay/model';
import type * as Y from 'yjs';
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
  return {
    startPairing: (input: PairingInput) => model.startPairing(doc, input, origin),
    updatePairing: (input: { pairingId: PairingId; volunteerId?: MemberId; note?: string }) =>
      model.updatePairing(doc, input, origin),
    endPairing: (pairingId: PairingId, end: IsoDate | null) =>
      model.endPairing(doc, { pairingId, end }, origin),
    recordVisit: (input: VisitInput, today: IsoDate) => model.recordVisit(doc, input, today, origin),
    withdrawVisit: (visitId: VisitId, on: IsoDate) => model.withdrawVisit(doc, { visitId, on }, origin),
    setVisitInterval: (days: number) => model.setVisitInterval(doc, days, origin),
    // Stamped with the tablet's clock, as a meeting's photos are: who attached what, when.
    attachToVisit: (visitId: VisitId, input: AttachmentInput) =>
      model.attachToVisit(doc, visitId, input, origin, new Date().toISOString()),
    detachFromVisit: (visitId: VisitId, hash: string) => model.detachFromVisit(doc, visitId, hash, origin),
  };
}

export type CareSession = PrivateDocSession<CareView, ReturnType<typeof bindCareCommands>>;
export type OpenCareOptions = OpenPrivateDocOptions;

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
    erase: model.eraseMembersCare,
    project: (doc) => fullReadProjection(doc, model.readCare),
    bind: bindCareCommands,
    undoRoots: ['pairings', 'visits', 'withdrawn', 'settings'],
  });
}
