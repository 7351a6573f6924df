/**
 * The periodic report (issue 15 §2): `<clubId>/report/<reportId>`, committee-only.
 * `computeReportFigures(books, period)` → figures for a period from the club, health, money and care
 * books; `createReport` / `updateReportHeader` / `getReportSection` (rich-text fragments) /
 * `approveReport` (chair's signature, figures and narrative frozen); `reopenReport` (the chair, signed,
 * with a reason); `toApprovedReport` → the entry `publishApprovedReport` puts in the summary document.
 */
export {
  type ApproveReportInput,
  approveReport,
  type CreateReportInput,
  createReport,
  type FrozenReport,
  frozenFigureCodes,
  getReportSection,
  isReportApproved,
  newReportId,
  REPORT_SCHEMA_VERSION,
  REPORT_SECTIONS,
  type ReportApproval,
  type ReportError,
  type ReportHeader,
  type ReportId,
  type ReportSection,
  type ReportView,
  readNarrative,
  readNarrativeBlocks,
  readReport,
  reportDocName,
  updateReportHeader,
} from './report-doc';
export {
  computeReportFigures,
  flattenReportFigures,
  type ReportBooks,
  type ReportFigures,
} from './report-figures';
export { getReportSchemaStatus, migrateReport, REPORT_DOC_SCHEMA } from './report-migrations';
export {
  checkPeriod,
  REPORT_KINDS,
  type ReportKind,
  type ReportPeriod,
  reportIdFor,
  standardPeriod,
} from './report-period';
export {
  type ReopenReportInput,
  reopenReport,
  reportApprovalStatement,
  reportReopeningStatement,
  verifyReportApproval,
  verifyReportReopenings,
} from './report-reopen';
export type { ReportReopening } from './report-reopenings';
export { toApprovedReport } from './report-summary';
