import * as v from 'valibot';
import * as Y from 'yjs';
import { err, isId, type MemberId, ok, type Result } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { FieldErrors, type ValidationError } from '../schema/command';
import { checkRequiredText, MAX_TEXT } from '../schema/field-checks';
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
import { readSeal } from './read-minutes';

export type NotApprovedError = { readonly type: 'notApproved' };

export interface ApproveInput {
  role: ApprovalRole;
  by: MemberId;
  at: IsoDateTime;
}

export interface ReopenInput {
  by: MemberId;
  at: IsoDateTime;
  reason: string;
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
): Result<{ approved: boolean }, MinutesError> {
  if (doc.gc) throw new Error('minutes docs must be created with createMinutesDoc() (gc: false)');
  const snapshot = Y.encodeSnapshot(Y.snapshot(doc));
  return runMinutesCommand(doc, origin, () => {
    const errors = checkSigner(input);
    if (!APPROVAL_ROLES.includes(input.role)) errors.add('role', 'required');
    const error = errors.done();
    if (error !== null) return err(error);
    const map = approvalMap(doc);
    map.set(input.role, { by: input.by, at: input.at });
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
): Result<void, MinutesError | NotApprovedError> {
  if (isMinutesReadOnly(doc)) return err({ type: 'readOnly' });
  if (!isSealed(doc)) return err({ type: 'notApproved' });
  const seal = readSeal(doc);
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
        { by: input.by, at: input.at, reason: input.reason.trim(), approvedAt: seal?.at ?? null },
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
