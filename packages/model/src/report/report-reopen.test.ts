import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MemberId } from '../ids/ids';
import { localOrigin } from '../origin/origin';
import type { TabletKey } from '../signatures/tablet-keys';
import { newTestTablet, verifyWithWebCrypto } from '../signatures/test-keys';
import {
  approveReport,
  createReport,
  getReportSection,
  type ReportId,
  readNarrative,
  readNarrativeBlocks,
  readReport,
} from './report-doc';
import { computeReportFigures } from './report-figures';
import { CLUB, clubView } from './report-fixtures';
import { standardPeriod } from './report-period';
import {
  reopenReport,
  reportApprovalStatement,
  reportReopeningStatement,
  verifyReportApproval,
  verifyReportReopenings,
} from './report-reopen';

const REPORT = 'report-2026-h1-0001' as ReportId;
const CHAIR = 'member-chair-0001' as MemberId;
const SECRETARY = 'member-secr-0001' as MemberId;
const lan = localOrigin({ id: 'tablet-lan', name: 'Lan' });
const H1 = standardPeriod('halfYear', 2026, 1);
const books = { club: clubView([], []), health: null, money: null, care: null };

function approved(): Y.Doc {
  const doc = new Y.Doc();
  createReport(doc, { clubId: CLUB, reportId: REPORT, period: H1, place: 'Yên Đồng' }, lan);
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, 'Sinh hoạt đều đặn', { bold: true });
    paragraph.insert(0, [text]);
    getReportSection(doc, 'strengths').insert(0, [paragraph]);
  }, lan);
  approveReport(
    doc,
    { by: CHAIR, at: '2026-07-05T09:00:00.000Z', figures: computeReportFigures(books, H1) },
    lan,
  );
  return doc;
}

async function signedReopen(doc: Y.Doc, tablet: Awaited<ReturnType<typeof newTestTablet>>) {
  const signed = { by: CHAIR, at: '2026-07-06T08:00:00.000Z', reason: 'Sửa số liệu quỹ', tablet: 'tab-1' };
  const text = reportReopeningStatement(readReport(doc), signed);
  if (text === null) throw new Error('not approved');
  const signature = await tablet.sign(text);
  return reopenReport(doc, { ...signed, chairId: CHAIR, signature }, lan);
}

describe('reopening an approved report', () => {
  it('keeps the formatting of the approved narrative for the print', () => {
    const blocks = readReport(approved()).frozen?.blocks?.strengths;
    expect(blocks).toEqual([
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'Sinh hoạt đều đặn', bold: true, italic: false, underline: false }],
      },
    ]);
  });

  it('records the chair, the reason and what was frozen, and lets the report be edited and approved again', async () => {
    const doc = approved();
    const tablet = await newTestTablet();
    expect(await signedReopen(doc, tablet)).toEqual({ ok: true, value: undefined });
    const view = readReport(doc);
    expect(view.approval).toBeNull();
    expect(view.frozen).toBeNull();
    expect(view.reopenings).toHaveLength(1);
    expect(view.reopenings[0]).toMatchObject({
      by: CHAIR,
      reason: 'Sửa số liệu quỹ',
      approvedAt: '2026-07-05T09:00:00.000Z',
      tablet: 'tab-1',
    });
    expect(view.reopenings[0]?.reopened).toMatchObject({ narrative: { strengths: 'Sinh hoạt đều đặn' } });
    const again = approveReport(
      doc,
      { by: CHAIR, at: '2026-07-07T09:00:00.000Z', figures: computeReportFigures(books, H1) },
      lan,
    );
    expect(again.ok).toBe(true);
  });

  it('checks the signature against the registered key: valid, then invalid once the record is rewritten', async () => {
    const doc = approved();
    const tablet = await newTestTablet();
    await signedReopen(doc, tablet);
    const keys = new Map<string, TabletKey>([
      [
        'tab-1',
        { tablet: 'tab-1', publicKey: tablet.publicKey, person: CHAIR, at: '2026-07-01T00:00:00.000Z' },
      ],
    ]);
    expect(await verifyReportReopenings(readReport(doc), keys, verifyWithWebCrypto)).toEqual(['valid']);
    // Someone edits the raw doc: the reason of the recorded reopening is no longer what was signed.
    const record = doc.getArray('reopenings').get(0) as Record<string, unknown>;
    doc.transact(() => {
      doc.getArray('reopenings').delete(0);
      doc.getArray('reopenings').insert(0, [{ ...record, reason: 'Không có lý do' }]);
    });
    expect(await verifyReportReopenings(readReport(doc), keys, verifyWithWebCrypto)).toEqual(['invalid']);
    expect(await verifyReportReopenings(readReport(doc), new Map(), verifyWithWebCrypto)).toEqual([
      'invalid',
    ]);
  });

  it('checks the chair’s approval signature over exactly what was frozen', async () => {
    const doc = new Y.Doc();
    createReport(doc, { clubId: CLUB, reportId: REPORT, period: H1, place: 'Yên Đồng' }, lan);
    const tablet = await newTestTablet();
    const figures = computeReportFigures(books, H1);
    const signed = { by: CHAIR, at: '2026-07-05T09:00:00.000Z', tablet: 'tab-1' };
    const frozen = { figures, narrative: readNarrative(doc), blocks: readNarrativeBlocks(doc) };
    const signature = await tablet.sign(reportApprovalStatement(readReport(doc), signed, frozen));
    approveReport(doc, { ...signed, figures, signature }, lan);
    const keys = new Map<string, TabletKey>([
      ['tab-1', { tablet: 'tab-1', publicKey: tablet.publicKey, person: CHAIR, at: signed.at }],
    ]);
    expect(await verifyReportApproval(readReport(doc), keys, verifyWithWebCrypto)).toBe('valid');
    // The frozen figures rewritten in the raw doc no longer match what the chair signed.
    const stored = doc.getMap('approval').get('frozen') as { figures: { meetings: object } };
    doc
      .getMap('approval')
      .set('frozen', { ...stored, figures: { ...stored.figures, meetings: { held: 9 } } });
    expect(await verifyReportApproval(readReport(doc), keys, verifyWithWebCrypto)).toBe('invalid');
    expect(await verifyReportApproval(readReport(approved()), keys, verifyWithWebCrypto)).toBe('unsigned');
  });

  it('refuses anyone but the chair, a missing reason, and a report that is not approved', () => {
    const doc = approved();
    const base = { at: '2026-07-06T08:00:00.000Z', reason: 'Sửa', chairId: CHAIR };
    expect(reopenReport(doc, { ...base, by: SECRETARY }, lan)).toEqual({
      ok: false,
      error: { type: 'notSigner', role: 'reopen' },
    });
    expect(reopenReport(doc, { ...base, by: CHAIR, chairId: null }, lan).ok).toBe(false);
    const noReason = reopenReport(doc, { ...base, by: CHAIR, reason: '  ' }, lan);
    expect(noReason.ok === false && noReason.error.type).toBe('invalid');
    expect(readReport(doc).frozen).not.toBeNull();
    expect(reopenReport(doc, { ...base, by: CHAIR }, lan).ok).toBe(true);
    expect(reopenReport(doc, { ...base, by: CHAIR }, lan)).toEqual({
      ok: false,
      error: { type: 'notApproved' },
    });
  });

  it('keeps both reopenings made on two tablets at once, and both tablets end unapproved', () => {
    const a = approved();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const input = { by: CHAIR, chairId: CHAIR, at: '2026-07-06T08:00:00.000Z' };
    reopenReport(a, { ...input, reason: 'Sửa số liệu' }, lan);
    reopenReport(b, { ...input, reason: 'Thêm phần kiến nghị' }, lan);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) {
      expect(
        readReport(doc)
          .reopenings.map((r) => r.reason)
          .sort(),
      ).toEqual(['Sửa số liệu', 'Thêm phần kiến nghị']);
      expect(readReport(doc).frozen).toBeNull();
    }
  });
});
