import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alice, bob, value } from '../../test/fixtures';
import { AT, HUNG, LAN, MAI, newMinutes } from '../../test/minutes-fixtures';
import { deliver } from '../../test/peers';
import type { MemberId } from '../ids/ids';
import { approveMinutes, reopenMinutes } from '../minutes/approval';
import { getApprovedView } from '../minutes/late-changes';
import { updateMinutesHeader } from '../minutes/minutes-commands';
import { approvalMap, reopeningsArray } from '../minutes/minutes-layout';
import type { ApprovalRole } from '../minutes/minutes-types';
import { readMinutes, readMinutesContent } from '../minutes/read-minutes';
import type { LocalOrigin } from '../origin/origin';
import { canonicalStatement } from './canonical';
import { verifyMinutesSignatures } from './minutes-signatures';
import { readTabletKeys, registerTabletKey } from './tablet-keys';
import { newTestTablet, type TestTablet, verifyWithWebCrypto } from './test-keys';
import { approvalStatement, reopeningStatement } from './verify-signatures';

const LATER = '2026-03-21T09:00:00.000Z';
const TAB_A = 'tablet-a-0001';
const TAB_B = 'tablet-b-0002';

/** The client's order: read what the signer sees, sign it, then record it with the signature. */
async function sign(
  doc: Y.Doc,
  tablet: TestTablet,
  tabletId: string,
  role: ApprovalRole,
  by: MemberId,
  origin: LocalOrigin,
  at = AT,
) {
  const view = readMinutes(doc);
  const statement = approvalStatement(view, role, { by, at, tablet: tabletId }, readMinutesContent(doc));
  const signature = await tablet.sign(canonicalStatement(statement));
  return approveMinutes(doc, { role, by, at, tablet: tabletId, signature }, origin);
}

async function reopen(doc: Y.Doc, tablet: TestTablet, tabletId: string, by: MemberId, at = LATER) {
  const approved = getApprovedView(doc);
  if (approved === null) throw new Error('not approved');
  const view = readMinutes(doc);
  const reason = 'Ghi sai số tiền';
  const statement = reopeningStatement(view, { by, at, reason, tablet: tabletId }, approved);
  const signature = await tablet.sign(canonicalStatement(statement));
  return reopenMinutes(doc, { by, at, reason, tablet: tabletId, signature }, alice);
}

/** A club doc with both tablets' keys, and the minutes: what two tablets hold after syncing. */
async function setUp() {
  const club = new Y.Doc();
  const [a, b] = [await newTestTablet(), await newTestTablet()];
  value(registerTabletKey(club, { tablet: TAB_A, publicKey: a.publicKey, person: LAN, at: AT }, alice));
  value(registerTabletKey(club, { tablet: TAB_B, publicKey: b.publicKey, person: HUNG, at: AT }, bob));
  return { keys: () => readTabletKeys(club), a, b, club, minutes: newMinutes() };
}

describe('who may sign', () => {
  it('only the chair named in the minutes signs as chair, only the secretary as secretary', () => {
    const doc = newMinutes();
    expect(approveMinutes(doc, { role: 'chair', by: HUNG, at: AT }, bob)).toEqual({
      ok: false,
      error: { type: 'notSigner', role: 'chair' },
    });
    expect(approveMinutes(doc, { role: 'secretary', by: LAN, at: AT }, alice)).toEqual({
      ok: false,
      error: { type: 'notSigner', role: 'secretary' },
    });
    expect(approveMinutes(doc, { role: 'secretary', by: MAI, at: AT }, alice).ok).toBe(false);
    expect(readMinutes(doc).approval.chair).toBeNull();
    expect(readMinutes(doc).approval.secretary).toBeNull();
    // The header names the signers; a new chair signs once the header says so.
    value(updateMinutesHeader(doc, { chairId: MAI }, alice));
    expect(approveMinutes(doc, { role: 'chair', by: MAI, at: AT }, alice).ok).toBe(true);
  });

  it('only the chair or the secretary reopens, and the reopening is recorded under who did it', () => {
    const doc = newMinutes();
    value(approveMinutes(doc, { role: 'chair', by: LAN, at: AT }, alice));
    value(approveMinutes(doc, { role: 'secretary', by: HUNG, at: AT }, bob));
    expect(reopenMinutes(doc, { by: MAI, at: LATER, reason: 'x' }, alice)).toEqual({
      ok: false,
      error: { type: 'notSigner', role: 'reopen' },
    });
    value(reopenMinutes(doc, { by: HUNG, at: LATER, reason: 'Sửa số tiền' }, bob));
    expect(readMinutes(doc).reopenings.map((r) => r.by)).toEqual([HUNG]);
  });
});

describe('tablet keys', () => {
  it('a tablet keeps the key it registered: another key for the same tablet is refused', async () => {
    const { club, a, b } = await setUp();
    expect(
      registerTabletKey(club, { tablet: TAB_A, publicKey: b.publicKey, person: LAN, at: AT }, alice),
    ).toEqual({
      ok: false,
      error: { type: 'keyTaken' },
    });
    expect(readTabletKeys(club).get(TAB_A)?.publicKey).toBe(a.publicKey);
    expect(
      registerTabletKey(club, { tablet: 'x', publicKey: 'nope', person: LAN, at: AT }, alice),
    ).toMatchObject({
      ok: false,
      error: { type: 'invalid', fields: { tablet: 'required', publicKey: 'required' } },
    });
  });
});

describe('verifyMinutesSignatures', () => {
  it('approvals signed on two tablets verify on both, whichever order the updates arrive in', async () => {
    for (const order of ['a-first', 'b-first'] as const) {
      const { keys, a, b, minutes } = await setUp();
      const other = new Y.Doc({ gc: false });
      deliver(minutes, other);
      // Each tablet signs its own role on its own copy while apart.
      value(await sign(minutes, a, TAB_A, 'chair', LAN, alice));
      value(await sign(other, b, TAB_B, 'secretary', HUNG, bob));
      if (order === 'a-first') {
        deliver(minutes, other);
        deliver(other, minutes);
      } else {
        deliver(other, minutes);
        deliver(minutes, other);
      }
      for (const doc of [minutes, other]) {
        expect(readMinutes(doc).approval.pendingSeal).toBe(true);
        expect(await verifyMinutesSignatures(doc, keys(), verifyWithWebCrypto)).toEqual({
          chair: 'valid',
          secretary: 'valid',
          reopenings: [],
          redaction: null,
        });
      }
    }
  });

  it('sealed minutes: both signatures valid; a rewritten approval record or approved content is invalid', async () => {
    const { keys, a, b, minutes } = await setUp();
    value(await sign(minutes, b, TAB_B, 'secretary', HUNG, bob));
    expect(value(await sign(minutes, a, TAB_A, 'chair', LAN, alice, LATER))).toEqual({ approved: true });
    expect(readMinutes(minutes).approval.chair).toMatchObject({ by: LAN, tablet: TAB_A });
    expect(await verifyMinutesSignatures(minutes, keys(), verifyWithWebCrypto)).toEqual({
      chair: 'valid',
      secretary: 'valid',
      reopenings: [],
      redaction: null,
    });

    // An editor writes the record raw: another time, another tablet's signature, or none.
    const chair = approvalMap(minutes).get('chair') as Record<string, string>;
    approvalMap(minutes).set('chair', { ...chair, at: '2026-03-22T09:00:00.000Z' });
    expect((await verifyMinutesSignatures(minutes, keys(), verifyWithWebCrypto)).chair).toBe('invalid');
    const secretary = approvalMap(minutes).get('secretary') as Record<string, string>;
    approvalMap(minutes).set('chair', { ...chair, signature: secretary.signature });
    expect((await verifyMinutesSignatures(minutes, keys(), verifyWithWebCrypto)).chair).toBe('invalid');
    approvalMap(minutes).set('chair', {
      by: LAN,
      at: LATER,
      tablet: 'tablet-unknown',
      signature: chair.signature,
    });
    expect((await verifyMinutesSignatures(minutes, keys(), verifyWithWebCrypto)).chair).toBe('invalid');
    approvalMap(minutes).set('chair', { ...chair, signature: 'bm90IGEgc2lnbmF0dXJl' });
    expect((await verifyMinutesSignatures(minutes, keys(), verifyWithWebCrypto)).chair).toBe('invalid');
    approvalMap(minutes).set('chair', chair);
    expect((await verifyMinutesSignatures(minutes, keys(), verifyWithWebCrypto)).chair).toBe('valid');
  });

  it('an edit between the two signatures shows the first as invalid: it did not sign this text', async () => {
    const { keys, a, b, minutes } = await setUp();
    value(await sign(minutes, b, TAB_B, 'secretary', HUNG, bob));
    value(updateMinutesHeader(minutes, { place: 'Nhà ông Hùng' }, alice));
    value(await sign(minutes, a, TAB_A, 'chair', LAN, alice, LATER));
    expect(await verifyMinutesSignatures(minutes, keys(), verifyWithWebCrypto)).toMatchObject({
      chair: 'valid',
      secretary: 'invalid',
    });
  });

  it('a signed reopening verifies against the approved state it reopened; records from before signing are unsigned', async () => {
    const { keys, a, b, minutes } = await setUp();
    value(await sign(minutes, b, TAB_B, 'secretary', HUNG, bob));
    value(await sign(minutes, a, TAB_A, 'chair', LAN, alice, LATER));
    value(await reopen(minutes, b, TAB_B, HUNG, '2026-03-25T08:00:00.000Z'));
    value(updateMinutesHeader(minutes, { place: 'Nhà ông Hùng' }, alice));
    expect(readMinutes(minutes).reopenings[0]).toMatchObject({ by: HUNG, tablet: TAB_B });
    expect((await verifyMinutesSignatures(minutes, keys(), verifyWithWebCrypto)).reopenings).toEqual([
      'valid',
    ]);
    const raw = reopeningsArray(minutes).get(0) as Record<string, string>;
    reopeningsArray(minutes).delete(0);
    reopeningsArray(minutes).insert(0, [{ ...raw, by: LAN }]);
    expect((await verifyMinutesSignatures(minutes, keys(), verifyWithWebCrypto)).reopenings).toEqual([
      'invalid',
    ]);

    const old = newMinutes();
    value(approveMinutes(old, { role: 'chair', by: LAN, at: AT }, alice));
    expect((await verifyMinutesSignatures(old, keys(), verifyWithWebCrypto)).chair).toBe('unsigned');
  });
});
