import * as Y from 'yjs';
import { err, isId, type MemberId, ok, type Result } from '../ids/ids';
import { getApprovedView } from '../minutes/late-changes';
import {
  actionsMap,
  agendaItemsMap,
  agendaOrder,
  approvalMap,
  attendanceMap,
  createMinutesDoc,
  headerMap,
  isMinutesReadOnly,
  minutesMeta,
  moneyMap,
  reopeningsArray,
} from '../minutes/minutes-layout';
import { readMinutes, readSeal } from '../minutes/read-minutes';
import {
  type Redaction,
  readRedactions,
  redactionStatement,
  redactionsArray,
  type VouchedRecords,
} from '../minutes/redaction';
import { docAtSnapshot } from '../minutes/versions';
import type { LocalOrigin } from '../origin/origin';
import { type CopyOptions, redactValue, writeArray, writeMap } from './copy-state';
import { REDACTED } from './redact-text';

/**
 * Rewrites a minutes doc as a new generation (see minutes-generation.ts): a fresh document, gc off like every
 * minutes doc, holding the current state with the given words redacted and no history: no deleted items,
 * no saved versions (they are snapshots of the history being erased).
 *
 * Approved minutes stay approved: the new doc is first written from the approved state (redacted), its
 * seal taken there, and then brought to the current state as ordinary edits, so changes made after the
 * approval by a tablet that had not seen it stay listed as such.
 */

export interface RewriteInput {
  /** The words to take out: the erased member's name as the committee confirmed it, maybe several spellings. */
  readonly terms: readonly string[];
  /** The committee member who redacted, on which tablet, when. */
  readonly by: MemberId;
  readonly at: string;
  readonly tablet?: string;
  /** What the tablet's signature check said of each approval and reopening just before (see redaction.ts). */
  readonly vouched: VouchedRecords;
}

export type RewriteError = { readonly type: 'readOnly' };

export interface Rewritten {
  readonly doc: Y.Doc;
  /** Words replaced across the current and approved states. */
  readonly count: number;
}

const CONTENT_MAPS = [minutesMeta, headerMap, attendanceMap, agendaItemsMap, actionsMap, moneyMap] as const;

function writeContent(target: Y.Doc, source: Y.Doc, options: CopyOptions): void {
  for (const map of CONTENT_MAPS)
    writeMap(map(target) as Y.Map<unknown>, map(source) as Y.Map<unknown>, options);
  writeArray(agendaOrder(target) as Y.Array<unknown>, agendaOrder(source) as Y.Array<unknown>, options);
}

export function rewriteMinutes(
  old: Y.Doc,
  input: RewriteInput,
  origin: LocalOrigin,
): Result<Rewritten, RewriteError> {
  if (isMinutesReadOnly(old)) return err({ type: 'readOnly' });
  const terms = input.terms.map((term) => term.trim()).filter((term) => term !== '');
  if (!isId(input.by)) throw new Error('rewriteMinutes: by must be a member id');
  const doc = createMinutesDoc();
  const options: CopyOptions = { redactor: { terms, count: 0 }, replacement: REDACTED };
  const seal = readSeal(old);
  let sealSnapshot: Uint8Array | null = null;
  if (seal !== null) {
    doc.transact(() => writeContent(doc, docAtSnapshot(old, seal.snapshot), options), origin);
    sealSnapshot = Y.encodeSnapshot(Y.snapshot(doc));
  }
  doc.transact(() => {
    writeContent(doc, old, options);
    writeArray(reopeningsArray(doc), reopeningsArray(old), options);
    writeMap(approvalMap(doc), approvalMap(old), options);
    if (seal !== null && sealSnapshot !== null)
      approvalMap(doc).set('seal', { snapshot: sealSnapshot, at: seal.at });
    writeArray(redactionsArray(doc), redactionsArray(old), options);
  }, origin);
  // Nothing to replace is still worth a rewrite: the name may be in the history alone (typed, then deleted).
  const count = options.redactor.count;
  if (count > 0) {
    const redaction: Redaction = {
      by: input.by,
      at: input.at,
      count,
      // A reopening's reason may name her too: the records are stored as the new doc holds them.
      vouched: redactValue(input.vouched, { ...options, redactor: { terms, count: 0 } }) as VouchedRecords,
      ...(input.tablet === undefined ? {} : { tablet: input.tablet }),
    };
    doc.transact(() => redactionsArray(doc).push([{ ...redaction }]), origin);
  }
  return ok({ doc, count });
}

/** The statement the redacting tablet signs for the doc's last redaction; null when there is none. */
export function lastRedactionStatement(doc: Y.Doc): { index: number; statement: string } | null {
  const redactions = readRedactions(doc);
  const last = redactions[redactions.length - 1];
  if (last === undefined) return null;
  const view = readMinutes(doc);
  const content = getApprovedView(doc) ?? view;
  return {
    index: redactions.length - 1,
    statement: redactionStatement({ clubId: view.clubId, meetingId: view.meetingId }, last, content),
  };
}

/** Writes the redacting tablet's signature into the last redaction record (before the doc is shared). */
export function signLastRedaction(doc: Y.Doc, signature: string, origin: LocalOrigin): boolean {
  const array = redactionsArray(doc);
  const index = array.length - 1;
  const raw = array.get(index);
  if (index < 0 || typeof raw !== 'object' || raw === null) return false;
  doc.transact(() => {
    array.delete(index, 1);
    array.insert(index, [{ ...(raw as Record<string, unknown>), signature }]);
  }, origin);
  return true;
}
