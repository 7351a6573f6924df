import type { ClubId, MeetingId } from '../ids/ids';
import type { ApprovalRole, MinutesContent, Reopening, Signature } from '../minutes/minutes-types';
import { canonicalStatement, type SignedStatement } from './canonical';
import type { TabletKey } from './tablet-keys';

/**
 * Checks one signature: resolves to whether `signature` (base64) is the signature of `message` under
 * `publicKey` (base64). Passed in by the client (WebCrypto ECDSA P-256, SHA-256) so the model stays free
 * of IO and of the asynchronous crypto API.
 */
export type SignatureVerifier = (publicKey: string, message: string, signature: string) => Promise<boolean>;

/**
 * valid: the registered key of the named tablet signed exactly this record and content.
 * invalid: a signature that does not match (the record or the content was rewritten), or one from a
 * tablet with no registered key. unsigned: a record from before tablets signed (no tablet, no signature).
 */
export type SignatureStatus = 'valid' | 'invalid' | 'unsigned';

export interface MinutesIdentity {
  readonly clubId: ClubId | null;
  readonly meetingId: MeetingId | null;
}

/** The statement an approval signs: the content the signer saw, which for sealed minutes is the approved view. */
export function approvalStatement(
  minutes: MinutesIdentity,
  role: ApprovalRole,
  signed: Pick<Signature, 'by' | 'at'> & { readonly tablet: string },
  content: MinutesContent,
): SignedStatement {
  const { clubId, meetingId } = minutes;
  return {
    action: 'approve',
    role,
    clubId,
    meetingId,
    ...pick(signed),
    reason: '',
    content: contentOf(content),
  };
}

/** A reopening signs the approved content it reopened, with its reason. */
export function reopeningStatement(
  minutes: MinutesIdentity,
  signed: Pick<Reopening, 'by' | 'at' | 'reason'> & { readonly tablet: string },
  content: MinutesContent,
): SignedStatement {
  const { clubId, meetingId } = minutes;
  return {
    action: 'reopen',
    role: null,
    clubId,
    meetingId,
    ...pick(signed),
    reason: signed.reason,
    content: contentOf(content),
  };
}

/** Only the content's own fields: a whole MinutesView may be passed, and its approval must not be signed. */
function contentOf(view: MinutesContent): MinutesContent {
  const { header, attendance, agenda, actions, money } = view;
  return { header, attendance, agenda, actions, money };
}

function pick(signed: { by: Signature['by']; at: string; tablet: string }) {
  return { by: signed.by, at: signed.at, tablet: signed.tablet };
}

/**
 * Verifies one signed record against the key its tablet registered. The key must also belong to a
 * tablet that exists in the register: a record naming an unknown tablet is invalid, not unsigned, since
 * only a rewrite produces it.
 */
export async function verifyStatement(
  statement: SignedStatement,
  signature: string | undefined,
  keys: ReadonlyMap<string, TabletKey>,
  verify: SignatureVerifier,
): Promise<SignatureStatus> {
  if (signature === undefined) return 'invalid';
  const key = keys.get(statement.tablet);
  if (key === undefined) return 'invalid';
  try {
    return (await verify(key.publicKey, canonicalStatement(statement), signature)) ? 'valid' : 'invalid';
  } catch {
    // A malformed key or signature (written raw into the doc) is a failed check, not a crash.
    return 'invalid';
  }
}

/** Status of an approval signature, `content` being what it must have signed (see approvalStatement). */
export function verifyApproval(
  minutes: MinutesIdentity,
  role: ApprovalRole,
  signed: Signature,
  content: MinutesContent,
  keys: ReadonlyMap<string, TabletKey>,
  verify: SignatureVerifier,
): Promise<SignatureStatus> {
  if (signed.tablet === undefined && signed.signature === undefined) return Promise.resolve('unsigned');
  const statement = approvalStatement(minutes, role, { ...signed, tablet: signed.tablet ?? '' }, content);
  return verifyStatement(statement, signed.signature, keys, verify);
}

export function verifyReopening(
  minutes: MinutesIdentity,
  reopening: Reopening,
  content: MinutesContent,
  keys: ReadonlyMap<string, TabletKey>,
  verify: SignatureVerifier,
): Promise<SignatureStatus> {
  if (reopening.tablet === undefined && reopening.signature === undefined) return Promise.resolve('unsigned');
  const statement = reopeningStatement(minutes, { ...reopening, tablet: reopening.tablet ?? '' }, content);
  return verifyStatement(statement, reopening.signature, keys, verify);
}
