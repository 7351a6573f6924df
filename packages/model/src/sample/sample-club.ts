import type * as Y from 'yjs';
import { createClub } from '../club/club-commands';
import { readClub } from '../club/read-club';
import { assignToGroup, setGroupLeader } from '../groups/group-commands';
import { addMonths, type ClubId, type IsoDate, type MemberId, type Result, yearOf } from '../ids/ids';
import { addMeeting, setAttendance } from '../meetings/meeting-commands';
import type { LocalOrigin } from '../origin/origin';
import { addMember, markMemberLeft, recordConsent, updateMember } from '../roster/member-commands';
import type { MemberInput } from '../roster/validate-member';
import type { CommitteeRole } from '../schema/enums';
import * as data from './sample-data';

const MEMBER_COUNT = 60;
const WOMEN = 39; // 65%
const OLDER = 39; // 65% aged 60+

function must<T>(result: Result<T, unknown>): T {
  if (!result.ok) throw new Error(`seedSampleClub: ${JSON.stringify(result.error)}`);
  return result.value;
}

interface Person {
  readonly input: MemberInput;
  readonly turnout: number;
}

function makePeople(random: data.Random, today: IsoDate): Person[] {
  const year = yearOf(today);
  const names = new Set<string>();
  const people: Person[] = [];
  const women = new Set(random.shuffle([...Array(MEMBER_COUNT).keys()]).slice(0, WOMEN));
  const older = new Set(random.shuffle([...Array(MEMBER_COUNT).keys()]).slice(0, OLDER));
  const minority = new Set(random.shuffle([...Array(MEMBER_COUNT).keys()]).slice(0, 4));
  for (let i = 0; i < MEMBER_COUNT; i++) {
    const female = women.has(i);
    let fullName = '';
    while (fullName === '' || names.has(fullName)) {
      const family = random.pick(minority.has(i) ? data.MINORITY_FAMILY_NAMES : data.FAMILY_NAMES);
      const middle = random.pick(female ? data.FEMALE_MIDDLE : data.MALE_MIDDLE);
      fullName = `${family} ${middle} ${random.pick(female ? data.FEMALE_GIVEN : data.MALE_GIVEN)}`;
    }
    names.add(fullName);
    const age = older.has(i) ? random.int(60, 86) : random.int(24, 59);
    const roll = random.next();
    // Everyone joined before the first of the 12 sample meetings, so each has a full year of attendance.
    const joinedOn = addMonths(data.SAMPLE_PROFILE.foundedOn, random.int(0, 60));
    const latestJoin = addMonths(today, -13);
    people.push({
      turnout: 0.6 + random.next() * 0.35,
      input: {
        fullName,
        gender: female ? 'female' : 'male',
        // A couple of members do not know their birth year: the register keeps it empty.
        birthYear: i % 29 === 7 ? null : year - age,
        phone: random.next() < 0.25 ? '' : `09${String(random.int(10_000_000, 99_999_999))}`,
        hamlet: data.SAMPLE_HAMLETS[i % data.SAMPLE_HAMLETS.length] ?? data.SAMPLE_PROFILE.hamlet,
        household: roll < 0.12 ? 'poor' : roll < 0.27 ? 'nearPoor' : 'none',
        ethnicMinority: minority.has(i),
        joinedOn: [joinedOn, latestJoin].sort()[0] ?? latestJoin,
        role: 'none',
        notes: female && age >= 75 && random.next() < 0.3 ? 'Sống một mình, cần thăm hỏi thường xuyên' : '',
      },
    });
  }
  return people;
}

const COMMITTEE: readonly CommitteeRole[] = ['chair', 'viceChair', 'viceChair', 'secretary', 'treasurer'];

/**
 * Fills an empty doc with a realistic self-help club for demos and tests. Content is deterministic for a
 * seed (ids still come from crypto). Everything is one transaction, so it syncs and undoes as one change.
 */
export function seedSampleClub(doc: Y.Doc, origin: LocalOrigin, today: IsoDate, seed = 20240915): ClubId {
  const random = data.createRandom(seed);
  let clubId: ClubId | undefined;
  doc.transact(() => {
    clubId = must(createClub(doc, { ...data.SAMPLE_PROFILE, kind: 'selfHelp' }, origin, today));
    const people = makePeople(random, today);
    people.forEach((p, i) => {
      const role = COMMITTEE[i] ?? 'none';
      people[i] = { ...p, input: { ...p.input, role } };
    });
    const ids = people.map((p) => must(addMember(doc, p.input, origin, today)));
    const secretary = people[3]?.input.fullName ?? '';
    ids.forEach((id, i) => {
      const givenOn = people[i]?.input.joinedOn ?? today;
      must(recordConsent(doc, id, { givenOn, recordedBy: secretary }, origin));
    });
    const leaver = ids[MEMBER_COUNT - 1];
    const leftOn = addMonths(today, -3);
    if (leaver !== undefined)
      must(markMemberLeft(doc, leaver, { on: leftOn, reason: data.LEFT_REASON }, origin, today));
    seedGroups(doc, origin, random, ids.slice(0, MEMBER_COUNT - 1), today);
    seedMeetings(doc, origin, random, today, ids, people, { leaver, leftOn });
  }, origin);
  if (clubId === undefined) throw new Error('seedSampleClub: no club created');
  return clubId;
}

function seedGroups(
  doc: Y.Doc,
  origin: LocalOrigin,
  random: data.Random,
  ids: MemberId[],
  today: IsoDate,
): void {
  const groups = readClub(doc).groups;
  groups.forEach((group, g) => {
    const members = random.shuffle(ids).slice(0, data.GROUP_SIZES[g] ?? 10);
    // Committee members (the first five) lead no group here, so the leader role is visible on others.
    const leader = members.find((id) => ids.indexOf(id) >= COMMITTEE.length);
    for (const memberId of members) must(assignToGroup(doc, { groupId: group.id, memberId }, origin));
    if (leader !== undefined) {
      must(setGroupLeader(doc, group.id, leader, origin));
      must(updateMember(doc, leader, { role: 'groupLeader' }, origin, today));
    }
  });
}

function seedMeetings(
  doc: Y.Doc,
  origin: LocalOrigin,
  random: data.Random,
  today: IsoDate,
  ids: MemberId[],
  people: Person[],
  leaving: { leaver: MemberId | undefined; leftOn: IsoDate },
): void {
  for (let k = 12; k >= 1; k--) {
    const date = `${addMonths(today, -k).slice(0, 7)}-10`;
    const meetingId = must(
      addMeeting(
        doc,
        {
          date,
          time: '08:00',
          kind: k === 12 ? 'annual' : 'regular',
          place: 'Nhà văn hóa thôn Đông',
          chairId: ids[0] ?? null,
          secretaryId: ids[3] ?? null,
        },
        origin,
        today,
      ),
    );
    ids.forEach((memberId, i) => {
      const person = people[i];
      if (person === undefined || (person.input.joinedOn ?? '') > date) return;
      if (memberId === leaving.leaver && date > leaving.leftOn) return;
      const roll = random.next();
      const status = roll < person.turnout ? 'present' : random.next() < 0.5 ? 'excused' : 'absent';
      must(setAttendance(doc, { meetingId, memberId, status }, origin));
    });
  }
}
