import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MemberId } from '../ids/ids';
import { localOrigin } from '../origin/origin';
import { publishApprovedReport, readSummary } from '../summary/summary-doc';
import {
  approveReport,
  createReport,
  getReportSection,
  type ReportId,
  readNarrative,
  readReport,
  updateReportHeader,
} from './report-doc';
import { computeReportFigures } from './report-figures';
import { CLUB, clubView, meeting, member } from './report-fixtures';
import { getReportSchemaStatus } from './report-migrations';
import { standardPeriod } from './report-period';
import { toApprovedReport } from './report-summary';

const REPORT = 'report-2026-h1-0001' as ReportId;
const CHAIR = 'member-chair-0001' as MemberId;
const lan = localOrigin({ id: 'tablet-lan', name: 'Lan' });
const hung = localOrigin({ id: 'tablet-hung', name: 'Hùng' });
const H1 = standardPeriod('halfYear', 2026, 1);

function ok<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function started(): Y.Doc {
  const doc = new Y.Doc();
  ok(createReport(doc, { clubId: CLUB, reportId: REPORT, period: H1, place: 'Yên Đồng' }, lan));
  return doc;
}

function write(doc: Y.Doc, section: 'strengths' | 'weaknesses', text: string, at = 0): void {
  doc.transact(() => {
    const fragment = getReportSection(doc, section);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    fragment.insert(Math.min(at, fragment.length), [paragraph]);
  }, lan);
}

const exchange = (from: Y.Doc, to: Y.Doc) =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

describe('the report document', () => {
  it('freezes the figures and narrative on approval: later books change nothing, edits are refused', () => {
    const doc = started();
    write(doc, 'strengths', 'Sinh hoạt đều đặn hằng tháng.');
    const members = [member('lan-000001')];
    const books = {
      club: clubView(members, [meeting('meet-2026-03', '2026-03-10', { 'lan-000001': 'present' })]),
      health: null,
      money: null,
      care: null,
    };
    const figures = computeReportFigures(books, H1);
    ok(approveReport(doc, { by: CHAIR, at: '2026-07-05T09:00:00.000Z', figures }, lan));

    // The books move on after approval: a new member, a meeting back-dated into the period.
    const later = clubView(
      [...members, member('new-000001', { joinedOn: '2026-05-01' })],
      [
        meeting('meet-2026-03', '2026-03-10', { 'lan-000001': 'present' }),
        meeting('meet-2026-05', '2026-05-10', { 'lan-000001': 'present' }),
      ],
    );
    expect(computeReportFigures({ ...books, club: later }, H1).meetings.held).toBe(2);
    const view = readReport(doc);
    expect(view.frozen?.figures.meetings.held).toBe(1);
    expect(view.frozen?.figures.members.joined).toBe(0);
    expect(view.frozen?.narrative.strengths).toBe('Sinh hoạt đều đặn hằng tháng.');
    expect(view.approval).toMatchObject({ by: CHAIR, at: '2026-07-05T09:00:00.000Z' });

    expect(updateReportHeader(doc, { number: '05/BC-CLB' }, lan)).toEqual({
      ok: false,
      error: { type: 'approved' },
    });
    expect(approveReport(doc, { by: CHAIR, at: '2026-07-06T09:00:00.000Z', figures }, lan).ok).toBe(false);
    // A stray keystroke reaching the fragment after approval does not reach what was signed.
    write(doc, 'strengths', 'Thêm sau.');
    expect(readReport(doc).frozen?.narrative.strengths).toBe('Sinh hoạt đều đặn hằng tháng.');
  });

  it('gives the summary the frozen figures and narrative only once approved', () => {
    const doc = started();
    expect(toApprovedReport(readReport(doc))).toBeNull();
    write(doc, 'weaknesses', 'Tỷ lệ hội viên vay vốn còn thấp.');
    const figures = computeReportFigures(
      { club: clubView([member('lan-000001')], []), health: null, money: null, care: null },
      H1,
    );
    ok(approveReport(doc, { by: CHAIR, at: '2026-07-05T09:00:00.000Z', figures }, lan));
    const entry = toApprovedReport(readReport(doc));
    expect(entry).toMatchObject({
      id: REPORT,
      kind: 'halfYear',
      from: '2026-01-01',
      to: '2026-06-30',
      approvedOn: '2026-07-05',
    });
    expect(entry?.figures['members.atEnd']).toBe(1);
    expect(entry?.narrative.weaknesses).toBe('Tỷ lệ hội viên vay vốn còn thấp.');

    const summary = new Y.Doc();
    if (entry === null) throw new Error('no entry');
    ok(publishApprovedReport(summary, entry, lan));
    expect(readSummary(summary).reports.map((r) => r.id)).toEqual([REPORT]);
  });

  it('is empty until started, current after', () => {
    const doc = new Y.Doc();
    expect(getReportSchemaStatus(doc)).toEqual({ type: 'empty' });
    ok(createReport(doc, { clubId: CLUB, reportId: REPORT, period: H1, place: '' }, lan));
    expect(getReportSchemaStatus(doc)).toEqual({ type: 'current' });
    expect(readReport(doc).readOnly).toBe(false);
  });

  it('refuses a period that ends before it starts and writes nothing', () => {
    const doc = new Y.Doc();
    const result = createReport(
      doc,
      {
        clubId: CLUB,
        reportId: REPORT,
        period: { kind: 'custom', from: '2026-06-01', to: '2026-01-01' },
        place: '',
      },
      lan,
    );
    expect(result).toEqual({ ok: false, error: { type: 'invalid', fields: { to: 'numberOrder' } } });
    expect(readReport(doc).header).toBeNull();
  });

  it('two tablets writing the same section offline keep both paragraphs, whichever update lands first', () => {
    const base = started();
    const forks = () => {
      // Fixed client ids: the merged order depends on them, and both delivery orders must agree.
      const a = new Y.Doc();
      const b = new Y.Doc();
      a.clientID = 101;
      b.clientID = 202;
      Y.applyUpdate(a, Y.encodeStateAsUpdate(base));
      Y.applyUpdate(b, Y.encodeStateAsUpdate(base));
      return [a, b] as const;
    };
    const results: string[] = [];
    for (const order of ['ab', 'ba']) {
      const [a, b] = forks();
      write(a, 'strengths', 'Chị Lan: các nhóm sinh hoạt đều.');
      b.transact(() => {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText('Anh Hùng: quỹ tăng trưởng tốt.')]);
        getReportSection(b, 'strengths').insert(0, [p]);
      }, hung);
      ok(createReport(b, { clubId: CLUB, reportId: REPORT, period: H1, place: 'Yên Đồng' }, hung));
      if (order === 'ab') {
        exchange(a, b);
        exchange(b, a);
      } else {
        exchange(b, a);
        exchange(a, b);
      }
      expect(readNarrative(a)).toEqual(readNarrative(b));
      results.push(readNarrative(a).strengths);
    }
    expect(results[0]).toBe(results[1]);
    expect(results[0]).toContain('Chị Lan: các nhóm sinh hoạt đều.');
    expect(results[0]).toContain('Anh Hùng: quỹ tăng trưởng tốt.');
  });
});
