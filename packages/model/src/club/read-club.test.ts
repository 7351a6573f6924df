import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPerson, newClub } from '../../test/fixtures';
import { groupsMap, meetingsMap, membersMap, profileMap, settingsMap } from '../schema/layout';
import { NATIONAL_TARGETS } from '../schema/types';
import { readClub } from './read-club';

describe('readClub', () => {
  it('reads an empty doc as a blank club without throwing', () => {
    const view = readClub(new Y.Doc());
    expect(view.id).toBeNull();
    expect(view.schemaVersion).toBe(0);
    expect(view.readOnly).toBe(false);
    expect(view.profile.kind).toBe('other');
    expect(view.settings).toEqual(NATIONAL_TARGETS);
    expect(view.members).toEqual([]);
  });

  it('replaces bad or missing values an older peer wrote with defaults', () => {
    const { doc } = newClub();
    const id = addPerson(doc);
    doc.transact(() => {
      const member = membersMap(doc).get(id);
      member?.set('gender', 'robot');
      member?.set('birthYear', '1950');
      member?.delete('household');
      member?.set('joinedOn', '10/01/2024');
      profileMap(doc).set('kind', 42);
      settingsMap(doc).set('olderAge', 'sixty');
      membersMap(doc).set('junk', 'not a map' as never);
    });
    const view = readClub(doc);
    expect(view.members).toHaveLength(1);
    const member = view.members[0];
    expect(member?.gender).toBe('other');
    expect(member?.birthYear).toBeNull();
    expect(member?.household).toBe('none');
    expect(member?.joinedOn).toBeNull();
    expect(view.profile.kind).toBe('other');
    expect(view.settings.olderAge).toBe(60);
  });

  it('sorts members by given name, groups by order and meetings newest first', () => {
    const { doc } = newClub({ kind: 'other' });
    addPerson(doc, { fullName: 'Nguyễn Thị Lan' });
    addPerson(doc, { fullName: 'Trần Văn An' });
    addPerson(doc, { fullName: 'Lê Thị Bình' });
    doc.transact(() => {
      for (const [id, order, date] of [
        ['g2', 2, '2025-02-01'],
        ['g1', 1, '2025-03-01'],
        ['g3', 3, '2025-01-01'],
      ] as const) {
        const group = new Y.Map<unknown>();
        group.set('name', id);
        group.set('order', order);
        group.set('members', new Y.Map());
        groupsMap(doc).set(id, group);
        const meeting = new Y.Map<unknown>();
        meeting.set('date', date);
        meeting.set('attendance', new Y.Map());
        meetingsMap(doc).set(`m-${id}`, meeting);
      }
    });
    const view = readClub(doc);
    expect(view.members.map((m) => m.fullName)).toEqual(['Trần Văn An', 'Lê Thị Bình', 'Nguyễn Thị Lan']);
    expect(view.groups.map((g) => g.id)).toEqual(['g1', 'g2', 'g3']);
    expect(view.meetings.map((m) => m.date)).toEqual(['2025-03-01', '2025-02-01', '2025-01-01']);
  });

  it('drops attendance marks that are not a known status', () => {
    const { doc } = newClub({ kind: 'other' });
    doc.transact(() => {
      const attendance = new Y.Map<unknown>();
      attendance.set('x1', 'present');
      attendance.set('x2', 'late');
      const meeting = new Y.Map<unknown>();
      meeting.set('date', '2025-01-01');
      meeting.set('attendance', attendance);
      meetingsMap(doc).set('m1', meeting);
    });
    expect(readClub(doc).meetings[0]?.attendance).toEqual({ x1: 'present' });
  });
});
