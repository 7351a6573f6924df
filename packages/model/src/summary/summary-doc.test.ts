import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alice, bob, value } from '../../test/fixtures';
import { deliver } from '../../test/peers';
import {
  getSummarySchemaStatus,
  publishApprovedReport,
  readSummary,
  SUMMARY_SCHEMA_VERSION,
  summaryDocName,
  withdrawApprovedReport,
} from './summary-doc';
import type { ApprovedReport } from './summary-types';

const REPORT: ApprovedReport = {
  id: 'report-2026-h1',
  kind: 'halfYear',
  from: '2026-01-01',
  to: '2026-06-30',
  approvedOn: '2026-07-05',
  figures: { 'members.total': 58, 'meetings.held': 6 },
  narrative: { strengths: 'Sinh hoạt đều đặn hằng tháng.', proposals: 'Đề nghị hỗ trợ thêm vốn.' },
};

describe('approved reports in the summary', () => {
  it('names the document under the club', () => {
    expect(summaryDocName('club-dong-0001' as never)).toBe('club-dong-0001/summary');
    expect(SUMMARY_SCHEMA_VERSION).toBe(1);
  });

  it('publishes a report once; the same approval from a second tablet changes nothing', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    value(publishApprovedReport(a, REPORT, alice));
    value(publishApprovedReport(b, REPORT, bob));
    deliver(a, b);
    deliver(b, a);
    expect(readSummary(a).reports).toEqual([REPORT]);
    expect(readSummary(b).reports).toEqual([REPORT]);
    value(publishApprovedReport(a, { ...REPORT, figures: { 'members.total': 99 } }, alice));
    expect(readSummary(a).reports[0]?.figures['members.total']).toBe(58);
  });

  it('withdraws a reopened report until its next approval, which a stale tablet cannot undo', () => {
    const a = new Y.Doc();
    const stale = new Y.Doc();
    value(publishApprovedReport(a, REPORT, alice));
    deliver(a, stale);
    value(withdrawApprovedReport(a, { id: REPORT.id, revision: 0 }, alice));
    expect(readSummary(a).reports).toEqual([]);
    // A tablet that has not seen the reopening publishes the first approval again: it stays withdrawn.
    value(publishApprovedReport(stale, REPORT, bob));
    deliver(a, stale);
    deliver(stale, a);
    expect(readSummary(a).reports).toEqual([]);
    const second = { ...REPORT, approvedOn: '2026-07-20', figures: { 'members.total': 60 }, revision: 1 };
    value(publishApprovedReport(stale, second, bob));
    deliver(stale, a);
    expect(readSummary(a).reports).toEqual([second]);
    // Withdrawing the first approval again (a late tablet) leaves the second in place.
    value(withdrawApprovedReport(a, { id: REPORT.id, revision: 0 }, alice));
    expect(readSummary(a).reports).toEqual([second]);
  });

  it('refuses a report with a bad id or date and writes nothing', () => {
    const doc = new Y.Doc();
    expect(publishApprovedReport(doc, { ...REPORT, id: 'x' }, alice).ok).toBe(false);
    expect(publishApprovedReport(doc, { ...REPORT, from: '01/01/2026' }, alice).ok).toBe(false);
    expect(readSummary(doc).reports).toEqual([]);
  });

  it('skips a stored report an older or broken peer wrote in another shape', () => {
    const doc = new Y.Doc();
    doc.getMap('reports').set('report-broken-1', { kind: 'year', figures: 'many' });
    expect(readSummary(doc).reports).toEqual([]);
  });
});

describe('getSummarySchemaStatus', () => {
  it('is empty before the first write and reports a newer layout so an older tablet leaves it', () => {
    const doc = new Y.Doc();
    expect(getSummarySchemaStatus(doc)).toEqual({ type: 'empty' });
    doc.getMap('meta').set('schemaVersion', SUMMARY_SCHEMA_VERSION + 1);
    expect(getSummarySchemaStatus(doc)).toEqual({ type: 'newer', version: SUMMARY_SCHEMA_VERSION + 1 });
  });
});
