import * as v from 'valibot';
import type * as Y from 'yjs';
import { type ClubId, err, isId, type MemberId, newMeetingId, ok, type Result } from '../ids/ids';
import type { ApprovedError } from '../minutes/minutes-layout';
import { type RichBlock, xmlFragmentToBlocks } from '../minutes/rich-blocks';
import { xmlFragmentToText } from '../minutes/xml-text';
import type { ChangeOrigin } from '../origin/origin';
import { type CommandError, type FieldError, FieldErrors, transactCommand } from '../schema/command';
import { checkRequiredText, MAX_TEXT } from '../schema/field-checks';
import { flattenReportFigures, type ReportFigures } from './report-figures';
import { REPORT_SCHEMA_VERSION } from './report-migrations';
import { checkPeriod, REPORT_KINDS, type ReportPeriod } from './report-period';
import { type ReportReopening, readReopenings } from './report-reopenings';

/**
 * The layout of one periodic report, `<clubId>/report/<reportId>` (issue 15 §2), a committee-only
 * document like the minutes. Every top-level type is created by name, so two tablets that start the
 * same report offline share its header map and its section fragments; each narrative section is its
 * own Y.XmlFragment, which the minutes' rich-text editor binds to.
 */

export { REPORT_SCHEMA_VERSION };

export type ReportId = string & { readonly __brand: 'ReportId' };
export function newReportId(): ReportId {
  return newMeetingId() as string as ReportId;
}

export function reportDocName(clubId: ClubId, reportId: ReportId): string {
  return `${clubId}/report/${reportId}`;
}

/** The narrative, in the order of the administrative report (Kết quả… / Ưu điểm / Tồn tại… / Bài học…). */
export const REPORT_SECTIONS = [
  'plan',
  'strengths',
  'weaknesses',
  'lessons',
  'proposals',
  'direction',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

const metaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('meta');
const headerMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('report');
export const approvalMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('approval');

/** The fragment the editor binds to; a name, not a nested type, so concurrent first edits merge. */
export function getReportSection(doc: Y.Doc, section: ReportSection): Y.XmlFragment {
  return doc.getXmlFragment(`section:${section}`);
}

export interface ReportHeader {
  readonly clubId: string;
  readonly reportId: string;
  readonly period: ReportPeriod;
  /** The document number as the commune writes it, e.g. '05/BC-CLB'; '' until set. */
  readonly number: string;
  readonly place: string;
}

export interface ReportApproval {
  readonly by: MemberId;
  readonly at: string;
  /** Set by the signatures work on minutes approvals; carried through unchanged. */
  readonly tablet?: string | undefined;
  readonly signature?: string | undefined;
}

/** What the chair signed: the figures and the narrative's words at that moment, never recomputed. */
export interface FrozenReport {
  readonly figures: ReportFigures;
  readonly narrative: Readonly<Record<ReportSection, string>>;
  /**
   * The same narrative with its formatting (paragraphs, lists, bold), for the printed report. Absent from
   * reports approved before it was kept: those print their words as plain paragraphs.
   */
  readonly blocks?: Readonly<Record<ReportSection, readonly RichBlock[]>>;
}

export interface ReportView {
  /** Written by a newer app: shown, never written. */
  readonly readOnly: boolean;
  readonly header: ReportHeader | null;
  readonly approval: ReportApproval | null;
  readonly frozen: FrozenReport | null;
  /** Every reopening by the chair, oldest first, each with its reason and what it reopened. */
  readonly reopenings: readonly ReportReopening[];
}

const day = v.pipe(v.string(), v.isoDate());
const HeaderSchema = v.object({
  clubId: v.string(),
  reportId: v.string(),
  kind: v.picklist(REPORT_KINDS),
  from: day,
  to: day,
  number: v.fallback(v.string(), ''),
  place: v.fallback(v.string(), ''),
});
const ApprovalSchema = v.object({
  by: v.string(),
  at: v.string(),
  tablet: v.optional(v.string()),
  signature: v.optional(v.string()),
});

export function readReport(doc: Y.Doc): ReportView {
  const header = v.safeParse(HeaderSchema, Object.fromEntries(headerMap(doc).entries()));
  const approval = v.safeParse(ApprovalSchema, approvalMap(doc).get('chair'));
  const frozen = approvalMap(doc).get('frozen');
  const version = metaMap(doc).get('schemaVersion');
  return {
    readOnly: typeof version === 'number' && version > REPORT_SCHEMA_VERSION,
    header: header.success
      ? {
          clubId: header.output.clubId,
          reportId: header.output.reportId,
          period: { kind: header.output.kind, from: header.output.from, to: header.output.to },
          number: header.output.number,
          place: header.output.place,
        }
      : null,
    approval: approval.success ? { ...approval.output, by: approval.output.by as MemberId } : null,
    // Written whole by approveReport in the same transaction as the signature, never edited after.
    frozen:
      approval.success && typeof frozen === 'object' && frozen !== null ? (frozen as FrozenReport) : null,
    reopenings: readReopenings(doc),
  };
}

export const isReportApproved = (doc: Y.Doc): boolean => approvalMap(doc).has('frozen');

export type ReportError = CommandError | ApprovedError;

/** Runs a command unless a newer app wrote the doc or (unless `allowWhenApproved`) the chair signed it. */
export function runReportCommand<T>(
  doc: Y.Doc,
  origin: ChangeOrigin,
  body: () => Result<T, CommandError & { type: 'invalid' | 'notFound' }>,
  options: { readonly allowWhenApproved?: boolean } = {},
): Result<T, ReportError> {
  const version = metaMap(doc).get('schemaVersion');
  if (typeof version === 'number' && version > REPORT_SCHEMA_VERSION) return err({ type: 'readOnly' });
  if (isReportApproved(doc) && options.allowWhenApproved !== true) return err({ type: 'approved' });
  return transactCommand(doc, origin, body);
}

export interface CreateReportInput {
  readonly clubId: ClubId;
  readonly reportId: ReportId;
  readonly period: ReportPeriod;
  readonly place: string;
}

/** Starts a report for a period. Two tablets starting the same id write the same values. */
export function createReport(
  doc: Y.Doc,
  input: CreateReportInput,
  origin: ChangeOrigin,
): Result<void, ReportError> {
  return runReportCommand(doc, origin, () => {
    const fields: Record<string, FieldError> = {
      ...checkPeriod(input.period),
    };
    if (!isId(input.clubId)) fields.clubId = 'required';
    if (!isId(input.reportId)) fields.reportId = 'required';
    if (input.place.length > MAX_TEXT) fields.place = 'tooLong';
    if (Object.keys(fields).length > 0) return err({ type: 'invalid', fields });
    metaMap(doc).set('schemaVersion', REPORT_SCHEMA_VERSION);
    const header = headerMap(doc);
    const values = {
      clubId: input.clubId,
      reportId: input.reportId,
      kind: input.period.kind,
      from: input.period.from,
      to: input.period.to,
      place: input.place.trim(),
    };
    for (const [key, value] of Object.entries(values)) if (header.get(key) !== value) header.set(key, value);
    if (!header.has('number')) header.set('number', '');
    return ok(undefined);
  });
}

/** The number and place printed in the header; the period is changed by starting a new report. */
export function updateReportHeader(
  doc: Y.Doc,
  patch: { number?: string; place?: string },
  origin: ChangeOrigin,
): Result<void, ReportError> {
  return runReportCommand(doc, origin, () => {
    const errors = new FieldErrors();
    if (patch.number !== undefined && patch.number.length > 40) errors.add('number', 'tooLong');
    if (patch.place !== undefined && patch.place.length > MAX_TEXT) errors.add('place', 'tooLong');
    const error = errors.done();
    if (error !== null) return err(error);
    const header = headerMap(doc);
    if (patch.number !== undefined) header.set('number', patch.number.trim());
    if (patch.place !== undefined) header.set('place', patch.place.trim());
    return ok(undefined);
  });
}

export function readNarrative(doc: Y.Doc): Record<ReportSection, string> {
  return Object.fromEntries(
    REPORT_SECTIONS.map((s) => [s, xmlFragmentToText(getReportSection(doc, s)).trim()]),
  ) as Record<ReportSection, string>;
}

/** The narrative with its formatting, section by section, as the print shows it. */
export function readNarrativeBlocks(doc: Y.Doc): Record<ReportSection, RichBlock[]> {
  return Object.fromEntries(
    REPORT_SECTIONS.map((s) => [s, xmlFragmentToBlocks(getReportSection(doc, s))]),
  ) as Record<ReportSection, RichBlock[]>;
}

export interface ApproveReportInput {
  readonly by: MemberId;
  readonly at: string;
  /** The books' figures for the report's period, computed by the caller just now. */
  readonly figures: ReportFigures;
  readonly tablet?: string;
  readonly signature?: string;
}

/**
 * The chair signs the report. The figures passed in and the narrative as it reads now are frozen into
 * the document in the same transaction, so later changes to the books change nothing in it; every
 * command after this returns { type: 'approved' }.
 */
export function approveReport(
  doc: Y.Doc,
  input: ApproveReportInput,
  origin: ChangeOrigin,
): Result<FrozenReport, ReportError> {
  return runReportCommand(doc, origin, () => {
    const errors = new FieldErrors();
    if (!isId(input.by)) errors.add('by', 'required');
    errors.add('at', checkRequiredText(input.at, 40));
    if (readReport(doc).header === null) errors.add('period', 'required');
    const error = errors.done();
    if (error !== null) return err(error);
    // A deep copy: the caller's object must not stay shared with what the document holds.
    const figures = JSON.parse(JSON.stringify(input.figures)) as ReportFigures;
    const frozen: FrozenReport = { figures, narrative: readNarrative(doc), blocks: readNarrativeBlocks(doc) };
    const map = approvalMap(doc);
    map.set('chair', {
      by: input.by,
      at: input.at,
      ...(input.tablet === undefined ? {} : { tablet: input.tablet }),
      ...(input.signature === undefined ? {} : { signature: input.signature }),
    });
    map.set('frozen', frozen);
    return ok(frozen);
  });
}

/** The frozen figures as figure codes (summary and spreadsheet), or null before approval. */
export function frozenFigureCodes(view: ReportView): Record<string, number> | null {
  return view.frozen === null ? null : flattenReportFigures(view.frozen.figures);
}
