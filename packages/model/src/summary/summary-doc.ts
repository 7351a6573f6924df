import * as v from 'valibot';
import type * as Y from 'yjs';
import { type ClubId, err, isId, ok, type Result } from '../ids/ids';
import type { ChangeOrigin } from '../origin/origin';
import { type CommandError, invalid, transactCommand } from '../schema/command';
import type { SchemaStatus } from '../schema/doc-schema';
import { type Figure, fromFigures, SUMMARY_SECTIONS, sectionOf, toFigures } from './summary-figures';
import type { ApprovedReport, ClubSummary } from './summary-types';

/**
 * The summary document `<clubId>/summary`: the only document of a club a viewer (supervisor) key opens.
 * Layout:
 * - `meta`: schemaVersion, clubId, computedAt (the last recomputation that changed a figure)
 * - `figures`: flat keys → number or string (summary-figures.ts), each figure its own entry
 * - `reports`: report id → an approved report as one plain value (or a withdrawal mark once the chair
 *   reopened it), replaced only by a later approval of the same report
 * Everything in it is derived from the books on committee tablets; nothing here is a source of truth,
 * so a figure overwritten by another tablet is simply recomputed by the next tablet that sees the books.
 */

export const SUMMARY_SCHEMA_VERSION = 1;

export function summaryDocName(clubId: ClubId): string {
  return `${clubId}/summary`;
}

const metaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta');
const figuresMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('figures');
const reportsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('reports');

/**
 * The summary has no migrations yet: it is derived, so a newer layout is simply rewritten by a tablet
 * of that version. A newer version is still reported, so an older tablet does not write over it.
 */
export function getSummarySchemaStatus(doc: Y.Doc): SchemaStatus {
  const version = metaMap(doc).get('schemaVersion');
  if (typeof version !== 'number') return { type: 'empty' };
  if (version > SUMMARY_SCHEMA_VERSION) return { type: 'newer', version };
  return version < SUMMARY_SCHEMA_VERSION ? { type: 'outdated', from: version } : { type: 'current' };
}

export interface WriteSummaryResult {
  /** Figures set or removed; 0 when the books gave the figures already there. */
  readonly changed: number;
}

/**
 * Writes a computed summary: each figure only when its value differs, figures no longer computed
 * (a retired group, a month with no meeting left) removed, and only in the sections computed, so a
 * tablet without the health or money book leaves those figures as another tablet wrote them.
 * Writing nothing when nothing changed keeps idle tablets from sending updates (and from flipping
 * `computedAt` back and forth between two tablets).
 */
export function writeSummary(
  doc: Y.Doc,
  summary: ClubSummary,
  origin: ChangeOrigin,
): Result<WriteSummaryResult, CommandError> {
  const version = metaMap(doc).get('schemaVersion');
  if (typeof version === 'number' && version > SUMMARY_SCHEMA_VERSION) return err({ type: 'readOnly' });
  return transactCommand(doc, origin, () => {
    const figures = toFigures(summary);
    const written = new Set(SUMMARY_SECTIONS.filter((s) => summary[s] !== null));
    const map = figuresMap(doc);
    let changed = 0;
    for (const [key, value] of figures) {
      if (map.get(key) === value) continue;
      map.set(key, value);
      changed++;
    }
    for (const key of [...map.keys()]) {
      const section = sectionOf(key);
      if (section !== null && written.has(section) && !figures.has(key)) {
        map.delete(key);
        changed++;
      }
    }
    const meta = metaMap(doc);
    if (meta.get('schemaVersion') !== SUMMARY_SCHEMA_VERSION)
      meta.set('schemaVersion', SUMMARY_SCHEMA_VERSION);
    if (summary.clubId !== null && meta.get('clubId') !== summary.clubId) meta.set('clubId', summary.clubId);
    if (changed > 0 && summary.computedAt !== null) meta.set('computedAt', summary.computedAt);
    return ok({ changed });
  });
}

export function readSummary(doc: Y.Doc): ClubSummary {
  const meta = metaMap(doc);
  const figures = new Map<string, Figure>();
  for (const [key, value] of figuresMap(doc).entries())
    if (typeof value === 'number' || typeof value === 'string') figures.set(key, value);
  const clubId = meta.get('clubId');
  const computedAt = meta.get('computedAt');
  return {
    ...fromFigures(
      figures,
      typeof clubId === 'string' ? clubId : null,
      typeof computedAt === 'string' ? computedAt : null,
    ),
    reports: readReports(doc),
  };
}

const text = v.pipe(v.string(), v.maxLength(20_000));
const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const ReportSchema = v.object({
  kind: v.picklist(['halfYear', 'year', 'custom']),
  from: day,
  to: day,
  approvedOn: day,
  figures: v.record(v.pipe(v.string(), v.maxLength(80)), v.pipe(v.number(), v.finite())),
  narrative: v.record(v.pipe(v.string(), v.maxLength(80)), text),
  revision: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

/** What stands in a report's place once reopened: which approval it withdrew. */
const WithdrawnSchema = v.object({ withdrawn: v.literal(true), revision: v.number() });

/** The revision an entry holds (a report or a withdrawal), or null for none or an unreadable one. */
function storedRevision(raw: unknown): { revision: number; withdrawn: boolean } | null {
  const withdrawn = v.safeParse(WithdrawnSchema, raw);
  if (withdrawn.success) return { revision: withdrawn.output.revision, withdrawn: true };
  const report = v.safeParse(ReportSchema, raw);
  return report.success ? { revision: report.output.revision ?? 0, withdrawn: false } : null;
}

function readReports(doc: Y.Doc): ApprovedReport[] {
  const reports: ApprovedReport[] = [];
  for (const [id, raw] of reportsMap(doc).entries()) {
    const parsed = v.safeParse(ReportSchema, raw);
    if (parsed.success) reports.push({ id, ...parsed.output });
  }
  return reports.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * Publishes an approved report to the supervisors (issue 15 §2 calls this on approval). The narrative
 * must name no ordinary member; the report screen is responsible for that, this only stores it.
 * An entry of the same or a later revision is left as it is (approved figures never change), so two
 * tablets publishing the same approval is harmless, and a tablet that has not yet seen a reopening
 * cannot bring the withdrawn approval back.
 */
export function publishApprovedReport(
  doc: Y.Doc,
  report: ApprovedReport,
  origin: ChangeOrigin,
): Result<void, CommandError> {
  return transactCommand(doc, origin, () => {
    if (!isId(report.id)) return err(invalid({ id: 'required' }));
    const { id, ...body } = report;
    const parsed = v.safeParse(ReportSchema, body);
    if (!parsed.success) return err(invalid({ report: 'dateFormat' }));
    const reports = reportsMap(doc);
    const held = storedRevision(reports.get(id));
    if (held !== null && held.revision >= (parsed.output.revision ?? 0)) return ok(undefined);
    reports.set(id, parsed.output);
    return ok(undefined);
  });
}

/**
 * Withdraws a report the chair reopened: supervisors no longer count it until it is approved again
 * (revision + 1). A later approval already published stays. Two tablets withdrawing write the same mark.
 */
export function withdrawApprovedReport(
  doc: Y.Doc,
  input: { readonly id: string; readonly revision: number },
  origin: ChangeOrigin,
): Result<void, CommandError> {
  return transactCommand(doc, origin, () => {
    if (!isId(input.id)) return err(invalid({ id: 'required' }));
    const reports = reportsMap(doc);
    const held = storedRevision(reports.get(input.id));
    if (
      held !== null &&
      (held.revision > input.revision || (held.revision === input.revision && held.withdrawn))
    )
      return ok(undefined);
    reports.set(input.id, { withdrawn: true, revision: input.revision });
    return ok(undefined);
  });
}
