import type {
  ApprovedReport,
  Author,
  ClubId,
  MemberId,
  ReportBooks,
  ReportId,
  ReportPeriod,
  ReportSection,
  ReportView,
  RichBlock,
  SignatureStatus,
  TabletKey,
} from '@chungtay/model';
import * as model from '@chungtay/model';
import type { Extensions } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import type { Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { type TabletSigner, verifyTabletSignature } from '../../device/signing-key';
import type { SyncStatus } from '../../sync/sync-status';
import type { SaveState } from '../../sync/tablet-store';
import { type AccessChanges, linkClubDoc } from '../session/club-doc-link';
import { openDocSession } from '../session/doc-session';
import type { DocUndo } from '../session/doc-undo';
import { fullReadProjection } from '../session/projection';

export function reportStorageName(clubId: string, reportId: string): string {
  return `chungtay-report-${clubId}-${reportId}`;
}

function bindReportCommands(doc: Y.Doc, origin: model.LocalOrigin) {
  return {
    updateHeader: (patch: { number?: string; place?: string }) =>
      model.updateReportHeader(doc, patch, origin),
    /**
     * The chair signs: the books' figures for the period are computed now, the tablet signs them with the
     * narrative as it reads now, and the command freezes exactly those (signing is asynchronous, commands
     * are not; an edit arriving in between shows as a signature that no longer matches, which is true).
     */
    approve: async (by: MemberId, books: ReportBooks, signer: TabletSigner) => {
      const at = new Date().toISOString();
      const view = model.readReport(doc);
      const period = view.header?.period;
      if (period === undefined)
        return model.approveReport(doc, { by, at, figures: emptyFigures(books) }, origin);
      const figures = model.computeReportFigures(books, period);
      const frozen = { figures, narrative: model.readNarrative(doc), blocks: model.readNarrativeBlocks(doc) };
      const tablet = signer.tablet;
      const signature = await signer.sign(model.reportApprovalStatement(view, { by, at, tablet }, frozen));
      return model.approveReport(doc, { by, at, figures, tablet, signature }, origin);
    },
    /**
     * The chair reopens the approved report: the tablet signs who, when, why and what was frozen, then
     * the command records it (signing is asynchronous, commands are not). The model refuses anyone but
     * `chairId`, the chair the club's book names.
     */
    reopen: async (by: MemberId, chairId: MemberId | null, reason: string, signer: TabletSigner) => {
      const at = new Date().toISOString();
      const text = model.reportReopeningStatement(model.readReport(doc), {
        by,
        at,
        reason,
        tablet: signer.tablet,
      });
      const signature = text === null ? undefined : await signer.sign(text);
      return model.reopenReport(
        doc,
        { by, chairId, at, reason, tablet: signer.tablet, ...(signature ? { signature } : {}) },
        origin,
      );
    },
  };
}

// A report with no header is refused by approveReport before it looks at the figures.
const emptyFigures = (books: ReportBooks) =>
  model.computeReportFigures(books, { kind: 'custom', from: '0001-01-01', to: '0001-01-01' });

export interface ReportSession extends DocUndo {
  readonly view: ReportView;
  readonly commands: ReturnType<typeof bindReportCommands>;
  readonly canEdit: Accessor<boolean>;
  readonly saveState: Accessor<SaveState>;
  readonly syncStatus: Accessor<SyncStatus>;
  readonly damaged: number;
  readonly user: { readonly name: string; readonly color: string };
  /** Tiptap extensions binding one narrative section (and remote carets) to this doc. */
  sectionExtensions(section: ReportSection): Extensions;
  holdRemote(): (() => void) | null;
  /** The narrative's words as they read now (the printed draft); the approved ones are `view.frozen`. */
  narrative(): Record<ReportSection, string>;
  /** The narrative with its formatting as it reads now (the printed draft). */
  narrativeBlocks(): Record<ReportSection, RichBlock[]>;
  /** Each reopening's signature checked against the club's registered tablet keys. */
  verifyReopenings(keys: ReadonlyMap<string, TabletKey>): Promise<SignatureStatus[]>;
  /** The approval's signature checked likewise; null before approval. */
  verifyApproval(keys: ReadonlyMap<string, TabletKey>): Promise<SignatureStatus | null>;
  /** The entry for the supervisors' summary, once approved (`publishApprovedReport`). */
  approvedEntry(): ApprovedReport | null;
  whenSaved(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenReportInput {
  readonly clubId: string;
  readonly period: ReportPeriod;
  readonly place: string;
  readonly author: Author;
  readonly canEditClub: () => boolean;
  readonly accessChanges?: AccessChanges;
}

/**
 * Opens the report for one period: `<clubId>/report/<id from the period>`, a committee-only document
 * (protocol `isPrivateDocument`) with presence like the minutes, so the committee writes it together.
 * Plain gc: what the chair signed is a frozen copy in the doc, not a snapshot.
 */
export async function openReportSession(input: OpenReportInput): Promise<ReportSession> {
  const reportId = model.reportIdFor(input.period) as ReportId;
  const clubId = input.clubId as ClubId;
  const session = await openDocSession(
    {
      documentName: model.reportDocName(clubId, reportId),
      storageName: reportStorageName(input.clubId, reportId),
      keepHistory: false,
      mayEdit: input.canEditClub,
      schemaStatus: model.getReportSchemaStatus,
      migrate: model.migrateReport,
      link: linkClubDoc(input.clubId, input.accessChanges, { presence: true }),
      // Every tablet writes the same header for the same period, so starting it twice is harmless.
      prepare(doc, origin) {
        if (model.readReport(doc).header === null)
          model.createReport(doc, { clubId, reportId, period: input.period, place: input.place }, origin);
      },
      project: (doc) => fullReadProjection(doc, model.readReport),
      bind: bindReportCommands,
      writable: (view) => view.frozen === null,
    },
    input.author,
  );
  const { doc, link } = session;
  return {
    ...session,
    sectionExtensions(section) {
      const awareness = link?.awareness;
      return [
        Collaboration.configure({ fragment: model.getReportSection(doc, section) }),
        ...(awareness ? [CollaborationCaret.configure({ provider: { awareness }, user: session.user })] : []),
      ];
    },
    holdRemote: () => link?.current()?.holdRemoteUpdates() ?? null,
    narrative: () => model.readNarrative(doc),
    narrativeBlocks: () => model.readNarrativeBlocks(doc),
    verifyReopenings: (keys) => model.verifyReportReopenings(session.view, keys, verifyTabletSignature),
    verifyApproval: (keys) => model.verifyReportApproval(session.view, keys, verifyTabletSignature),
    approvedEntry: () => model.toApprovedReport(session.view),
  };
}
