import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPerson, alice, bob, newClub, TODAY, value } from '../../test/fixtures';
import { deliver, forkPeers } from '../../test/peers';
import type { MemberId } from '../ids/ids';
import { addMeeting, setAttendance } from '../meetings/meeting-commands';
import { mergeMembers } from '../roster/duplicates';
import { updateMember } from '../roster/member-commands';
import { membersMap } from '../schema/layout';
import { openClubTextField } from '../text/club-text-fields';
import { followClub } from './club-follower';
import { readClub } from './read-club';

/** A club of `size` members and one meeting where every member is marked present. */
function clubOf(size: number) {
  const { doc } = newClub();
  const ids: MemberId[] = [];
  doc.transact(() => {
    for (let i = 0; i < size; i++) ids.push(addPerson(doc, { fullName: `Nguyễn Văn Số ${i}` }));
  }, alice);
  const meetingId = value(
    addMeeting(
      doc,
      { date: TODAY, time: '08:00', kind: 'regular', place: '', chairId: null, secretaryId: null },
      alice,
      TODAY,
    ),
  );
  doc.transact(() => {
    for (const memberId of ids) setAttendance(doc, { meetingId, memberId, status: 'present' }, alice);
  }, alice);
  return { doc, ids, meetingId };
}

describe('followClub', () => {
  it.each([70, 700])('validates one mark, not the club, when a mark changes in a club of %i', (size) => {
    const { doc, ids, meetingId } = clubOf(size);
    const follower = followClub(doc);
    const memberId = ids[size - 1] as MemberId;
    setAttendance(doc, { meetingId, memberId, status: 'absent' }, alice);
    const changes = follower.flush();
    expect(changes.validated).toBe(1);
    expect(changes.marks).toEqual([{ meetingId, memberId, status: 'absent' }]);
    expect(changes.meetings).toEqual({ changed: [], order: null });
    expect(changes.members).toEqual({ changed: [], order: null });
    expect(changes.resolvedAgain).toBe(false);
    expect(follower.view()).toEqual(readClub(doc));
  });

  it.each([70, 700])(
    'patches only that record when a character is typed in a note or a place, in a club of %i',
    (size) => {
      const { doc, ids, meetingId } = clubOf(size);
      const follower = followClub(doc);
      const memberId = ids[3] as MemberId;
      const notes = openClubTextField(doc, { kind: 'memberNotes', memberId }, alice);
      value(notes.applyDelta(0, 0, 'S'));
      let changes = follower.flush();
      expect(changes.validated).toBe(1);
      expect(changes.members).toEqual({
        changed: [expect.objectContaining({ id: memberId, notes: 'S' })],
        order: null,
      });
      // A remote keystroke: a Y.Text event deep in the record, not a key of it.
      const [other] = forkPeers(doc, 1) as [Y.Doc];
      value(openClubTextField(other, { kind: 'memberNotes', memberId }, bob).applyDelta(1, 0, 'ống'));
      value(openClubTextField(other, { kind: 'meetingPlace', meetingId }, bob).applyDelta(0, 0, 'Nhà'));
      deliver(other, doc);
      changes = follower.flush();
      expect(changes.validated).toBe(2);
      expect(changes.members.changed.map((m) => m.notes)).toEqual(['Sống']);
      expect(changes.meetings.changed.map((m) => m.place)).toEqual(['Nhà']);
      expect(changes.marks).toEqual([]);
      expect(follower.view()).toEqual(readClub(doc));
    },
  );

  it('moves a renamed member to its sorted place and reports the new order', () => {
    const { doc } = newClub();
    const an = addPerson(doc, { fullName: 'Trần Văn An' });
    const binh = addPerson(doc, { fullName: 'Lê Thị Bình' });
    const follower = followClub(doc);
    value(updateMember(doc, an, { fullName: 'Phạm Văn Đức' }, alice, TODAY));
    const changes = follower.flush();
    expect(changes.members.order).toEqual([binh, an]);
    expect(changes.members.changed.map((m) => m.fullName)).toEqual(['Phạm Văn Đức']);
    expect(changes.validated).toBe(1);
    expect(follower.view()).toEqual(readClub(doc));
  });

  it('resolves references again when the record others were merged into arrives after the merge', () => {
    const { doc } = newClub();
    const x = addPerson(doc, { fullName: 'Nguyễn Thị Lan' });
    const [a, b, c] = forkPeers(doc, 3) as [Y.Doc, Y.Doc, Y.Doc];
    const z = addPerson(b, { fullName: 'Nguyễn Thị Lan' }, bob);
    deliver(b, c);
    // Only the marker, so that a can integrate it before z: mergeMembers also writes into z's record.
    c.transact(() => membersMap(c).get(x)?.set('mergedInto', z), alice);
    const follower = followClub(a);
    // Only c's own edit: the merge names z, which a has not seen yet.
    Y.applyUpdate(a, Y.encodeStateAsUpdate(c, Y.encodeStateVector(b)));
    follower.flush();
    expect(follower.view().members.find((m) => m.id === x)?.mergedInto).toBeNull();
    deliver(b, a);
    const changes = follower.flush();
    expect(changes.resolvedAgain).toBe(true);
    expect(follower.view().members.find((m) => m.id === x)?.mergedInto).toBe(z);
    expect(follower.view()).toEqual(readClub(a));
  });

  it('resolves references again when the record others were merged into disappears', () => {
    const { doc } = newClub();
    const x = addPerson(doc, { fullName: 'Nguyễn Thị Lan' });
    const z = addPerson(doc, { fullName: 'Nguyễn Thị Lan' });
    value(mergeMembers(doc, { keepId: z, dropId: x }, alice));
    const follower = followClub(doc);
    doc.transact(() => membersMap(doc).delete(z), alice);
    expect(follower.flush().resolvedAgain).toBe(true);
    expect(follower.view()).toEqual(readClub(doc));
    expect(follower.view().members.map((m) => [m.id, m.mergedInto])).toEqual([[x, null]]);
  });

  it('calls onChange once per batch and nothing after stop', () => {
    const { doc } = newClub();
    let calls = 0;
    const follower = followClub(doc, () => calls++);
    addPerson(doc);
    addPerson(doc);
    expect(calls).toBe(1);
    follower.flush();
    addPerson(doc);
    expect(calls).toBe(2);
    follower.stop();
    follower.flush();
    addPerson(doc);
    expect(calls).toBe(2);
    expect(follower.pending()).toBe(false);
  });
});
