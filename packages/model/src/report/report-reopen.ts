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
import { approvalMap, type ReportError, type ReportView, readReport, runReportCommand } from './report-doc';
import { type ReportReopening, reopeningsArray } from './report-reopenings';

/**
 * Reopening an approved report (issue 15 §2), signed like a minutes reopening: the chair's tablet signs
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

/** The text a reopening signs; prefixed so it can never pass for a minutes signature or another format. */
function statement(view: ReportView, signed: Signed): string {
  const { clubId = null, reportId = null } = view.header ?? {};
  // Named fields only: a stored record also holds its signature, which must not sign itself.
  const { by, at, reason, approvedAt, reopened, tablet } = signed;
  const body = {
    action: 'reopen',
    clubId,
    reportId,
    by,
    at,
    reason: reason.trim(),
    approvedAt,
    reopened,
    tablet,
  };
  return `chungtay-report-signature/1\n${canonicalJson(body)}`;
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
    view.reopenings.map(async (r): Promise<SignatureStatus> => {
      if (r.tablet === undefined && r.signature === undefined) return 'unsigned';
      const key = r.tablet === undefined ? undefined : keys.get(r.tablet);
      if (key === undefined || r.signature === undefined) return 'invalid';
      try {
        const text = statement(view, { ...r, tablet: r.tablet ?? '' });
        return (await verify(key.publicKey, text, r.signature)) ? 'valid' : 'invalid';
      } catch {
        // A malformed key or signature written raw into the doc is a failed check, not a crash.
        return 'invalid';
      }
    }),
  );
}
