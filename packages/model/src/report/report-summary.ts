import type { ApprovedReport } from '../summary/summary-types';
import { frozenFigureCodes, type ReportView } from './report-doc';

/**
 * The report's entry for the supervisors' summary document: the frozen figures and narrative only,
 * nothing from the draft. The tablet that approves passes it to `publishApprovedReport(summaryDoc, …)`
 * in summary-doc.ts. Null until the chair has approved.
 */
export function toApprovedReport(view: ReportView): ApprovedReport | null {
  const figures = frozenFigureCodes(view);
  if (view.header === null || view.approval === null || view.frozen === null || figures === null) return null;
  return {
    id: view.header.reportId,
    kind: view.header.period.kind,
    from: view.header.period.from,
    to: view.header.period.to,
    approvedOn: view.approval.at.slice(0, 10),
    figures,
    narrative: { ...view.frozen.narrative },
    revision: view.reopenings.length,
  };
}
