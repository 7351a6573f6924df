import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alice, bob, value } from '../../test/fixtures';
import { AT, HUNG, LAN, newMinutes, typeAt, typeParagraph } from '../../test/minutes-fixtures';
import { addActionItem, addMoneyEntry } from '../minutes/action-commands';
import { addAgendaItem, updateAgendaItem } from '../minutes/agenda-commands';
import { approveMinutes } from '../minutes/approval';
import { getApprovedView, listChangesAfterApproval } from '../minutes/late-changes';
import { updateMinutesHeader } from '../minutes/minutes-commands';
import type { AgendaItemId } from '../minutes/minutes-layout';
import { readMinutes } from '../minutes/read-minutes';
import { findInMinutes, readRedactions } from '../minutes/redaction';
import { captureVersion } from '../minutes/versions';
import { lastRedactionStatement, rewriteMinutes, signLastRedaction } from './rewrite-minutes';

const NAME = 'Trần Thị Bưởi';
const NOBODY = { chair: null, secretary: null, reopenings: [] } as const;
/** UTF-8 bytes, as Yjs writes strings (the model's tests run without DOM or Node typings). */
function utf8(s: string): number[] {
  const out: number[] = [];
  for (const c of s) {
    const p = c.codePointAt(0) ?? 0;
    if (p < 0x80) out.push(p);
    else if (p < 0x800) out.push(0xc0 | (p >> 6), 0x80 | (p & 63));
    else if (p < 0x10000) out.push(0xe0 | (p >> 12), 0x80 | ((p >> 6) & 63), 0x80 | (p & 63));
    else out.push(0xf0 | (p >> 18), 0x80 | ((p >> 12) & 63), 0x80 | ((p >> 6) & 63), 0x80 | (p & 63));
  }
  return out;
}

function holds(bytes: Uint8Array, needle: string): boolean {
  const n = utf8(needle);
  outer: for (let i = 0; i + n.length <= bytes.length; i++) {
    for (let j = 0; j < n.length; j++) if (bytes[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

/** Minutes with the name typed in every kind of field, then edited over and over (history). */
function minutesNamingHer(): { doc: Y.Doc; item: AgendaItemId } {
  const doc = newMinutes();
  value(updateMinutesHeader(doc, { recipients: `- Bà ${NAME}\n- Lưu: CLB` }, alice));
  const item = value(addAgendaItem(doc, { title: `Thăm bà ${NAME}`, decisions: 'Tặng quà' }, alice));
  typeParagraph(doc, item, 'Chị Bưởi ốm.');
  typeAt(doc, item, 0, `Bà ${NAME.toUpperCase()} `);
  value(addActionItem(doc, { what: `Đến nhà tran thi buoi`, responsibleId: HUNG, due: null }, alice));
  value(
    addMoneyEntry(doc, { kind: 'other', memberId: null, amount: 200_000, note: `Quà cho ${NAME}` }, alice),
  );
  // A sentence with the name typed and then deleted: only the history holds it.
  value(updateAgendaItem(doc, item, { decisions: `Tặng quà, ${NAME} cảm ơn` }, alice));
  value(updateAgendaItem(doc, item, { decisions: 'Tặng quà' }, alice));
  value(captureVersion(doc, { by: 'alice', at: AT, label: 'nháp' }, alice));
  return { doc, item };
}

describe('rewriteMinutes', () => {
  it('finds the name in every field, with or without diacritics', () => {
    const { doc } = minutesNamingHer();
    const kinds = findInMinutes(doc, NAME).map(
      (o) => `${o.place.kind}:${'field' in o.place ? o.place.field : ''}`,
    );
    expect(kinds.sort()).toEqual(
      ['action:', 'agenda:body', 'agenda:title', 'header:recipients', 'money:'].sort(),
    );
    expect(findInMinutes(doc, 'Thị Bư')).toEqual([]);
  });

  it('writes a new doc whose bytes hold no erased word, and no history', () => {
    const { doc } = minutesNamingHer();
    expect(holds(Y.encodeStateAsUpdate(doc), 'Bưởi cảm ơn')).toBe(true);
    const rewritten = value(
      rewriteMinutes(doc, { terms: [NAME], by: LAN, at: AT, tablet: 't1', vouched: NOBODY }, alice),
    );
    const bytes = Y.encodeStateAsUpdate(rewritten.doc);
    for (const word of [NAME, NAME.toUpperCase(), 'tran thi buoi', 'cảm ơn'])
      expect(holds(bytes, word)).toBe(false);
    expect(rewritten.count).toBe(5);
    const view = readMinutes(rewritten.doc);
    expect(view.agenda[0]?.title).toBe('Thăm bà [đã xóa]');
    expect(view.agenda[0]?.bodyText).toBe('Bà [đã xóa] Chị Bưởi ốm.');
    expect(view.actions[0]?.what).toBe('Đến nhà [đã xóa]');
    expect(view.header.recipients).toBe('- Bà [đã xóa]\n- Lưu: CLB');
    expect(view.versions).toEqual([]);
    expect(readRedactions(rewritten.doc)).toMatchObject([{ by: LAN, at: AT, count: 5, tablet: 't1' }]);
    // Everything else reads as before.
    const before = readMinutes(doc);
    expect(view.header.place).toBe(before.header.place);
    expect(view.money.map((m) => m.amount)).toEqual([200_000]);
  });

  it('keeps approved minutes approved, with the approved text redacted and later changes still listed', () => {
    const { doc, item } = minutesNamingHer();
    value(approveMinutes(doc, { role: 'secretary', by: HUNG, at: AT }, bob));
    value(approveMinutes(doc, { role: 'chair', by: LAN, at: AT }, alice));
    // A tablet that never saw the approval types into the body: a late change.
    const late = new Y.Doc({ gc: false });
    Y.applyUpdate(late, Y.encodeStateAsUpdate(doc));
    late.transact(() => late.getMap('minutes').set('place', 'Nhà ông Hùng'), bob);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(late));
    const rewritten = value(
      rewriteMinutes(doc, { terms: [NAME], by: LAN, at: AT, vouched: NOBODY }, alice),
    ).doc;
    const view = readMinutes(rewritten);
    expect(view.approval.status).toBe('approved');
    expect(getApprovedView(rewritten)?.agenda[0]?.title).toBe('Thăm bà [đã xóa]');
    expect(listChangesAfterApproval(rewritten).map((c) => c.key)).toEqual(['place']);
    expect(holds(Y.encodeStateAsUpdate(rewritten), 'Bưởi')).toBe(true); // "Chị Bưởi" alone is not her full name
    expect(holds(Y.encodeStateAsUpdate(rewritten), NAME)).toBe(false);
    expect(item).toBeDefined();
  });

  it('signs the last redaction over the content as redacted', () => {
    const { doc } = minutesNamingHer();
    const rewritten = value(
      rewriteMinutes(doc, { terms: [NAME], by: LAN, at: AT, tablet: 't1', vouched: NOBODY }, alice),
    ).doc;
    const statement = lastRedactionStatement(rewritten);
    expect(statement?.statement).toContain('[đã xóa]');
    expect(statement?.statement).not.toContain('Bưởi cảm');
    expect(signLastRedaction(rewritten, 'c2lnbg', alice)).toBe(true);
    expect(readRedactions(rewritten)[0]?.signature).toBe('c2lnbg');
    // The signature is not part of what it signs.
    expect(lastRedactionStatement(rewritten)?.statement).toBe(statement?.statement);
  });

  it('rewrites minutes whose current text no longer holds the name, to shed the history that does', () => {
    const doc = newMinutes();
    const item = value(addAgendaItem(doc, { title: 'Thăm hỏi', decisions: `Bà ${NAME} ốm` }, alice));
    value(updateAgendaItem(doc, item, { decisions: 'Đã thăm' }, alice));
    expect(findInMinutes(doc, NAME)).toEqual([]);
    expect(holds(Y.encodeStateAsUpdate(doc), NAME)).toBe(true);
    const rewritten = value(rewriteMinutes(doc, { terms: [NAME], by: LAN, at: AT, vouched: NOBODY }, alice));
    expect(rewritten.count).toBe(0);
    expect(holds(Y.encodeStateAsUpdate(rewritten.doc), NAME)).toBe(false);
    expect(readRedactions(rewritten.doc)).toEqual([]);
    expect(readMinutes(rewritten.doc).agenda[0]?.decisions).toBe('Đã thăm');
  });
});
