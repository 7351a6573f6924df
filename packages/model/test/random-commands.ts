import fc from 'fast-check';
import type * as Y from 'yjs';
import { updateProfile, updateSettings } from '../src/club/club-commands';
import { readClub } from '../src/club/read-club';
import {
  addGroup,
  assignToGroup,
  removeFromGroup,
  renameGroup,
  restoreGroup,
  retireGroup,
  setGroupLeader,
} from '../src/groups/group-commands';
import type { GroupId, MeetingId, MemberId } from '../src/ids/ids';
import { addMeeting, setAttendance, updateMeeting } from '../src/meetings/meeting-commands';
import type { LocalOrigin } from '../src/origin/origin';
import { dismissDuplicate, mergeMembers } from '../src/roster/duplicates';
import {
  addMember,
  erasePersonalData,
  markMemberLeft,
  recordConsent,
  rejoinMember,
  updateMember,
  withdrawConsent,
} from '../src/roster/member-commands';
import { getRecord, membersMap } from '../src/schema/layout';
import { openClubTextField } from '../src/text/club-text-fields';
import { addPerson, alice, memberInput, newClub, TODAY } from './fixtures';

/** Random commands for the convergence property: arbitraries, an interpreter and the shared starting club. */

export interface Base {
  readonly members: MemberId[];
  readonly groups: GroupId[];
  readonly meetings: MeetingId[];
}

const idx = fc.nat(9);
const name = fc.constantFrom(
  'Nguyễn Thị Lan',
  'Trần Văn An',
  'Lê Thị Bình',
  'nguyen thi lan',
  'Phạm Văn Đức',
);
const text = fc.constantFrom('', 'thôn Đông', 'thôn Tây', 'Ghi chú');
const phone = fc.constantFrom('', '0912345678', '0987 654 321', 'sai');
const status = fc.constantFrom('present', 'excused', 'absent', null);

/** One command with random arguments; indices pick from the shared base records so peers really conflict. */
export const command = fc.oneof(
  fc.record({ t: fc.constant('add' as const), name, phone }),
  fc.record({
    t: fc.constant('edit' as const),
    m: idx,
    name,
    phone,
    notes: text,
    year: fc.option(fc.integer({ min: 1930, max: 2000 })),
  }),
  fc.record({ t: fc.constant('left' as const), m: idx, on: fc.boolean() }),
  fc.record({ t: fc.constant('consent' as const), m: idx, on: fc.boolean() }),
  fc.record({ t: fc.constant('erase' as const), m: idx }),
  fc.record({ t: fc.constant('merge' as const), m: idx, n: idx }),
  fc.record({ t: fc.constant('dismiss' as const), m: idx, n: idx }),
  fc.record({ t: fc.constant('assign' as const), g: idx, m: idx, on: fc.boolean() }),
  fc.record({ t: fc.constant('leader' as const), g: idx, m: fc.option(idx) }),
  fc.record({
    t: fc.constant('group' as const),
    g: idx,
    op: fc.constantFrom('add', 'rename', 'retire', 'restore'),
  }),
  fc.record({ t: fc.constant('meeting' as const), k: idx, add: fc.boolean(), place: text }),
  fc.record({ t: fc.constant('mark' as const), k: idx, m: idx, status }),
  // Re-dating moves a meeting in the newest-first list; the secretary is another reference merges resolve.
  fc.record({
    t: fc.constant('redate' as const),
    k: idx,
    m: fc.option(idx),
    date: fc.constantFrom('2025-12-31', '2026-01-10', '2026-02-10', '2026-03-01'),
    time: fc.constantFrom('', '08:00', '14:30'),
  }),
  fc.record({ t: fc.constant('settings' as const), olderAge: fc.integer({ min: 35, max: 85 }), name: text }),
  // Keystrokes in a shared text field (a note or a place), at any place in it, as a text box sends them.
  fc.record({
    t: fc.constant('type' as const),
    m: idx,
    k: fc.option(idx),
    at: fc.nat(40),
    del: fc.nat(3),
    insert: fc.constantFrom('', 'a', 'ố', ' thăm', 'Đ'),
  }),
  // An old build's write of the whole note as a plain string, over the shared text.
  fc.record({ t: fc.constant('plainNote' as const), m: idx, notes: text }),
);
export type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

/** A step is a command on one peer, or a partial sync from one peer to another mid-way. */
export const step = fc.oneof(
  { weight: 5, arbitrary: fc.record({ peer: fc.nat(2), command }) },
  { weight: 1, arbitrary: fc.record({ from: fc.nat(2), to: fc.nat(2) }) },
);

function pick<T>(items: readonly T[], i: number): T {
  const item = items[i % items.length];
  if (item === undefined) throw new Error('empty base');
  return item;
}

export function run(doc: Y.Doc, base: Base, c: Command, origin: LocalOrigin): void {
  const m = 'm' in c && typeof c.m === 'number' ? pick(base.members, c.m) : pick(base.members, 0);
  switch (c.t) {
    case 'add':
      return void addMember(doc, memberInput({ fullName: c.name, phone: c.phone }), origin, TODAY);
    case 'edit':
      return void updateMember(
        doc,
        m,
        { fullName: c.name, phone: c.phone, notes: c.notes, birthYear: c.year },
        origin,
        TODAY,
      );
    case 'left':
      return void (c.on
        ? markMemberLeft(doc, m, { on: TODAY, reason: 'Đi xa' }, origin, TODAY)
        : rejoinMember(doc, m, origin));
    case 'consent':
      return void (c.on
        ? recordConsent(doc, m, { givenOn: TODAY, recordedBy: origin.author.name }, origin)
        : withdrawConsent(doc, m, origin));
    case 'erase':
      return void erasePersonalData(doc, m, origin, TODAY);
    case 'merge':
      return void mergeMembers(doc, { keepId: m, dropId: pick(base.members, c.n) }, origin);
    case 'dismiss':
      return void dismissDuplicate(doc, { a: m, b: pick(base.members, c.n) }, origin);
    case 'assign': {
      const input = { groupId: pick(base.groups, c.g), memberId: m };
      return void (c.on ? assignToGroup(doc, input, origin) : removeFromGroup(doc, input, origin));
    }
    case 'leader':
      return void setGroupLeader(
        doc,
        pick(base.groups, c.g),
        c.m === null ? null : pick(base.members, c.m),
        origin,
      );
    case 'group': {
      const g = pick(base.groups, c.g);
      if (c.op === 'add') return void addGroup(doc, { name: 'Nhóm mới' }, origin);
      if (c.op === 'rename') return void renameGroup(doc, g, `Nhóm ${origin.author.name}`, origin);
      return void (c.op === 'retire' ? retireGroup(doc, g, TODAY, origin) : restoreGroup(doc, g, origin));
    }
    case 'meeting': {
      const input = {
        date: TODAY,
        time: '08:00',
        kind: 'regular' as const,
        place: c.place,
        chairId: m,
        secretaryId: null,
      };
      return void (c.add
        ? addMeeting(doc, input, origin, TODAY)
        : updateMeeting(doc, pick(base.meetings, c.k), { place: c.place, chairId: m }, origin, TODAY));
    }
    case 'mark':
      return void setAttendance(
        doc,
        { meetingId: pick(base.meetings, c.k), memberId: m, status: c.status },
        origin,
      );
    case 'redate':
      return void updateMeeting(
        doc,
        pick(base.meetings, c.k),
        { date: c.date, time: c.time, secretaryId: c.m === null ? null : pick(base.members, c.m) },
        origin,
        TODAY,
      );
    case 'settings':
      updateSettings(doc, { olderAge: c.olderAge }, origin);
      return void updateProfile(doc, { hamlet: c.name }, origin, TODAY);
    case 'type': {
      const field = openClubTextField(
        doc,
        c.k === null
          ? { kind: 'memberNotes', memberId: m }
          : { kind: 'meetingPlace', meetingId: pick(base.meetings, c.k) },
        origin,
      );
      return void field.applyDelta(c.at % (field.value().length + 1), c.del, c.insert);
    }
    case 'plainNote':
      return void doc.transact(() => getRecord(membersMap(doc), m)?.set('notes', c.notes), {
        type: 'remote',
        source: 'old-build',
      });
  }
}

export function baseClub() {
  const { doc } = newClub();
  const members = ['Nguyễn Thị Lan', 'Trần Văn An', 'Lê Thị Bình', 'Nguyễn Thị Lan'].map((fullName) =>
    addPerson(doc, { fullName }),
  );
  const meeting = (date: string) =>
    addMeeting(
      doc,
      { date, time: '', kind: 'regular', place: '', chairId: null, secretaryId: null },
      alice,
      TODAY,
    );
  const meetings = [meeting('2026-01-10'), meeting('2026-02-10')].map((r) => {
    if (!r.ok) throw new Error('setup');
    return r.value;
  });
  return {
    doc,
    base: {
      members,
      groups: readClub(doc)
        .groups.map((g) => g.id)
        .slice(0, 3),
      meetings,
    },
  };
}
