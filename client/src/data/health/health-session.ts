import type {
  Author,
  ClubId,
  FollowUpInput,
  HealthCheckInput,
  HealthThresholds,
  HealthView,
  LocalOrigin,
  MeetingId,
  MemberId,
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

export function healthStorageName(clubId: string): string {
  return `chungtay-health-${clubId}`;
}

/** Every change the health records take: model commands bound to this doc and author. */
export function bindHealthCommands(doc: Y.Doc, origin: LocalOrigin) {
  return {
    record: (input: HealthCheckInput) => model.recordHealthCheck(doc, input, origin),
    clear: (meetingId: MeetingId, memberId: MemberId) =>
      model.clearHealthCheck(doc, { meetingId, memberId }, origin),
    updateThresholds: (patch: Partial<HealthThresholds>) => model.updateHealthThresholds(doc, patch, origin),
    restoreDefaultThresholds: () => model.restoreDefaultHealthThresholds(doc, origin),
    markFollowedUp: (input: FollowUpInput) => model.markFollowedUp(doc, input, origin),
    reopenFollowUp: (meetingId: MeetingId, memberId: MemberId) =>
      model.reopenFollowUp(doc, { meetingId, memberId }, origin),
    /** A home-care visit's health note (the visit itself is in the care doc). */
    recordVisitNote: (input: { visitId: string; memberId: MemberId; date: string; note: string }) =>
      model.recordVisitHealthNote(doc, input, origin),
  };
}

export interface HealthSession extends DocUndo {
  readonly view: HealthView;
  readonly commands: ReturnType<typeof bindHealthCommands>;
  /** An editor key, a club doc and a health doc this build understands. */
  readonly canEdit: Accessor<boolean>;
  readonly saveState: Accessor<SaveState>;
  readonly syncStatus: Accessor<SyncStatus>;
  /** Stored rows this open set aside as damaged (see `DocSession.damaged`). */
  readonly damaged: number;
  whenSaved(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenHealthOptions {
  /** The club session's answer (`ClubSession.canEdit`); editable when not given. */
  readonly canEditClub?: () => boolean;
  /** The club session's reconnects (`ClubSession.onAccessChange`): the health doc reconnects with it. */
  readonly accessChanges?: AccessChanges;
}

/**
 * Opens the club's private health doc `<clubId>/health`. Only for editor keys: the relay refuses viewer keys
 * (4403, `isPrivateDocument`), and this tablet's copy holds sensitive data, so the caller checks
 * `ClubSession.canOpenHealth` first. Plain gc (on): erased values are dropped, not kept as history.
 */
export async function openHealthSession(
  clubId: string,
  author: Author,
  options: OpenHealthOptions = {},
): Promise<HealthSession> {
  return openDocSession(
    {
      documentName: model.healthDocName(clubId as ClubId),
      storageName: healthStorageName(clubId),
      keepHistory: false,
      mayEdit: options.canEditClub ?? (() => true),
      schemaStatus: model.getHealthSchemaStatus,
      migrate: model.migrateHealth,
      link: linkClubDoc(clubId, options.accessChanges),
      prepare(doc, origin) {
        if (model.readHealth(doc).clubId === null)
          model.createHealth(doc, { clubId: clubId as ClubId }, origin);
        guardSiblingDoc(clubId, doc, model.eraseMembersHealth, author);
      },
      project: (doc) => fullReadProjection(doc, model.readHealth),
      bind: bindHealthCommands,
      // The measurements, the thresholds, the follow-ups and visit notes; `meta` is left out, so undo never un-creates the doc.
      undo: (doc, origin) =>
        createAuthorUndo(
          [doc.getMap('checks'), doc.getMap('settings'), doc.getMap('followUps'), doc.getMap('visitNotes')],
          origin,
        ),
    },
    author,
  );
}
