import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPerson, alice, bob, carol, newClub, TODAY, value } from '../../test/fixtures';
import { expectConvergence, forkPeers } from '../../test/peers';
import { readClub } from '../club/read-club';
import { addMeeting, updateMeeting } from '../meetings/meeting-commands';
import type { LocalOrigin } from '../origin/origin';
import { mergeMembers } from '../roster/duplicates';
import { updateMember } from '../roster/member-commands';
import { getMember } from '../roster/member-queries';
import { meetingsMap, membersMap, metaMap } from '../schema/layout';
import { migrateClub } from '../schema/migrations';
import { openClubTextField } from './club-text-fields';

const NOTE = 'Sống một mình.';
const ADDED = [' Cần thăm hỏi hàng tuần.', ' Con gái ở Hà Nội.', ' Hay quên uống thuốc.'];
const ORIGINS: LocalOrigin[] = [alice, bob, carol];

/** A club as the build before shared text wrote it: version 1, the note and the place plain strings. */
function versionOneClub() {
  const { doc } = newClub();
  const lan = addPerson(doc);
  const meeting = value(
    addMeeting(
      doc,
      {
        date: '2026-03-05',
        time: '08:00',
        kind: 'regular',
        place: 'Nhà văn hóa',
        chairId: null,
        secretaryId: null,
      },
      alice,
      TODAY,
    ),
  );
  doc.transact(
    () => {
      (membersMap(doc).get(lan) as Y.Map<unknown>).set('notes', NOTE);
      (meetingsMap(doc).get(meeting) as Y.Map<unknown>).set('place', 'Nhà văn hóa thôn Đông');
      metaMap(doc).set('schemaVersion', 1);
    },
    { type: 'remote', source: 'old-build' },
  );
  return { doc, lan, meeting };
}

describe('members’ notes and meetings’ places as shared text', () => {
  it('never doubles a note two or three tablets migrated offline, and keeps what each typed, in every order', () => {
    for (const count of [2, 3]) {
      const { doc, lan } = versionOneClub();
      const tablets = forkPeers(doc, count);
      tablets.forEach((tablet, i) => {
        expect(value(migrateClub(tablet)).applied).toEqual(['0002-shared-text']);
        const notes = openClubTextField(tablet, { kind: 'memberNotes', memberId: lan }, ORIGINS[i] ?? alice);
        for (const char of ADDED[i] ?? '') value(notes.applyDelta(notes.value().length, 0, char));
      });
      const view = expectConvergence(tablets);
      const notes = getMember(view, lan)?.notes ?? '';
      expect(notes.split(NOTE)).toHaveLength(2);
      for (const part of ADDED.slice(0, count)) expect(notes).toContain(part);
      expect(notes).toHaveLength(NOTE.length + ADDED.slice(0, count).join('').length);
    }
  });

  it('merges two forms saving a meeting’s place at once instead of keeping one', () => {
    const { doc, meeting } = versionOneClub();
    const [a, b] = forkPeers(doc, 2) as [Y.Doc, Y.Doc];
    value(migrateClub(a)); // b still reads the plain string: its save converts it the same way
    value(updateMeeting(a, meeting, { place: 'Hội trường nhà văn hóa thôn Đông' }, alice, TODAY));
    value(updateMeeting(b, meeting, { place: 'Nhà văn hóa thôn Đông, xã Tân Lập' }, bob, TODAY));
    const view = expectConvergence([a, b]);
    expect(view.meetings[0]?.place).toBe('Hội trường nhà văn hóa thôn Đông, xã Tân Lập');
  });

  it('writes nothing when a form saves an unchanged note, not even the conversion', () => {
    const { doc, lan } = versionOneClub();
    const before = Y.encodeStateVector(doc);
    value(updateMember(doc, lan, { notes: NOTE }, alice, TODAY));
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('leaves empty notes as they are on migration, and converts them on the first keystroke on every tablet alike', () => {
    const { doc } = newClub();
    const hoa = addPerson(doc, { fullName: 'Trần Thị Hoa' });
    doc.transact(
      () => {
        (membersMap(doc).get(hoa) as Y.Map<unknown>).set('notes', '');
        metaMap(doc).set('schemaVersion', 1);
      },
      { type: 'remote', source: 'old-build' },
    );
    const [a, b] = forkPeers(doc, 2) as [Y.Doc, Y.Doc];
    for (const tablet of [a, b]) value(migrateClub(tablet));
    expect((membersMap(a).get(hoa) as Y.Map<unknown>).get('notes')).toBe('');
    value(openClubTextField(a, { kind: 'memberNotes', memberId: hoa }, alice).applyDelta(0, 0, 'Lan: '));
    value(openClubTextField(b, { kind: 'memberNotes', memberId: hoa }, bob).applyDelta(0, 0, 'Hùng: '));
    const notes = getMember(expectConvergence([a, b]), hoa)?.notes ?? '';
    expect([...notes].sort().join('')).toBe([...'Lan: Hùng: '].sort().join(''));
  });

  it('fills an empty note from a merged duplicate by copying its text', () => {
    const { doc } = newClub();
    const keep = addPerson(doc, { notes: '' });
    const drop = addPerson(doc, { notes: 'Tổ 2' });
    value(mergeMembers(doc, { keepId: keep, dropId: drop }, alice));
    expect(getMember(readClub(doc), keep)?.notes).toBe('Tổ 2');
  });
});
