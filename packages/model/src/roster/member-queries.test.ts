import { describe, expect, it } from 'vitest';
import { addPerson, alice, newClub, TODAY, value } from '../../test/fixtures';
import { readClub } from '../club/read-club';
import { assignToGroup } from '../groups/group-commands';
import type { MemberId } from '../ids/ids';
import { mergeMembers } from './duplicates';
import { markMemberLeft } from './member-commands';
import { ageBandOf, ageOf, filterMembers, getMember, listActiveMembers, listHamlets } from './member-queries';

function club() {
  const { doc } = newClub();
  const lan = addPerson(doc, {
    fullName: 'Nguyễn Thị Lan',
    birthYear: 1950,
    hamlet: 'thôn Đông',
    phone: '0912.345.678',
  });
  const an = addPerson(doc, {
    fullName: 'Trần Văn An',
    gender: 'male',
    birthYear: 1990,
    hamlet: 'thôn Tây',
    phone: '',
  });
  const binh = addPerson(doc, {
    fullName: 'Đặng Thị Bình',
    birthYear: null,
    hamlet: 'thôn Bắc',
    household: 'poor',
    phone: '',
  });
  const left = addPerson(doc, {
    fullName: 'Lê Văn Tư',
    gender: 'male',
    birthYear: 1940,
    hamlet: 'thôn Đông',
  });
  value(markMemberLeft(doc, left, { on: '2026-01-01', reason: 'Chuyển đi' }, alice, TODAY));
  return { doc, lan, an, binh, left };
}

const names = (members: readonly { fullName: string }[]) => members.map((m) => m.fullName);

describe('member queries', () => {
  it('finds a member by id and lists active members by given name', () => {
    const { doc, an } = club();
    const view = readClub(doc);
    expect(getMember(view, an)?.fullName).toBe('Trần Văn An');
    expect(getMember(view, 'nobody' as MemberId)).toBeUndefined();
    expect(names(listActiveMembers(view))).toEqual(['Trần Văn An', 'Đặng Thị Bình', 'Nguyễn Thị Lan']);
  });

  it('computes age from the birth year and puts it in a band', () => {
    const { doc, lan, binh } = club();
    const view = readClub(doc);
    const lanMember = getMember(view, lan);
    const binhMember = getMember(view, binh);
    if (lanMember === undefined || binhMember === undefined) throw new Error('missing');
    expect(ageOf(lanMember, TODAY)).toBe(76);
    expect(ageOf(binhMember, TODAY)).toBeNull();
    expect([39, 40, 59, 60, 69, 70, 79, 80].map(ageBandOf)).toEqual([
      'under40',
      '40to59',
      '40to59',
      '60to69',
      '60to69',
      '70to79',
      '70to79',
      '80plus',
    ]);
  });

  it('filters by diacritic-free query over name and phone', () => {
    const view = readClub(club().doc);
    expect(names(filterMembers(view, { query: 'dang' }, TODAY))).toEqual(['Đặng Thị Bình']);
    expect(names(filterMembers(view, { query: 'nguyen thi lan' }, TODAY))).toEqual(['Nguyễn Thị Lan']);
    expect(names(filterMembers(view, { query: '0912345' }, TODAY))).toEqual(['Nguyễn Thị Lan']);
    expect(names(filterMembers(view, { query: 'thi' }, TODAY))).toEqual(['Đặng Thị Bình', 'Nguyễn Thị Lan']);
  });

  it('filters by hamlet, gender, household, age band and status', () => {
    const view = readClub(club().doc);
    expect(names(filterMembers(view, { hamlet: 'thôn Đông' }, TODAY))).toEqual(['Nguyễn Thị Lan']);
    expect(names(filterMembers(view, { hamlet: 'thôn Đông', status: 'all' }, TODAY))).toEqual([
      'Nguyễn Thị Lan',
      'Lê Văn Tư',
    ]);
    expect(names(filterMembers(view, { status: 'left' }, TODAY))).toEqual(['Lê Văn Tư']);
    expect(names(filterMembers(view, { gender: 'male' }, TODAY))).toEqual(['Trần Văn An']);
    expect(names(filterMembers(view, { household: 'poor' }, TODAY))).toEqual(['Đặng Thị Bình']);
    expect(names(filterMembers(view, { ageBand: '70to79' }, TODAY))).toEqual(['Nguyễn Thị Lan']);
    expect(names(filterMembers(view, { ageBand: 'under40' }, TODAY))).toEqual(['Trần Văn An']);
  });

  it('filters by group and hides merged records', () => {
    const { doc, lan, an, binh } = club();
    const groupId = readClub(doc).groups[0]?.id;
    if (groupId === undefined) throw new Error('no group');
    value(assignToGroup(doc, { groupId, memberId: lan }, alice));
    value(mergeMembers(doc, { keepId: an, dropId: binh }, alice));
    const view = readClub(doc);
    expect(names(filterMembers(view, { groupId }, TODAY))).toEqual(['Nguyễn Thị Lan']);
    expect(names(filterMembers(view, { status: 'all' }, TODAY))).toEqual([
      'Trần Văn An',
      'Nguyễn Thị Lan',
      'Lê Văn Tư',
    ]);
  });

  it('lists distinct hamlets in Vietnamese order', () => {
    expect(listHamlets(readClub(club().doc))).toEqual(['thôn Bắc', 'thôn Đông', 'thôn Tây']);
  });
});
