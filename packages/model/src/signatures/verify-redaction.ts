import type * as Y from 'yjs';
import type { MemberId } from '../ids/ids';
import type { MinutesContent } from '../minutes/minutes-types';
import { readRedactions, redactionStatement } from '../minutes/redaction';
import { canonicalJson } from './canonical';
import type { TabletKey } from './tablet-keys';
import type { MinutesIdentity, SignatureStatus, SignatureVerifier } from './verify-signatures';

export interface RedactionCheck {
  readonly by: MemberId;
  readonly at: string;
  /** How many words were replaced by "[đã xóa]". */
  readonly count: number;
  /** Whether the redacting tablet's signature holds over the content as it reads now. */
  readonly status: SignatureStatus;
}

export interface RedactionVerdict {
  readonly check: RedactionCheck;
  /** The status a record had when the redaction vouched for it; undefined for a record it did not cover. */
  vouchedStatus(record: object): SignatureStatus | undefined;
}

/**
 * Checks the minutes' last redaction (see minutes/redaction.ts): its signature by the redacting tablet over
 * the record and the content as redacted. Records it vouched for read as they did before the redaction
 * while that signature holds, and as invalid once anything else changed (the content or the records).
 */
export async function checkRedaction(
  doc: Y.Doc,
  ids: MinutesIdentity,
  content: MinutesContent,
  keys: ReadonlyMap<string, TabletKey>,
  verify: SignatureVerifier,
): Promise<RedactionVerdict | null> {
  const redactions = readRedactions(doc);
  const last = redactions[redactions.length - 1];
  if (last === undefined) return null;
  let status: SignatureStatus = 'unsigned';
  if (last.tablet !== undefined || last.signature !== undefined) {
    const key = last.tablet === undefined ? undefined : keys.get(last.tablet);
    try {
      const holds =
        key !== undefined &&
        last.signature !== undefined &&
        (await verify(key.publicKey, redactionStatement(ids, last, content), last.signature));
      status = holds ? 'valid' : 'invalid';
    } catch {
      status = 'invalid';
    }
  }
  const { chair, secretary, reopenings } = last.vouched;
  const vouched = [chair, secretary, ...reopenings].filter((entry) => entry !== null);
  return {
    check: { by: last.by, at: last.at, count: last.count, status },
    vouchedStatus(record) {
      const found = vouched.find((entry) => canonicalJson(entry.record) === canonicalJson(record));
      if (found === undefined) return undefined;
      return status === 'valid' ? found.status : 'invalid';
    },
  };
}
