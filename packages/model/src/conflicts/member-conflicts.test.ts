import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addPerson, alice, bob, carol, newClub, TODAY, value } from '../../test/fixtures';
import { deliver, expectConvergence, forkPeers, syncAll } from '../../test/peers';
import { readClub } from '../club/read-club';
import type { MemberId } from '../ids/ids';
import type { LocalOrigin } from '../origin/origin';
import { erasePersonalData, updateMember } from '../roster/member-commands';
import { getMember } from '../roster/member-queries';
import { membersMap } from '../schema/layout';
import { resolveMemberConflict } from './member-conflicts';

const LAN_PHONE = '0912 345 678';
const HOA_PHONE = '0987 654 321';

function club() {
  const { doc } = newClub();
  const lan = addPerson(doc, { phone: '0900000000' });
  return { doc, lan };
}

function setPhone(doc: Y.Doc, id: MemberId, phone: string, origin: LocalOrigin, at: string): void {
  value(updateMember(doc, id, { phone }, origin, TODAY, at));
}

function conflictsOf(doc: Y.Doc, id: MemberId) {
  return getMember(readClub(doc), id)?.conflicts ?? [];
}

describe('single values two tablets set differently while apart', () => {
  it('keeps both phones and flags them on every tablet, in every order, with who and when', () => {
    const { doc, lan } = club();
    const [a, b] = forkPeers(doc, 2) as [Y.Doc, Y.Doc];
    setPhone(a, lan, LAN_PHONE, alice, '2026-03-20T10:02:00.000Z');
    setPhone(b, lan, HOA_PHONE, bob, '2026-03-20T10:05:00.000Z');
    const view = expectConvergence([a, b]);
    const member = getMember(view, lan);
    expect(member?.conflicts).toEqual([
      {
        field: 'phone',
        options: [
          expect.objectContaining({ value: LAN_PHONE, name: 'Lan', at: '2026-03-20T10:02:00.000Z' }),
          expect.objectContaining({ value: HOA_PHONE, name: 'Hùng', at: '2026-03-20T10:05:00.000Z' }),
        ],
      },
    ]);
    // Yjs shows one of them; the other is still offered.
    expect([LAN_PHONE, HOA_PHONE]).toContain(member?.phone);
  });

  it('flags three different values from three tablets, and two values when two of them agree', () => {
    for (const [phones, count] of [
      [[LAN_PHONE, HOA_PHONE, '0911 111 111'], 3],
      [[LAN_PHONE, HOA_PHONE, LAN_PHONE], 2],
    ] as const) {
      const { doc, lan } = club();
      const tablets = forkPeers(doc, 3);
      tablets.forEach((tablet, i) => {
        setPhone(tablet, lan, phones[i] ?? '', [alice, bob, carol][i] ?? alice, `2026-03-20T10:0${i}:00Z`);
      });
      const conflict = getMember(expectConvergence(tablets), lan)?.conflicts?.[0];
      expect(conflict?.options).toHaveLength(count);
    }
  });

  it('never flags the same value set on two tablets, nor a field only one tablet changed', () => {
    const { doc, lan } = club();
    const [a, b, c] = forkPeers(doc, 3) as [Y.Doc, Y.Doc, Y.Doc];
    setPhone(a, lan, LAN_PHONE, alice, '2026-03-20T10:02:00Z');
    setPhone(b, lan, LAN_PHONE, bob, '2026-03-20T10:03:00Z');
    value(updateMember(c, lan, { birthYear: 1957 }, carol, TODAY, '2026-03-20T10:04:00Z'));
    const member = getMember(expectConvergence([a, b, c]), lan);
    expect(member?.conflicts).toBeUndefined();
    expect(member).toMatchObject({ phone: LAN_PHONE, birthYear: 1957 });
  });

  it('never flags a change made after seeing the other tablet’s', () => {
    const { doc, lan } = club();
    const [a, b] = forkPeers(doc, 2) as [Y.Doc, Y.Doc];
    setPhone(a, lan, LAN_PHONE, alice, '2026-03-20T10:02:00Z');
    deliver(a, b);
    setPhone(b, lan, HOA_PHONE, bob, '2026-03-20T10:05:00Z');
    setPhone(b, lan, LAN_PHONE, bob, '2026-03-20T10:06:00Z');
    const member = getMember(expectConvergence([a, b]), lan);
    expect(member?.conflicts).toBeUndefined();
    expect(member?.phone).toBe(LAN_PHONE);
    // A settled field keeps one recorded write.
    const keys = [...(membersMap(b).get(lan) as Y.Map<unknown>).keys()].filter((k) => k.startsWith('write/'));
    expect(keys).toHaveLength(1);
  });

  it('resolves on every tablet once someone chooses, whichever value Yjs showed', () => {
    for (const choose of [0, 1]) {
      const { doc, lan } = club();
      const [a, b, c] = forkPeers(doc, 3) as [Y.Doc, Y.Doc, Y.Doc];
      setPhone(a, lan, LAN_PHONE, alice, '2026-03-20T10:02:00Z');
      setPhone(b, lan, HOA_PHONE, bob, '2026-03-20T10:05:00Z');
      syncAll([a, b, c]);
      const option = conflictsOf(c, lan)[0]?.options[choose];
      if (option === undefined) throw new Error('no conflict');
      value(
        resolveMemberConflict(
          c,
          { memberId: lan, field: 'phone', writeId: option.id },
          carol,
          '2026-03-20T10:09:00Z',
        ),
      );
      const member = getMember(expectConvergence([a, b, c]), lan);
      expect(member?.conflicts).toBeUndefined();
      expect(member?.phone).toBe(option.value);
    }
  });

  it('flags again when two tablets choose differently at once, and not when they choose alike', () => {
    for (const [first, second, flagged] of [
      [0, 1, true],
      [1, 1, false],
    ] as const) {
      const { doc, lan } = club();
      const [a, b] = forkPeers(doc, 2) as [Y.Doc, Y.Doc];
      setPhone(a, lan, LAN_PHONE, alice, '2026-03-20T10:02:00Z');
      setPhone(b, lan, HOA_PHONE, bob, '2026-03-20T10:05:00Z');
      syncAll([a, b]);
      const options = conflictsOf(a, lan)[0]?.options ?? [];
      const pick = (i: number) => options[i]?.id ?? '';
      value(
        resolveMemberConflict(
          a,
          { memberId: lan, field: 'phone', writeId: pick(first) },
          alice,
          '2026-03-20T11:00:00Z',
        ),
      );
      value(
        resolveMemberConflict(
          b,
          { memberId: lan, field: 'phone', writeId: pick(second) },
          bob,
          '2026-03-20T11:01:00Z',
        ),
      );
      expect(getMember(expectConvergence([a, b]), lan)?.conflicts !== undefined).toBe(flagged);
    }
  });

  it('refuses a choice that is no longer on offer', () => {
    const { doc, lan } = club();
    expect(
      resolveMemberConflict(doc, { memberId: lan, field: 'phone', writeId: 'gone' }, alice, TODAY),
    ).toEqual({
      ok: false,
      error: { type: 'notFound', id: 'gone' },
    });
  });

  it('erases the recorded values with the member, so no old phone stays behind', () => {
    const { doc, lan } = club();
    const [a, b] = forkPeers(doc, 2) as [Y.Doc, Y.Doc];
    setPhone(a, lan, LAN_PHONE, alice, '2026-03-20T10:02:00Z');
    setPhone(b, lan, HOA_PHONE, bob, '2026-03-20T10:05:00Z');
    syncAll([a, b]);
    value(erasePersonalData(a, lan, alice, TODAY));
    syncAll([a, b]);
    expect(getMember(readClub(b), lan)?.conflicts).toBeUndefined();
    expect(JSON.stringify((membersMap(b).get(lan) as Y.Map<unknown>).toJSON())).not.toMatch(
      /0912345678|0987654321/,
    );
  });
});
