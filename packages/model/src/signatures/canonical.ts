import type { ClubId, MeetingId, MemberId } from '../ids/ids';
import type { ApprovalRole, IsoDateTime, MinutesContent } from '../minutes/minutes-types';

/**
 * What a tablet signs when someone approves or reopens minutes: who, on which tablet, when, in which role,
 * and the whole content they saw. A rewritten approval record (another name, another time) or approved
 * content changed in the raw doc no longer matches the signature.
 */
export interface SignedStatement {
  readonly action: 'approve' | 'reopen';
  /** The role signed for; null for a reopening. */
  readonly role: ApprovalRole | null;
  readonly clubId: ClubId | null;
  readonly meetingId: MeetingId | null;
  readonly by: MemberId;
  readonly tablet: string;
  readonly at: IsoDateTime;
  /** A reopening's reason; '' for an approval. */
  readonly reason: string;
  readonly content: MinutesContent;
}

/**
 * JSON with object keys sorted at every depth and no whitespace, so two tablets that read the same
 * content produce the same bytes whatever order Yjs hands the keys in. Undefined members are dropped
 * (as JSON does); anything JSON cannot say exactly (NaN, functions, bigint) is a bug and throws.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`canonicalJson: ${value} has no JSON form`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  throw new Error(`canonicalJson: a ${typeof value} has no JSON form`);
}

/** The exact text a tablet signs and every tablet checks; prefixed so it can never pass for another format. */
export function canonicalStatement(statement: SignedStatement): string {
  return `chungtay-minutes-signature/1\n${canonicalJson(statement)}`;
}
