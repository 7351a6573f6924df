import * as v from 'valibot';
import * as Y from 'yjs';
import { excerptAround, findTerm } from '../generation/redact-text';
import { isId, type MemberId } from '../ids/ids';
import { canonicalJson } from '../signatures/canonical';
import { readTextValue } from '../text/shared-text';
import {
  type ActionItemId,
  AGENDA_BODY_KEY,
  type AgendaItemId,
  actionsMap,
  agendaItemsMap,
  headerMap,
  type MoneyEntryId,
  moneyMap,
  type YRecord,
} from './minutes-layout';
import { dateTime } from './minutes-schemas';
import type { IsoDateTime, MinutesContent, Reopening, Signature } from './minutes-types';
import { xmlFragmentToText } from './xml-text';

/**
 * Redaction: an erased member's name taken out of the minutes' text (issue 12 §2). The committee first sees
 * every place the name stands (findInMinutes), then the minutes are rewritten as a new generation with each
 * occurrence replaced by "[đã xóa]" (generation/rewrite-minutes.ts). The doc records that it happened,
 * who did it, on which tablet and how many words, never the words themselves.
 *
 * Approved minutes keep their approved text except the redacted words. The signatures of the approval
 * signed the text with the name, so they can no longer be checked against it: the redaction record
 * carries those approval and reopening records and the status each had just before, signed by the
 * redacting tablet over the redacted content. A check then reads "valid, with a redaction by Lan" while
 * nothing else changed, and "chữ ký không hợp lệ" for any other change (verifyMinutesSignatures).
 */

export type MinutesPlace =
  | { readonly kind: 'header'; readonly field: string }
  | { readonly kind: 'agenda'; readonly itemId: AgendaItemId; readonly field: 'title' | 'decisions' | 'body' }
  | { readonly kind: 'action'; readonly actionId: ActionItemId }
  | { readonly kind: 'money'; readonly entryId: MoneyEntryId };

export interface Occurrence {
  readonly place: MinutesPlace;
  /** The words around the name, as shown to the committee before they redact. */
  readonly excerpt: string;
}

const HEADER_TEXT = ['place', 'number', 'recipients', 'startedAt', 'closedAt'] as const;

/** Every free text of the minutes with where it stands: header, agenda titles, decisions and bodies, actions, money notes. */
export function minutesTexts(doc: Y.Doc): Array<{ place: MinutesPlace; text: string }> {
  const out: Array<{ place: MinutesPlace; text: string }> = [];
  const header = headerMap(doc);
  for (const field of HEADER_TEXT) {
    const text = readTextValue(header.get(field));
    if (text) out.push({ place: { kind: 'header', field }, text });
  }
  for (const [id, record] of agendaItemsMap(doc).entries()) {
    if (!(record instanceof Y.Map)) continue;
    const itemId = id as AgendaItemId;
    for (const field of ['title', 'decisions'] as const) {
      const text = readTextValue(record.get(field));
      if (text) out.push({ place: { kind: 'agenda', itemId, field }, text });
    }
    const body = record.get(AGENDA_BODY_KEY);
    if (body instanceof Y.XmlFragment)
      out.push({ place: { kind: 'agenda', itemId, field: 'body' }, text: xmlFragmentToText(body) });
  }
  for (const [id, record] of actionsMap(doc).entries()) {
    const text = record instanceof Y.Map ? readTextValue((record as YRecord).get('what')) : undefined;
    if (text) out.push({ place: { kind: 'action', actionId: id as ActionItemId }, text });
  }
  for (const [id, record] of moneyMap(doc).entries()) {
    const text = record instanceof Y.Map ? readTextValue((record as YRecord).get('note')) : undefined;
    if (text) out.push({ place: { kind: 'money', entryId: id as MoneyEntryId }, text });
  }
  return out;
}

/** Where `name` appears in the minutes, with or without diacritics, whole words only. */
export function findInMinutes(doc: Y.Doc, name: string): Occurrence[] {
  return minutesTexts(doc).flatMap(({ place, text }) =>
    findTerm(text, name).map((range) => ({ place, excerpt: excerptAround(text, range) })),
  );
}

export type VouchedStatus = 'valid' | 'invalid' | 'unsigned';

/** The approval and reopening records as they stood when redacted, each with the status it had then. */
export interface VouchedRecords {
  readonly chair: { readonly record: Signature; readonly status: VouchedStatus } | null;
  readonly secretary: { readonly record: Signature; readonly status: VouchedStatus } | null;
  readonly reopenings: ReadonlyArray<{ readonly record: Reopening; readonly status: VouchedStatus }>;
}

export interface Redaction {
  readonly by: MemberId;
  readonly at: IsoDateTime;
  /** How many words were replaced. */
  readonly count: number;
  readonly vouched: VouchedRecords;
  readonly tablet?: string;
  readonly signature?: string;
}

export const redactionsArray = (doc: Y.Doc): Y.Array<unknown> => doc.getArray('redactions');

const status = v.picklist(['valid', 'invalid', 'unsigned']);
const vouchedRecord = v.nullable(v.object({ record: v.record(v.string(), v.unknown()), status }));
const RedactionValue = v.object({
  by: v.pipe(
    v.string(),
    v.check((s: string) => isId(s)),
  ),
  at: dateTime,
  count: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  vouched: v.object({
    chair: vouchedRecord,
    secretary: vouchedRecord,
    reopenings: v.array(v.object({ record: v.record(v.string(), v.unknown()), status })),
  }),
  tablet: v.optional(v.string()),
  signature: v.optional(v.string()),
});

/** The redactions recorded in a minutes doc, oldest first. */
export function readRedactions(doc: Y.Doc): Redaction[] {
  const out: Redaction[] = [];
  for (const raw of redactionsArray(doc).toArray()) {
    const parsed = v.safeParse(RedactionValue, raw);
    if (parsed.success) out.push(parsed.output as unknown as Redaction);
  }
  return out;
}

/**
 * The exact text a redacting tablet signs: the redaction record (without its signature) and the content
 * as it reads after the redaction: the approved content for approved minutes. Its own prefix, so it can
 * never pass for an approval's statement.
 */
export function redactionStatement(
  ids: { readonly clubId: string | null; readonly meetingId: string | null },
  redaction: Redaction,
  content: MinutesContent,
): string {
  const { signature: _signature, ...record } = redaction;
  const { header, attendance, agenda, actions, money } = content;
  return `chungtay-minutes-redaction/1\n${canonicalJson({
    ...ids,
    ...record,
    content: { header, attendance, agenda, actions, money },
  })}`;
}
