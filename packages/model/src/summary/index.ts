/**
 * The summary document `<clubId>/summary` (issue 15 §1): figures only, for supervisors' viewer keys.
 * `computeSummary(club, health, money, now)` → `ClubSummary`; `writeSummary(doc, summary, origin)` writes
 * the changed figures; `readSummary(doc)` reads them back; `getSupervisorRow(summary, today)` gives one
 * club's line on the supervisor's screen; `publishApprovedReport` adds an approved report (§2).
 */
export { computeSummary } from './compute-summary';
export {
  getSummarySchemaStatus,
  publishApprovedReport,
  readSummary,
  SUMMARY_SCHEMA_VERSION,
  summaryDocName,
  type WriteSummaryResult,
  withdrawApprovedReport,
  writeSummary,
} from './summary-doc';
export {
  type Figure,
  type Figures,
  fromFigures,
  SUMMARY_SECTIONS,
  type SummarySection,
  toFigures,
} from './summary-figures';
export type {
  ApprovedReport,
  ClubSummary,
  MonthMeetings,
  SummaryClub,
  SummaryFundKind,
  SummaryGroup,
  SummaryHealth,
  SummaryMembers,
  SummaryMoney,
  SummaryTargets,
} from './summary-types';
export { SUMMARY_FUND_KINDS } from './summary-types';
export {
  getSupervisorRow,
  listAreaActivity,
  SUPERVISOR_TARGETS,
  type SupervisorRow,
  type SupervisorTarget,
} from './supervisor-row';
