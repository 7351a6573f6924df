import type * as Y from 'yjs';
import { getApprovedView } from '../minutes/late-changes';
import type { MinutesContent, MinutesView } from '../minutes/minutes-types';
import { readMinutes, readMinutesContent } from '../minutes/read-minutes';
import { readVersion } from '../minutes/versions';
import type { TabletKey } from './tablet-keys';
import { checkRedaction, type RedactionCheck } from './verify-redaction';
import {
  type SignatureStatus,
  type SignatureVerifier,
  verifyApproval,
  verifyReopening,
} from './verify-signatures';

export interface MinutesSignatureStatus {
  readonly chair: SignatureStatus | null;
  readonly secretary: SignatureStatus | null;
  /** One per reopening, in the order of `MinutesView.reopenings`. */
  readonly reopenings: readonly SignatureStatus[];
  /** The last redaction (issue 12 §2): who took an erased name out, and whether their signature holds. */
  readonly redaction: RedactionCheck | null;
}

/**
 * The content a reopening signed: the approved state it reopened, which reopenMinutes saved as an
 * 'approved' version with the seal's time. None found (a rewritten doc): the check runs against the
 * current content and fails unless nothing changed.
 */
function reopenedContent(doc: Y.Doc, view: MinutesView, approvedAt: string | null): MinutesContent {
  const index = view.versions.findIndex(
    (version) => version.label === 'approved' && version.at === approvedAt,
  );
  const version = index < 0 ? null : readVersion(doc, index);
  return version?.ok ? version.value : readMinutesContent(doc);
}

/**
 * Checks every signature of a minutes doc against the club's registered tablet keys. A signature covers
 * what its signer saw: for sealed minutes the approved view, for a draft the current content, so an
 * edit after one signature and before the other shows that signature as invalid, which is the truth:
 * it did not sign this text.
 */
export async function verifyMinutesSignatures(
  doc: Y.Doc,
  keys: ReadonlyMap<string, TabletKey>,
  verify: SignatureVerifier,
): Promise<MinutesSignatureStatus> {
  const view = readMinutes(doc);
  const ids = { clubId: view.clubId, meetingId: view.meetingId };
  const signed = getApprovedView(doc) ?? view;
  const { chair, secretary } = view.approval;
  // A record the last redaction vouched for signed the text before the name was taken out: its status is
  // the one it had then, as long as the redaction's own signature holds over the text as it reads now.
  const redaction = await checkRedaction(doc, ids, signed, keys, verify);
  const [chairStatus, secretaryStatus, ...reopenings] = await Promise.all([
    chair === null
      ? null
      : (redaction?.vouchedStatus(chair) ?? verifyApproval(ids, 'chair', chair, signed, keys, verify)),
    secretary === null
      ? null
      : (redaction?.vouchedStatus(secretary) ??
        verifyApproval(ids, 'secretary', secretary, signed, keys, verify)),
    ...view.reopenings.map(
      (reopening) =>
        redaction?.vouchedStatus(reopening) ??
        verifyReopening(ids, reopening, reopenedContent(doc, view, reopening.approvedAt), keys, verify),
    ),
  ]);
  return {
    chair: chairStatus ?? null,
    secretary: secretaryStatus ?? null,
    reopenings: reopenings as SignatureStatus[],
    redaction: redaction?.check ?? null,
  };
}
