import * as v from 'valibot';
import type * as Y from 'yjs';
import { err, isId, type MemberId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { type CommandError, FieldErrors, runCommand } from '../schema/command';

/**
 * The club doc's register of tablet signing keys: tablet id → its public key (base64 of the raw P-256
 * point), the person who set the tablet up and when. Every tablet reads it to check signatures.
 *
 * A tablet's key is written once: a second registration with another key for the same tablet id is
 * refused, so an editor cannot quietly replace a signer's key from the app. (A raw write to the doc
 * still can, which is why the client also remembers the keys it first saw; see the model README.)
 * Two tablets never share an id (random 96 bits), so concurrent registrations never collide.
 */
export const tabletKeysMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('tabletKeys');

export interface TabletKey {
  readonly tablet: string;
  readonly publicKey: string;
  readonly person: MemberId;
  readonly at: string;
}

export interface RegisterTabletKeyInput {
  readonly tablet: string;
  readonly publicKey: string;
  readonly person: MemberId;
  readonly at: string;
}

export type KeyTakenError = { readonly type: 'keyTaken' };

const TABLET = /^[A-Za-z0-9_-]{8,64}$/;
// 65 bytes of an uncompressed P-256 point in base64: 87 characters and one '='.
const PUBLIC_KEY = /^[A-Za-z0-9+/]{87}=$/;

const KeyValue = v.object({
  publicKey: v.pipe(v.string(), v.regex(PUBLIC_KEY)),
  person: v.string(),
  at: v.string(),
});

export function registerTabletKey(
  doc: Y.Doc,
  input: RegisterTabletKeyInput,
  origin: LocalOrigin,
): Result<void, CommandError | KeyTakenError> {
  const existing = readTabletKeys(doc).get(input.tablet);
  if (existing !== undefined && existing.publicKey !== input.publicKey) return err({ type: 'keyTaken' });
  return runCommand(doc, origin, () => {
    const errors = new FieldErrors();
    if (!TABLET.test(input.tablet)) errors.add('tablet', 'required');
    if (!PUBLIC_KEY.test(input.publicKey)) errors.add('publicKey', 'required');
    if (!isId(input.person)) errors.add('person', 'required');
    const error = errors.done();
    if (error !== null) return err(error);
    if (existing?.person === input.person) return ok(undefined);
    tabletKeysMap(doc).set(input.tablet, { publicKey: input.publicKey, person: input.person, at: input.at });
    return ok(undefined);
  });
}

/** The registered keys by tablet id; entries that do not parse are left out (they verify nothing). */
export function readTabletKeys(doc: Y.Doc): ReadonlyMap<string, TabletKey> {
  const out = new Map<string, TabletKey>();
  for (const [tablet, raw] of tabletKeysMap(doc).entries()) {
    const parsed = v.safeParse(KeyValue, raw);
    if (parsed.success)
      out.set(tablet, { tablet, ...parsed.output, person: parsed.output.person as MemberId });
  }
  return out;
}
