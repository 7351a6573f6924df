import type { ApprovedReport, Author, ClubSummary, LocalOrigin } from '@chungtay/model';
import * as model from '@chungtay/model';
import { viewerDocumentName } from '@chungtay/protocol';
import type { Accessor } from 'solid-js';
import type * as Y from 'yjs';
import type { SyncStatus } from '../../sync/sync-status';
import { type AccessChanges, linkClubDoc } from '../session/club-doc-link';
import { openDocSession } from '../session/doc-session';
import { fullReadProjection } from '../session/projection';

export function summaryStorageName(clubId: string): string {
  return `chungtay-summary-${clubId}`;
}

export type SummaryView = ClubSummary & { readonly readOnly: boolean };

function bindSummaryCommands(doc: Y.Doc, origin: LocalOrigin) {
  return {
    write: (summary: ClubSummary) => model.writeSummary(doc, summary, origin),
    /** Issue 15 §2: an approved report reaches the supervisors; publishing it again changes nothing. */
    publish: (report: ApprovedReport) => model.publishApprovedReport(doc, report, origin),
    /** The chair reopened the report: supervisors stop counting that approval until the next one. */
    withdraw: (report: { id: string; revision: number }) => model.withdrawApprovedReport(doc, report, origin),
  };
}

export interface SummarySession {
  readonly view: SummaryView;
  readonly commands: ReturnType<typeof bindSummaryCommands>;
  readonly canEdit: Accessor<boolean>;
  readonly syncStatus: Accessor<SyncStatus>;
  whenSaved(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenSummaryOptions {
  /** The club session's answer: a committee (editor) key writes the summary, a viewer key reads it. */
  readonly canEditClub?: () => boolean;
  readonly accessChanges?: AccessChanges;
}

/**
 * Opens the club's summary `<clubId>/summary`: figures only, the one document a viewer key opens. The
 * committee's tablets write it (summary-keeper.ts); a supervisor's tablet reads it. Linked like the
 * club's other documents, so a write is listed as unsent and background sync takes it to the relay even
 * when nobody opens this screen.
 */
export async function openSummarySession(
  clubId: string,
  author: Author,
  options: OpenSummaryOptions = {},
): Promise<SummarySession> {
  const session = await openDocSession(
    {
      documentName: viewerDocumentName(clubId),
      storageName: summaryStorageName(clubId),
      keepHistory: false,
      mayEdit: options.canEditClub ?? (() => true),
      schemaStatus: model.getSummarySchemaStatus,
      // Derived data: nothing to migrate; a newer layout is left alone (schemaStatus says so).
      migrate: () => undefined,
      link: linkClubDoc(clubId, options.accessChanges),
      project: (doc) =>
        fullReadProjection(doc, (d) => ({
          ...model.readSummary(d),
          readOnly: model.getSummarySchemaStatus(d).type === 'newer',
        })),
      bind: bindSummaryCommands,
    },
    author,
  );
  return {
    view: session.view,
    commands: session.commands,
    canEdit: session.canEdit,
    syncStatus: session.syncStatus,
    whenSaved: session.whenSaved,
    close: session.close,
  };
}

/**
 * Publishes an approved report from the report screen (or withdraws a reopened one): opens the summary,
 * makes the change, waits until it is stored (so background sync lists it as unsent) and closes.
 * Idempotent: the model keeps the entry of the latest approval, so pressing twice or two tablets
 * publishing is harmless.
 */
export async function publishReportToSummary(
  clubId: string,
  author: Author,
  change: ApprovedReport | { readonly withdraw: { id: string; revision: number } },
  options: OpenSummaryOptions = {},
): Promise<boolean> {
  const session = await openSummarySession(clubId, author, options);
  try {
    const result =
      'withdraw' in change ? session.commands.withdraw(change.withdraw) : session.commands.publish(change);
    await session.whenSaved();
    return result.ok;
  } finally {
    await session.close();
  }
}
