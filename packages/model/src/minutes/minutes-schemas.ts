import * as v from 'valibot';
import { isId, isIsoDate } from '../ids/ids';
import { MONEY_KINDS } from './minutes-types';

/** Valibot schemas for what a minutes doc stores; every field falls back so an odd peer never breaks a view. */

const text = v.fallback(v.string(), '');
const flag = v.fallback(v.boolean(), false);
const id = v.pipe(
  v.string(),
  v.check((s: string) => isId(s)),
);
const optionalId = v.fallback(v.nullable(id), null);
const optionalDate = v.fallback(
  v.nullable(
    v.pipe(
      v.string(),
      v.check((s: string) => isIsoDate(s)),
    ),
  ),
  null,
);
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
export const dateTime = v.pipe(
  v.string(),
  v.check((s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s))),
);
const order = v.fallback(v.pipe(v.number(), v.finite()), 0);

export const HeaderRecord = v.object({
  date: optionalDate,
  startedAt: text,
  closedAt: text,
  place: text,
  chairId: optionalId,
  secretaryId: optionalId,
  number: text,
  recipients: text,
  healthChecksTaken: flag,
  printHealthChecks: flag,
});

export const AgendaRecord = v.object({ title: text, decisions: text, removed: flag });

export const ActionRecord = v.object({
  what: text,
  responsibleId: optionalId,
  due: optionalDate,
  done: flag,
  order,
});

export const MoneyRecord = v.object({
  kind: v.fallback(v.picklist(MONEY_KINDS), 'other'),
  memberId: optionalId,
  amount: v.fallback(v.pipe(v.number(), v.safeInteger(), v.minValue(0)), 0),
  note: text,
  order,
});

/** `tablet` and `signature` (base64 ECDSA over signatures/canonical.ts's statement) since issue 12 §4. */
const signedBy = { tablet: v.optional(v.string()), signature: v.optional(v.string()) };

export const SignatureValue = v.object({ by: id, at: dateTime, ...signedBy });

export const SealValue = v.object({ snapshot: v.instance(Uint8Array), at: dateTime });

export const ReopeningValue = v.object({
  by: id,
  at: dateTime,
  reason: text,
  approvedAt: v.fallback(v.nullable(dateTime), null),
  ...signedBy,
});

export const VersionValue = v.object({
  by: text,
  at: dateTime,
  label: text,
  snapshot: v.instance(Uint8Array),
});
