import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alice, bob, value } from '../../test/fixtures';
import { AT, HUNG, LAN, newMinutes } from '../../test/minutes-fixtures';
import { approveMinutes } from '../minutes/approval';
import { readMinutes, readMinutesContent } from '../minutes/read-minutes';
import { canonicalStatement } from './canonical';
import { pinTabletKeys } from './key-pins';
import { verifyMinutesSignatures } from './minutes-signatures';
import { readTabletKeys, registerTabletKey, tabletKeysMap } from './tablet-keys';
import { newTestTablet, verifyWithWebCrypto } from './test-keys';
import { approvalStatement } from './verify-signatures';

const TAB_A = 'tablet-a-0001';
const TAB_B = 'tablet-b-0002';

describe('pinning the keys a tablet first saw', () => {
  it('pins new tablets and flags nothing while every key stays the same', async () => {
    const club = new Y.Doc();
    const [a, b] = [await newTestTablet(), await newTestTablet()];
    value(registerTabletKey(club, { tablet: TAB_A, publicKey: a.publicKey, person: LAN, at: AT }, alice));
    const first = pinTabletKeys(new Map(), readTabletKeys(club));
    expect([...first.pins]).toEqual([[TAB_A, a.publicKey]]);
    value(registerTabletKey(club, { tablet: TAB_B, publicKey: b.publicKey, person: HUNG, at: AT }, bob));
    const second = pinTabletKeys(first.pins, readTabletKeys(club));
    expect(second.pins.get(TAB_B)).toBe(b.publicKey);
    expect(second.changed.size).toBe(0);
  });

  it('flags a key swapped by a raw write, keeps the first key, and the forged approval fails', async () => {
    const club = new Y.Doc();
    const [honest, forger] = [await newTestTablet(), await newTestTablet()];
    value(
      registerTabletKey(club, { tablet: TAB_A, publicKey: honest.publicKey, person: LAN, at: AT }, alice),
    );
    const seen = pinTabletKeys(new Map(), readTabletKeys(club)).pins;

    // The forger rewrites the register past the command's check, then signs as the chair's tablet.
    tabletKeysMap(club).set(TAB_A, { publicKey: forger.publicKey, person: LAN, at: AT });
    const minutes = newMinutes();
    const statement = approvalStatement(
      readMinutes(minutes),
      'chair',
      { by: LAN, at: AT, tablet: TAB_A },
      readMinutesContent(minutes),
    );
    const signature = await forger.sign(canonicalStatement(statement));
    value(approveMinutes(minutes, { role: 'chair', by: LAN, at: AT, tablet: TAB_A, signature }, alice));

    // Checked against the register alone, the forgery passes: that is what the pin is for.
    const unpinned = await verifyMinutesSignatures(minutes, readTabletKeys(club), verifyWithWebCrypto);
    expect(unpinned.chair).toBe('valid');
    const pinned = pinTabletKeys(seen, readTabletKeys(club));
    expect([...pinned.changed]).toEqual([TAB_A]);
    expect(pinned.pins.get(TAB_A)).toBe(honest.publicKey);
    const status = await verifyMinutesSignatures(minutes, pinned.keys, verifyWithWebCrypto);
    expect(status.chair).toBe('invalid');
  });
});
