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
import type { Accessor } from 'solid-js';
import type * as Y from 'yjs';
import type { SyncStatus } from '../../sync/sync-status';
import type { SaveState } from '../../sync/tablet-store';
import { guardSiblingDoc } from '../club/erasure-guard';
import { type AccessChanges, linkClubDoc } from '../session/club-doc-link';
import { openDocSession } from '../session/doc-session';
import { createAuthorUndo, type DocUndo } from '../session/doc-undo';
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

export interface CareSession extends DocUndo {
  readonly view: CareView;
  readonly commands: ReturnType<typeof bindCareCommands>;
  /** An editor key, a club doc and a care doc this build understands. */
  readonly canEdit: Accessor<boolean>;
  readonly saveState: Accessor<SaveState>;
  readonly syncStatus: Accessor<SyncStatus>;
  /** Stored rows this open set aside as damaged (see `DocSession.damaged`). */
  readonly damaged: number;
  whenSaved(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenCareOptions {
  /** The club session's answer (`ClubSession.canEdit`); editable when not given. */
  readonly canEditClub?: () => boolean;
  /** The club session's reconnects (`ClubSession.onAccessChange`): the care doc reconnects with it. */
  readonly accessChanges?: AccessChanges;
}

/**
 * Opens the club's private home-care doc `<clubId>/care`, committee keys only (the relay refuses viewer
 * keys with 4403, `isPrivateDocument`): the caller checks `ClubSession.canOpenHealth` first, the same
 * gate as the health doc. Edits made offline are marked unsent by the relay link, so the background
 * sync carries them once the tablet is back online even if this screen was closed. Plain gc (on).
 */
export async function openCareSession(
  clubId: string,
  author: Author,
  options: OpenCareOptions = {},
): Promise<CareSession> {
  return openDocSession(
    {
      documentName: model.careDocName(clubId as ClubId),
      storageName: careStorageName(clubId),
      keepHistory: false,
      mayEdit: options.canEditClub ?? (() => true),
      schemaStatus: model.getCareSchemaStatus,
      migrate: model.migrateCare,
      link: linkClubDoc(clubId, options.accessChanges),
      prepare(doc, origin) {
        if (model.readCare(doc).clubId === null) model.createCare(doc, { clubId: clubId as ClubId }, origin);
        guardSiblingDoc(clubId, doc, model.eraseMembersCare, author);
      },
      project: (doc) => fullReadProjection(doc, model.readCare),
      bind: bindCareCommands,
      // `meta` is left out, so undo never un-creates the doc.
      undo: (doc, origin) =>
        createAuthorUndo(
          [doc.getMap('pairings'), doc.getMap('visits'), doc.getMap('withdrawn'), doc.getMap('settings')],
          origin,
        ),
    },
    author,
  );
}
