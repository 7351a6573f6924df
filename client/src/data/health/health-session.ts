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
import type * as Y from 'yjs';
import {
  type OpenPrivateDocOptions,
  openPrivateDocSession,
  type PrivateDocSession,
} from '../session/private-doc-session';
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

export type HealthSession = PrivateDocSession<HealthView, ReturnType<typeof bindHealthCommands>>;
export type OpenHealthOptions = OpenPrivateDocOptions;

/**
 * Opens the club's private health doc `<clubId>/health`. Only for editor keys: the relay refuses viewer keys
 * (4403, `isPrivateDocument`), and this tablet's copy holds sensitive data, so the caller checks
 * `ClubSession.canOpenHealth` first. Plain gc (on): erased values are dropped, not kept as history.
 */
export function openHealthSession(
  clubId: string,
  author: Author,
  options: OpenHealthOptions = {},
): Promise<HealthSession> {
  return openPrivateDocSession(clubId, author, options, {
    documentName: model.healthDocName(clubId as ClubId),
    storageName: healthStorageName(clubId),
    schemaStatus: model.getHealthSchemaStatus,
    migrate: model.migrateHealth,
    isNew: (doc) => model.readHealth(doc).clubId === null,
    create: (doc, origin) => model.createHealth(doc, { clubId: clubId as ClubId }, origin),
    erase: model.eraseMembersHealth,
    project: (doc) => fullReadProjection(doc, model.readHealth),
    bind: bindHealthCommands,
    // The measurements, the thresholds, the follow-ups and visit notes.
    undoRoots: ['checks', 'settings', 'followUps', 'visitNotes'],
  });
}
