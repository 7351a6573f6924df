import type {
  Author,
  ClubId,
  FollowUpInput,
  HealthCheckInput,
  HealthCheckScope,
  HealthMeasure,
  HealthThresholds,
  HealthView,
  LocalOrigin,
  MeetingId,
  MemberId,
  MinutesApprovalInput,
} from '@chungtay/model';
import * as model from '@chungtay/model';
import type * as Y from 'yjs';
import {
  type OpenPrivateDocOptions,
  openPrivateDocSession,
  type PrivateDocSession,
} from '../session/private-doc-session';
import { projectHealth } from './health-projection';

const tabletNow = () => new Date().toISOString();

export function healthStorageName(clubId: string): string {
  return `chungtay-health-${clubId}`;
}

/** Every change the health records take: model commands bound to this doc, author and clock. */
export function bindHealthCommands(doc: Y.Doc, origin: LocalOrigin, now: () => string = tabletNow) {
  return {
    // Stamped with this tablet's time, shown beside the value if another tablet wrote a different one.
    record: (input: HealthCheckInput) =>
      model.recordHealthCheck(doc, { ...input, recordedAt: input.recordedAt ?? now() }, origin),
    /** Keeps one of the values two tablets wrote for a measurement (`HealthCheck.conflicts`). */
    resolveConflict: (input: {
      meetingId: MeetingId;
      memberId: MemberId;
      field: HealthMeasure;
      writeId: string;
    }) => model.resolveHealthConflict(doc, input, origin, now()),
    /** Locks (or opens) a meeting's measurements as its minutes are approved (or reopened). */
    followMinutes: (input: MinutesApprovalInput) => model.followMinutesApproval(doc, input, origin),
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
export interface OpenHealthOptions extends OpenPrivateDocOptions {
  /**
   * The checks a screen shows (one meeting's, one member's): only those are read, so the first open of the
   * health-check screen or a chart does not read and validate five years. Every check when not given.
   */
  readonly scope?: HealthCheckScope;
}

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
    // The header alone: reading every check to learn whether the doc was started cost a full read.
    isNew: (doc) => model.readHealthHeader(doc).clubId === null,
    create: (doc, origin) => model.createHealth(doc, { clubId: clubId as ClubId }, origin),
    erase: model.eraseMembersHealth,
    // Read whole on open, then check by check as values are typed (health-projection.ts).
    project: (doc) => projectHealth(doc, options.scope),
    bind: bindHealthCommands,
    // The measurements, the thresholds, the follow-ups and visit notes.
    undoRoots: ['checks', 'settings', 'followUps', 'visitNotes'],
    // A meeting locked since a step was recorded must not be changed by undoing it: a lock clears the steps.
    clearUndoOn: ['locks'],
  });
}
