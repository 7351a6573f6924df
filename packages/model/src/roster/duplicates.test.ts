import { describe, expect, it } from 'vitest';
import { addPerson, alice, newClub, TODAY, value } from '../../test/fixtures';
import { readClub } from '../club/read-club';
import { assignToGroup, setGroupLeader } from '../groups/group-commands';
import type { MemberId } from '../ids/ids';
import { addMeeting, setAttendance } from '../meetings/meeting-commands';
import { dismissDuplicate, duplicatePairKey, listPossibleDuplicates, mergeMembers } from './duplicates';
import { erasePersonalData, markMemberLeft, recordConsent } from './member-commands';
import { getMember, listActiveMembers } from './member-queries';

function twoLans() {
  const { doc } = newClub();
  const keep = addPerson(doc, { phone: '', notes: '', birthYear: null, role: 'none' });
  const drop = addPerson(doc, {
    phone: '0912345678',
    notes: 'Nhà gần chợ',
    birthYear: 1958,
    role: 'treasurer',
  });
  return { doc, keep, drop };
}

describe('mergeMembers', () => {
  it("fills the kept record's empty fields from the dropped one and keeps the dropped record", () => {
    const { doc, keep, drop } = twoLans();
    value(recordConsent(doc, drop, { givenOn: '2026-01-05', recordedBy: 'Mai' }, alice));
    value(mergeMembers(doc, { keepId: keep, dropId: drop }, alice));
    const view = readClub(doc);
    expect(getMember(view, keep)).toMatchObject({
      phone: '0912345678',
      notes: 'Nhà gần chợ',
      birthYear: 1958,
      role: 'treasurer',
      consent: { givenOn: '2026-01-05', recordedBy: 'Mai' },
    });
    expect(getMember(view, drop)?.mergedInto).toBe(keep);
    expect(listActiveMembers(view).map((m) => m.id)).toEqual([keep]);
    expect(listPossibleDuplicates(view)).toEqual([]);
  });

  it("never overwrites the kept record's own values", () => {
    const { doc } = newClub();
    const keep = addPerson(doc, { phone: '0911111111' });
    const drop = addPerson(doc, { phone: '0922222222' });
    value(mergeMembers(doc, { keepId: keep, dropId: drop }, alice));
    expect(getMember(readClub(doc), keep)?.phone).toBe('0911111111');
  });

  it('moves group membership, leadership, attendance and meeting roles to the kept record', () => {
    const { doc, keep, drop } = twoLans();
    const [g1, g2] = readClub(doc).groups;
    if (g1 === undefined || g2 === undefined) throw new Error('groups missing');
    value(setGroupLeader(doc, g1.id, drop, alice));
    value(assignToGroup(doc, { groupId: g2.id, memberId: drop }, alice));
    value(assignToGroup(doc, { groupId: g2.id, memberId: keep }, alice));
    const meeting = value(
      addMeeting(
        doc,
        { date: '2026-03-01', time: '08:00', kind: 'regular', place: '', chairId: drop, secretaryId: drop },
        alice,
        TODAY,
      ),
    );
    const other = value(
      addMeeting(
        doc,
        { date: '2026-02-01', time: '', kind: 'regular', place: '', chairId: null, secretaryId: null },
        alice,
        TODAY,
      ),
    );
    value(setAttendance(doc, { meetingId: meeting, memberId: drop, status: 'present' }, alice));
    value(setAttendance(doc, { meetingId: other, memberId: keep, status: 'excused' }, alice));
    value(setAttendance(doc, { meetingId: other, memberId: drop, status: 'present' }, alice));
    value(mergeMembers(doc, { keepId: keep, dropId: drop }, alice));
    const view = readClub(doc);
    const groups = new Map(view.groups.map((g) => [g.id, g]));
    expect(groups.get(g1.id)).toMatchObject({ leaderId: keep, memberIds: [keep] });
    expect(groups.get(g2.id)?.memberIds).toEqual([keep]);
    const meetings = new Map(view.meetings.map((m) => [m.id, m]));
    expect(meetings.get(meeting)).toMatchObject({
      chairId: keep,
      secretaryId: keep,
      attendance: { [keep]: 'present' },
    });
    expect(meetings.get(other)?.attendance).toEqual({ [keep]: 'excused' });
  });

  it('rejects merging a member into itself or an unknown member', () => {
    const { doc, keep } = twoLans();
    expect(mergeMembers(doc, { keepId: keep, dropId: keep }, alice).ok).toBe(false);
    const ghost = 'ghost-member-01' as MemberId;
    expect(mergeMembers(doc, { keepId: keep, dropId: ghost }, alice)).toEqual({
      ok: false,
      error: { type: 'notFound', id: ghost },
    });
  });
});

describe('dismissDuplicate', () => {
  it('stores the sorted pair once, whichever order it is given in', () => {
    const { doc, keep, drop } = twoLans();
    expect(listPossibleDuplicates(readClub(doc))).toHaveLength(1);
    value(dismissDuplicate(doc, { a: drop, b: keep }, alice));
    value(dismissDuplicate(doc, { a: keep, b: drop }, alice));
    const view = readClub(doc);
    expect(view.dismissedDuplicates).toEqual([duplicatePairKey(keep, drop)]);
    expect(view.dismissedDuplicates[0]).toBe(keep < drop ? `${keep}|${drop}` : `${drop}|${keep}`);
    expect(listPossibleDuplicates(view)).toEqual([]);
  });

  it('rejects a pair of one member or an unknown member', () => {
    const { doc, keep } = twoLans();
    expect(dismissDuplicate(doc, { a: keep, b: keep }, alice).ok).toBe(false);
    expect(dismissDuplicate(doc, { a: keep, b: 'nobody-at-all' as MemberId }, alice)).toEqual({
      ok: false,
      error: { type: 'notFound', id: 'nobody-at-all' },
    });
  });
});

describe('listPossibleDuplicates', () => {
  it('pairs members whose names match without diacritics and whose birth years agree or are unknown', () => {
    const { doc } = newClub();
    const a = addPerson(doc, { fullName: 'Nguyễn Thị Lan', birthYear: 1958 });
    const b = addPerson(doc, { fullName: 'nguyen thi  lan', birthYear: null });
    addPerson(doc, { fullName: 'Nguyễn Thị Lan', birthYear: 1970 });
    addPerson(doc, { fullName: 'Trần Văn An' });
    const pairs = listPossibleDuplicates(readClub(doc));
    expect(pairs).toContainEqual(a < b ? { a, b } : { a: b, b: a });
    // 1958 vs 1970 are different people; the unknown year pairs with both.
    expect(pairs).toHaveLength(2);
    for (const pair of pairs) expect(pair.a < pair.b).toBe(true);
  });

  it('ignores members who left and erased records', () => {
    const { doc } = newClub();
    const a = addPerson(doc);
    addPerson(doc);
    value(markMemberLeft(doc, a, { on: TODAY, reason: '' }, alice, TODAY));
    expect(listPossibleDuplicates(readClub(doc))).toEqual([]);
    const x = addPerson(doc, { fullName: 'Lê Văn Tám' });
    const y = addPerson(doc, { fullName: 'Phạm Thị Mơ' });
    value(erasePersonalData(doc, x, alice, TODAY));
    value(erasePersonalData(doc, y, alice, TODAY));
    // Both now read 'Đã xóa', yet they are two different people.
    expect(listPossibleDuplicates(readClub(doc))).toEqual([]);
  });
});
