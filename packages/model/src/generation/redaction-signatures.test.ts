import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alice, bob, value } from '../../test/fixtures';
import { AT, HUNG, LAN, newMinutes } from '../../test/minutes-fixtures';
import { addAgendaItem } from '../minutes/agenda-commands';
import { approveMinutes } from '../minutes/approval';
import { getApprovedView } from '../minutes/late-changes';
import { agendaItemsMap, headerMap } from '../minutes/minutes-layout';
import type { ApprovalRole } from '../minutes/minutes-types';
import { readMinutes, readMinutesContent } from '../minutes/read-minutes';
import { canonicalStatement } from '../signatures/canonical';
import { verifyMinutesSignatures } from '../signatures/minutes-signatures';
import { readTabletKeys, registerTabletKey } from '../signatures/tablet-keys';
import { newTestTablet, type TestTablet, verifyWithWebCrypto } from '../signatures/test-keys';
import { approvalStatement } from '../signatures/verify-signatures';
import { lastRedactionStatement, rewriteMinutes, signLastRedaction } from './rewrite-minutes';

const NAME = 'Trần Thị Bưởi';
const TAB_A = 'tablet-a-0001';
const TAB_B = 'tablet-b-0002';

async function sign(doc: Y.Doc, tablet: TestTablet, tabletId: string, role: ApprovalRole, by: typeof LAN) {
  const statement = approvalStatement(
    readMinutes(doc),
    role,
    { by, at: AT, tablet: tabletId },
    readMinutesContent(doc),
  );
  const signature = await tablet.sign(canonicalStatement(statement));
  value(
    approveMinutes(doc, { role, by, at: AT, tablet: tabletId, signature }, role === 'chair' ? alice : bob),
  );
}

/** Approved minutes naming her, signed by both tablets, then redacted and rewritten on tablet A. */
async function redactedApproved() {
  const club = new Y.Doc();
  const [a, b] = [await newTestTablet(), await newTestTablet()];
  value(registerTabletKey(club, { tablet: TAB_A, publicKey: a.publicKey, person: LAN, at: AT }, alice));
  value(registerTabletKey(club, { tablet: TAB_B, publicKey: b.publicKey, person: HUNG, at: AT }, bob));
  const minutes = newMinutes();
  value(addAgendaItem(minutes, { title: `Thăm bà ${NAME}`, decisions: 'Tặng quà' }, alice));
  await sign(minutes, b, TAB_B, 'secretary', HUNG);
  await sign(minutes, a, TAB_A, 'chair', LAN);
  const before = await verifyMinutesSignatures(minutes, readTabletKeys(club), verifyWithWebCrypto);
  const { chair, secretary } = readMinutes(minutes).approval;
  const vouched = {
    chair: chair && before.chair ? { record: chair, status: before.chair } : null,
    secretary: secretary && before.secretary ? { record: secretary, status: before.secretary } : null,
    reopenings: [],
  };
  const rewritten = value(
    rewriteMinutes(minutes, { terms: [NAME], by: LAN, at: AT, tablet: TAB_A, vouched }, alice),
  ).doc;
  const statement = lastRedactionStatement(rewritten);
  if (statement === null) throw new Error('no redaction');
  signLastRedaction(rewritten, await a.sign(statement.statement), alice);
  return { rewritten, keys: () => readTabletKeys(club) };
}

describe('signatures over redacted minutes', () => {
  it('a recorded redaction is legitimate: the approvals read as before, signed off by the redactor', async () => {
    const { rewritten, keys } = await redactedApproved();
    expect(getApprovedView(rewritten)?.agenda[0]?.title).toBe('Thăm bà [đã xóa]');
    expect(await verifyMinutesSignatures(rewritten, keys(), verifyWithWebCrypto)).toEqual({
      chair: 'valid',
      secretary: 'valid',
      reopenings: [],
      redaction: { by: LAN, at: AT, count: 1, status: 'valid' },
    });
  });

  it('any other change to the approved text reads "chữ ký không hợp lệ"', async () => {
    const { rewritten, keys } = await redactedApproved();
    // An editor writes the approved state raw: the seal's snapshot is of the new doc, so rewrite a title
    // and seal again over it, as a forger would.
    const title = (agendaItemsMap(rewritten).values().next().value as Y.Map<unknown>).get('title') as Y.Text;
    rewritten.transact(() => title.insert(0, 'Không '), bob);
    const seal = { snapshot: Y.encodeSnapshot(Y.snapshot(rewritten)), at: AT };
    rewritten.transact(() => rewritten.getMap('approval').set('seal', seal), bob);
    expect(await verifyMinutesSignatures(rewritten, keys(), verifyWithWebCrypto)).toMatchObject({
      chair: 'invalid',
      secretary: 'invalid',
      redaction: { status: 'invalid' },
    });
  });

  it('a redaction record rewritten by hand (another count) is invalid too', async () => {
    const { rewritten, keys } = await redactedApproved();
    const array = rewritten.getArray<Record<string, unknown>>('redactions');
    const record = array.get(0);
    rewritten.transact(() => {
      array.delete(0, 1);
      array.insert(0, [{ ...record, count: 2 }]);
    }, bob);
    expect(await verifyMinutesSignatures(rewritten, keys(), verifyWithWebCrypto)).toMatchObject({
      chair: 'invalid',
      secretary: 'invalid',
    });
    expect(headerMap(rewritten).size).toBeGreaterThan(0);
  });
});
