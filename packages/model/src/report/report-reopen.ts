import type * as Y from 'yjs';
import { err, isId, type MemberId, ok, type Result } from '../ids/ids';
import type { NotApprovedError } from '../minutes/approval';
import type { ChangeOrigin } from '../origin/origin';
import { FieldErrors } from '../schema/command';
import { checkRequiredText, MAX_TEXT } from '../schema/field-checks';
import { canonicalJson } from '../signatures/canonical';
import type { NotSignerError } from '../signatures/signer-rules';
import type { TabletKey } from '../signatures/tablet-keys';
import type { SignatureStatus, SignatureVerifier } from '../signatures/verify-signatures';
import {
  approvalMap,
  type FrozenReport,
  type ReportError,
  type ReportView,
  readReport,
  runReportCommand,
} from './report-doc';
import { type ReportReopening, reopeningsArray } from './report-reopenings';

/**
 * The chair's signatures on a report (issue 15 §2): the approval signs the figures and narrative it
 * freezes; a reopening, like a minutes reopening: the chair's tablet signs
 * who, when, why and exactly what the approval had frozen; the signature is kept with the reopening, and
 * every tablet can check it against the club's registered tablet keys.
 */

export interface ReopenReportInput {
  readonly by: MemberId;
  /** The club's chair as the club doc names them now: only they reopen what they signed. */
  readonly chairId: MemberId | null;
  readonly at: string;
  readonly reason: string;
  readonly tablet?: string;
  readonly signature?: string;
}

type Signed = Pick<ReportReopening, 'by' | 'at' | 'reason' | 'approvedAt' | 'reopened'> & {
  readonly tablet: string;
};

/** Signed text: prefixed so it can never pass for a minutes signature or another format. */
function signedText(view: ReportView, body: Readonly<Record<string, unknown>>): string {
  const { clubId = null, reportId = null } = view.header ?? {};
  return `chungtay-report-signature/1\n${canonicalJson({ clubId, reportId, ...body })}`;
}

/** The text a reopening signs. Named fields only: a stored record also holds its signature. */
function statement(view: ReportView, signed: Signed): string {
  const { by, at, reason, approvedAt, reopened, tablet } = signed;
  return signedText(view, { action: 'reopen', by, at, reason: reason.trim(), approvedAt, reopened, tablet });
}

/**
 * What the chair's tablet signs to approve: who, when, on which tablet, and the figures and narrative the
 * approval freezes (computed by the caller just before, exactly as approveReport will store them).
 */
export function reportApprovalStatement(
  view: ReportView,
  signed: { readonly by: MemberId; readonly at: string; readonly tablet: string },
  frozen: FrozenReport,
): string {
  return signedText(view, { action: 'approve', by: signed.by, at: signed.at, tablet: signed.tablet, frozen });
}

/** One signature against the club's registered key of the tablet it names. */
async function checkSignature(
  record: { readonly tablet?: string | undefined; readonly signature?: string | undefined },
  text: () => string,
  keys: ReadonlyMap<string, TabletKey>,
  verify: SignatureVerifier,
): Promise<SignatureStatus> {
  if (record.tablet === undefined && record.signature === undefined) return 'unsigned';
  const key = record.tablet === undefined ? undefined : keys.get(record.tablet);
  if (key === undefined || record.signature === undefined) return 'invalid';
  try {
    return (await verify(key.publicKey, text(), record.signature)) ? 'valid' : 'invalid';
  } catch {
    // A malformed key or signature written raw into the doc is a failed check, not a crash.
    return 'invalid';
  }
}

/** The chair's approval signature over what is frozen now, or null when the report is not approved. */
export async function verifyReportApproval(
  view: ReportView,
  keys: ReadonlyMap<string, TabletKey>,
  verify: SignatureVerifier,
): Promise<SignatureStatus | null> {
  const { approval, frozen } = view;
  if (approval === null || frozen === null) return null;
  const signed = { by: approval.by, at: approval.at, tablet: approval.tablet ?? '' };
  return checkSignature(approval, () => reportApprovalStatement(view, signed, frozen), keys, verify);
}

/**
 * What the chair's tablet signs to reopen the report as it reads now, or null when it is not approved.
 * The signing itself is asynchronous (WebCrypto), so the client signs this, then calls reopenReport.
 */
export function reportReopeningStatement(
  view: ReportView,
  signed: { readonly by: MemberId; readonly at: string; readonly reason: string; readonly tablet: string },
): string | null {
  if (view.approval === null || view.frozen === null) return null;
  return statement(view, { ...signed, approvedAt: view.approval.at, reopened: view.frozen });
}

/**
 * Reopens an approved report for editing: the reopening (who, when, why, signature, and the frozen
 * figures and narrative it undid) is appended, the approval and the frozen copy are removed, and the
 * report's figures follow the books again until the chair approves anew.
 */
export function reopenReport(
  doc: Y.Doc,
  input: ReopenReportInput,
  origin: ChangeOrigin,
): Result<void, ReportError | NotApprovedError | NotSignerError> {
  const view = readReport(doc);
  if (view.readOnly) return err({ type: 'readOnly' });
  if (view.approval === null || view.frozen === null) return err({ type: 'notApproved' });
  if (input.chairId === null || input.by !== input.chairId) return err({ type: 'notSigner', role: 'reopen' });
  const { approval, frozen } = view;
  return runReportCommand(
    doc,
    origin,
    () => {
      const errors = new FieldErrors();
      if (!isId(input.by)) errors.add('by', 'required');
      errors.add('at', checkRequiredText(input.at, 40));
      errors.add('reason', checkRequiredText(input.reason, MAX_TEXT));
      const error = errors.done();
      if (error !== null) return err(error);
      reopeningsArray(doc).push([
        {
          by: input.by,
          at: input.at,
          reason: input.reason.trim(),
          approvedAt: approval.at,
          reopened: frozen,
          ...(input.tablet === undefined ? {} : { tablet: input.tablet }),
          ...(input.signature === undefined ? {} : { signature: input.signature }),
        },
      ]);
      const map = approvalMap(doc);
      for (const key of ['chair', 'frozen']) if (map.has(key)) map.delete(key);
      return ok(undefined);
    },
    { allowWhenApproved: true },
  );
}

/**
 * Checks each reopening's signature, in the order of `view.reopenings`: valid when the registered key of
 * the tablet it names signed exactly this record; invalid for a rewritten record or an unknown tablet;
 * unsigned for one recorded without a tablet.
 */
export function verifyReportReopenings(
  view: ReportView,
  keys: ReadonlyMap<string, TabletKey>,
  verify: SignatureVerifier,
): Promise<SignatureStatus[]> {
  return Promise.all(
    view.reopenings.map((r) =>
      checkSignature(r, () => statement(view, { ...r, tablet: r.tablet ?? '' }), keys, verify),
    ),
  );
}
