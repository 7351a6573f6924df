import type {
  LocalOrigin,
  MemberId,
  MinutesSignatureStatus,
  Signature,
  VouchedRecords,
} from '@chungtay/model';
import * as model from '@chungtay/model';
import * as Y from 'yjs';
import { tabletSigner } from '../../device/signing-key';
import { createDocRelay } from '../../sync/relay/doc-relay';
import type { RelaySync } from '../../sync/relay-sync';
import { deleteDatabase } from '../../sync/tablet-idb';
import { openStoredDoc } from '../../sync/tablet-store';
import { clubDocOf, minutesStorageName, recordGeneration } from './minutes-generation';

/**
 * Redacts an erased member's name from a meeting's minutes and rewrites them as a new generation (issue 12
 * §2): the model writes the new document, this tablet signs the redaction, stores the document here and on
 * the relay, and only once the relay holds it records the generation in the club doc, the moment every
 * tablet switches. The relay retires the old generation when the new one's first write arrives
 * (relay/src/store/generations.ts); this tablet deletes its old copy when its minutes page reopens on the
 * new one (minutes-generation.ts, settleOldCopies).
 *
 * Nothing is recorded if the relay cannot be reached: the old generation stays the minutes, untouched.
 */

export type RedactError =
  | { readonly type: 'clubClosed' }
  | { readonly type: 'readOnly' }
  | { readonly type: 'relayUnreachable' };

export interface RedactInput {
  readonly clubId: string;
  readonly meetingId: string;
  /** The open minutes' doc: the current generation, synced with the relay. */
  readonly doc: Y.Doc;
  readonly origin: LocalOrigin;
  readonly user: { readonly name: string; readonly color: string };
  /** The committee member redacting (the person using this tablet). */
  readonly by: MemberId;
  readonly terms: readonly string[];
  /** The signatures as they check now: the redaction vouches for them. */
  readonly statuses: MinutesSignatureStatus;
  readonly approval: { readonly chair: Signature | null; readonly secretary: Signature | null };
  readonly reopenings: readonly model.Reopening[];
  /** How long to wait for the relay to confirm it holds the new generation. */
  readonly relayWaitMs?: number;
}

function vouchedFrom(input: RedactInput): VouchedRecords {
  const { chair, secretary } = input.approval;
  const { statuses } = input;
  return {
    chair: chair && statuses.chair ? { record: chair, status: statuses.chair } : null,
    secretary: secretary && statuses.secretary ? { record: secretary, status: statuses.secretary } : null,
    reopenings: input.reopenings.map((record, i) => ({
      record,
      status: statuses.reopenings[i] ?? 'invalid',
    })),
  };
}

function whenSynced(relay: RelaySync, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (synced: boolean) => {
      clearTimeout(timer);
      stop();
      resolve(synced);
    };
    const timer = setTimeout(() => finish(false), ms);
    const check = () => {
      const { type } = relay.status;
      if (type === 'synced') finish(true);
      else if (type === 'denied') finish(false);
    };
    const stop = relay.onChange(check);
    check();
  });
}

export async function redactAndRewrite(
  input: RedactInput,
): Promise<{ ok: true; value: { count: number } } | { ok: false; error: RedactError }> {
  const clubDoc = clubDocOf(input.clubId);
  if (clubDoc === undefined) return { ok: false, error: { type: 'clubClosed' } };
  const signer = await tabletSigner();
  const fromState = Y.encodeStateVector(input.doc);
  const rewritten = model.rewriteMinutes(
    input.doc,
    {
      terms: input.terms,
      by: input.by,
      at: new Date().toISOString(),
      tablet: signer.tablet,
      vouched: vouchedFrom(input),
    },
    input.origin,
  );
  if (!rewritten.ok) return rewritten;
  const statement = model.lastRedactionStatement(rewritten.value.doc);
  if (statement !== null)
    model.signLastRedaction(rewritten.value.doc, await signer.sign(statement.statement), input.origin);

  const generation = {
    number: model.nextGenerationNumber(clubDoc, input.meetingId as model.MeetingId),
    id: model.newGenerationId(),
  };
  const documentName = model.minutesGenerationDocName(
    input.clubId as model.ClubId,
    input.meetingId as model.MeetingId,
    generation,
  );
  const storageName = minutesStorageName(input.clubId, input.meetingId, generation);
  const stored = await openStoredDoc(storageName, true);
  // One update: the relay stores the new generation whole before it retires the old one.
  Y.applyUpdate(stored.doc, Y.encodeStateAsUpdate(rewritten.value.doc), input.origin);
  rewritten.value.doc.destroy();
  await stored.tablet.whenSettled();
  const relay = createDocRelay(input.clubId, documentName, stored.doc, input.user);
  let held = true;
  if (relay !== null) {
    relay.start();
    held = await whenSynced(relay, input.relayWaitMs ?? 30_000);
    relay.destroy();
  }
  await stored.tablet.destroy();
  stored.doc.destroy();
  if (!held) {
    await deleteDatabase(storageName).catch(() => undefined);
    return { ok: false, error: { type: 'relayUnreachable' } };
  }
  const at = new Date().toISOString();
  recordGeneration(
    input.clubId,
    input.meetingId,
    { number: generation.number, id: generation.id, by: input.origin.author.id, at, fromState },
    input.origin,
  );
  return { ok: true, value: { count: rewritten.value.count } };
}
