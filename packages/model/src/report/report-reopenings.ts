import * as v from 'valibot';
import type * as Y from 'yjs';
import type { MemberId } from '../ids/ids';

/**
 * The reopenings of a report, `reopenings` in its doc: an append-only array, so two reopenings made on
 * two tablets are both kept. Apart from report-doc.ts so that file and report-reopen.ts both read it.
 */
export const reopeningsArray = (doc: Y.Doc): Y.Array<unknown> => doc.getArray('reopenings');

export interface ReportReopening {
  readonly by: MemberId;
  readonly at: string;
  readonly reason: string;
  /** When the approval it undid had been signed. */
  readonly approvedAt: string;
  /** The tablet that signed it and its ECDSA signature (see report-reopen.ts); absent if unsigned. */
  readonly tablet?: string | undefined;
  readonly signature?: string | undefined;
  /**
   * The figures and narrative the approval had frozen (a FrozenReport): kept so the signature can be
   * checked against them and nothing signed is lost when the report is approved again.
   */
  readonly reopened: unknown;
}

const ReopeningSchema = v.object({
  by: v.string(),
  at: v.string(),
  reason: v.string(),
  approvedAt: v.string(),
  tablet: v.optional(v.string()),
  signature: v.optional(v.string()),
  reopened: v.unknown(),
});

export function readReopenings(doc: Y.Doc): ReportReopening[] {
  const out: ReportReopening[] = [];
  for (const raw of reopeningsArray(doc).toArray()) {
    const parsed = v.safeParse(ReopeningSchema, raw);
    if (parsed.success) out.push({ ...parsed.output, by: parsed.output.by as MemberId });
  }
  return out;
}
