import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { readClub } from '../src/club/read-club';
import { assignToGroup } from '../src/groups/group-commands';
import { addMeeting, setAttendance } from '../src/meetings/meeting-commands';
import { listPossibleDuplicates, mergeMembers } from '../src/roster/duplicates';
import { erasePersonalData, markMemberLeft, updateMember } from '../src/roster/member-commands';
import { getMember, listActiveMembers } from '../src/roster/member-queries';
import { addPerson, alice, bob, carol, newClub, TODAY, value } from './fixtures';
import { expectConvergence, forkPeers, permutations, syncAll } from './peers';

function clubWithLan() {
  const { doc } = newClub();
  const lan = addPerson(doc);
  return { doc, lan };
}

describe('peers helper', () => {
  it('enumerates every order', () => {
    expect(permutations([1, 2, 3])).toHaveLength(6);
    expect(new Set(permutations(['a', 'b', 'c']).map((p) => p.join(''))).size).toBe(6);
  });
});

describe('concurrent edits converge in every exchange order', () => {
  it('keeps concurrent edits to different fields of one member', () => {
    const { doc, lan } = clubWithLan();
    const [a, b] = forkPeers(doc, 2) as [Y.Doc, Y.Doc];
    value(updateMember(a, lan, { phone: '0987654321' }, alice, TODAY));
    value(updateMember(b, lan, { notes: 'Sống một mình' }, bob, TODAY));
    const view = expectConvergence([a, b]);
    expect(getMember(view, lan)).toMatchObject({ phone: '0987654321', notes: 'Sống một mình' });
  });

  it('keeps a concurrent markMemberLeft and an edit', () => {
    const { doc, lan } = clubWithLan();
    const [a, b] = forkPeers(doc, 2) as [Y.Doc, Y.Doc];
    value(markMemberLeft(a, lan, { on: '2026-03-01', reason: 'Chuyển đi' }, alice, TODAY));
    value(updateMember(b, lan, { phone: '0987654321', household: 'nearPoor' }, bob, TODAY));
    const view = expectConvergence([a, b]);
    expect(getMember(view, lan)).toMatchObject({
      left: { on: '2026-03-01', reason: 'Chuyển đi' },
      phone: '0987654321',
      household: 'nearPoor',
    });
  });

  it('keeps both members when two people assign to one group concurrently', () => {
    const { doc } = newClub();
    const lan = addPerson(doc);
    const an = addPerson(doc, { fullName: 'Trần Văn An' });
    const binh = addPerson(doc, { fullName: 'Lê Thị Bình' });
    const groupId = readClub(doc).groups[0]?.id;
    if (groupId === undefined) throw new Error('no group');
    const [a, b, c] = forkPeers(doc, 3) as [Y.Doc, Y.Doc, Y.Doc];
    value(assignToGroup(a, { groupId, memberId: lan }, alice));
    value(assignToGroup(b, { groupId, memberId: an }, bob));
    value(assignToGroup(c, { groupId, memberId: binh }, carol));
    const view = expectConvergence([a, b, c]);
    expect(view.groups[0]?.memberIds).toEqual([lan, an, binh].sort());
  });

  it('keeps attendance marked for different members by two secretaries at once', () => {
    const { doc, lan } = clubWithLan();
    const an = addPerson(doc, { fullName: 'Trần Văn An' });
    const meetingId = value(
      addMeeting(
        doc,
        { date: '2026-03-10', time: '', kind: 'regular', place: '', chairId: null, secretaryId: null },
        alice,
        TODAY,
      ),
    );
    const [a, b] = forkPeers(doc, 2) as [Y.Doc, Y.Doc];
    value(setAttendance(a, { meetingId, memberId: lan, status: 'present' }, alice));
    value(setAttendance(b, { meetingId, memberId: an, status: 'excused' }, bob));
    const view = expectConvergence([a, b]);
    expect(view.meetings[0]?.attendance).toEqual({ [lan]: 'present', [an]: 'excused' });
  });

  it('reports the same person added on two offline devices as a duplicate, and merge resolves it', () => {
    const { doc } = newClub();
    const [a, b] = forkPeers(doc, 2) as [Y.Doc, Y.Doc];
    const fromA = addPerson(a, { phone: '0912345678', birthYear: 1958 }, alice);
    const fromB = addPerson(
      b,
      { fullName: 'Nguyen Thi Lan', phone: '', birthYear: null, notes: 'Tổ 2' },
      bob,
    );
    const view = expectConvergence([a, b]);
    expect(view.members).toHaveLength(2);
    const [pair] = listPossibleDuplicates(view);
    expect(pair).toEqual(fromA < fromB ? { a: fromA, b: fromB } : { a: fromB, b: fromA });
    syncAll([a, b]);
    value(mergeMembers(b, { keepId: fromA, dropId: fromB }, bob));
    const merged = expectConvergence([a, b]);
    expect(listPossibleDuplicates(merged)).toEqual([]);
    expect(listActiveMembers(merged).map((m) => m.id)).toEqual([fromA]);
    expect(getMember(merged, fromA)).toMatchObject({ phone: '0912345678', notes: 'Tổ 2', birthYear: 1958 });
  });

  it('ends with exactly one record when two devices merge the same pair in opposite directions', () => {
    const { doc, lan } = clubWithLan();
    const twin = addPerson(doc);
    const [a, b] = forkPeers(doc, 2) as [Y.Doc, Y.Doc];
    value(mergeMembers(a, { keepId: lan, dropId: twin }, alice));
    value(mergeMembers(b, { keepId: twin, dropId: lan }, bob));
    const view = expectConvergence([a, b]);
    expect(listActiveMembers(view)).toHaveLength(1);
    expect(listActiveMembers(view)[0]?.id).toBe([lan, twin].sort()[0]);
  });

  it('counts attendance and group membership written offline for a record merged elsewhere', () => {
    const { doc, lan } = clubWithLan();
    const twin = addPerson(doc, { phone: '' });
    const groupId = readClub(doc).groups[0]?.id;
    const meetingId = value(
      addMeeting(
        doc,
        { date: '2026-03-10', time: '', kind: 'regular', place: '', chairId: null, secretaryId: null },
        alice,
        TODAY,
      ),
    );
    if (groupId === undefined) throw new Error('no group');
    const [a, b] = forkPeers(doc, 2) as [Y.Doc, Y.Doc];
    value(mergeMembers(a, { keepId: lan, dropId: twin }, alice));
    value(setAttendance(b, { meetingId, memberId: twin, status: 'present' }, bob));
    value(assignToGroup(b, { groupId, memberId: twin }, bob));
    const view = expectConvergence([a, b]);
    expect(view.meetings[0]?.attendance).toEqual({ [lan]: 'present' });
    expect(view.groups[0]?.memberIds).toEqual([lan]);
  });

  it('lets erasure win over a concurrent edit of the same person', () => {
    const { doc, lan } = clubWithLan();
    const [a, b] = forkPeers(doc, 2) as [Y.Doc, Y.Doc];
    value(erasePersonalData(a, lan, alice, TODAY));
    value(updateMember(b, lan, { phone: '0987654321', fullName: 'Nguyễn Thị Lan Anh' }, bob, TODAY));
    const view = expectConvergence([a, b]);
    expect(getMember(view, lan)).toMatchObject({ fullName: 'Đã xóa', phone: '' });
  });
});
