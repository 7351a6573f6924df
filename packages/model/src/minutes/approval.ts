import * as v from 'valibot';
import * as Y from 'yjs';
import { err, isId, type MemberId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { FieldErrors, type ValidationError } from '../schema/command';
import { checkRequiredText, MAX_TEXT } from '../schema/field-checks';
import { checkReopener, checkSignerRole, type NotSignerError } from '../signatures/signer-rules';
import {
  approvalMap,
  isMinutesReadOnly,
  isSealed,
  type MinutesError,
  reopeningsArray,
  runMinutesCommand,
  versionsArray,
} from './minutes-layout';
import { dateTime } from './minutes-schemas';
import { APPROVAL_ROLES, type ApprovalRole, type IsoDateTime } from './minutes-types';
import { readMinutesContent, readSeal } from './read-minutes';

export type NotApprovedError = { readonly type: 'notApproved' };

/**
 * `tablet` and `signature`: the tablet's id and its ECDSA signature over canonicalStatement (see
 * signatures/), made by the client before the command runs, since signing is asynchronous.
 */
export interface ApproveInput {
  role: ApprovalRole;
  by: MemberId;
  at: IsoDateTime;
  tablet?: string;
  signature?: string;
}

export interface ReopenInput {
  by: MemberId;
  at: IsoDateTime;
  reason: string;
  tablet?: string;
  signature?: string;
}

function signedBy(input: { tablet?: string | undefined; signature?: string | undefined }) {
  return {
    ...(input.tablet === undefined ? {} : { tablet: input.tablet }),
    ...(input.signature === undefined ? {} : { signature: input.signature }),
  };
}

function checkSigner(input: { by: string; at: string }): FieldErrors {
  const errors = new FieldErrors();
  if (!isId(input.by)) errors.add('by', 'required');
  if (!v.is(dateTime, input.at)) errors.add('at', 'dateFormat');
  return errors;
}

/**
 * Signs the minutes for one role. The signature that completes the pair seals the minutes: it stores a
 * snapshot of exactly what the signer sees (taken before the signature is written), and from then on
 * every editing command returns { type: 'approved' }. Returns whether the minutes are now approved.
 * Throws on a gc-enabled doc: the snapshot could not be rebuilt later.
 */
export function approveMinutes(
  doc: Y.Doc,
  input: ApproveInput,
  origin: LocalOrigin,
): Result<{ approved: boolean }, MinutesError | NotSignerError> {
  if (doc.gc) throw new Error('minutes docs must be created with createMinutesDoc() (gc: false)');
  const snapshot = Y.encodeSnapshot(Y.snapshot(doc));
  const header = readMinutesContent(doc).header;
  const notSigner =
    isId(input.by) && APPROVAL_ROLES.includes(input.role)
      ? checkSignerRole(header, input.role, input.by)
      : null;
  if (notSigner !== null && !isSealed(doc)) return err(notSigner);
  return runMinutesCommand(doc, origin, () => {
    const errors = checkSigner(input);
    if (!APPROVAL_ROLES.includes(input.role)) errors.add('role', 'required');
    const error = errors.done();
    if (error !== null) return err(error);
    const map = approvalMap(doc);
    map.set(input.role, { by: input.by, at: input.at, ...signedBy(input) });
    const other: ApprovalRole = input.role === 'chair' ? 'secretary' : 'chair';
    const approved = map.get(other) !== undefined;
    if (approved) map.set('seal', { snapshot, at: input.at });
    return ok({ approved });
  });
}

/**
 * Reopens approved minutes for editing, recorded with who, when and why. The signatures and the seal
 * are cleared; the earlier approved state stays reachable through the versions (one is saved here).
 */
export function reopenMinutes(
  doc: Y.Doc,
  input: ReopenInput,
  origin: LocalOrigin,
): Result<void, MinutesError | NotApprovedError | NotSignerError> {
  if (isMinutesReadOnly(doc)) return err({ type: 'readOnly' });
  if (!isSealed(doc)) return err({ type: 'notApproved' });
  const seal = readSeal(doc);
  const notSigner = isId(input.by)
    ? checkReopener(readMinutesContent(doc).header, input.by as MemberId)
    : null;
  if (notSigner !== null) return err(notSigner);
  return runMinutesCommand(
    doc,
    origin,
    (): Result<void, ValidationError> => {
      const errors = checkSigner(input);
      errors.add('reason', checkRequiredText(input.reason, MAX_TEXT));
      const error = errors.done();
      if (error !== null) return err(error);
      const map = approvalMap(doc);
      reopeningsArray(doc).push([
        {
          by: input.by,
          at: input.at,
          reason: input.reason.trim(),
          approvedAt: seal?.at ?? null,
          ...signedBy(input),
        },
      ]);
      if (seal !== null) {
        versionsArray(doc).push([{ by: input.by, at: seal.at, label: 'approved', snapshot: seal.snapshot }]);
      }
      for (const key of ['seal', ...APPROVAL_ROLES]) if (map.has(key)) map.delete(key);
      return ok(undefined);
    },
    { allowWhenApproved: true },
  );
}
