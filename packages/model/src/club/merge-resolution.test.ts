import { describe, expect, it } from 'vitest';
import type { MemberId } from '../ids/ids';
import type { Member } from '../schema/types';
import { createMergeResolver, resolveAttendance, resolveIds, resolveMembers } from './merge-resolution';

function person(id: string, mergedInto: string | null = null): Member {
  return {
    id: id as MemberId,
    fullName: id,
    gender: 'female',
    birthYear: null,
    phone: '',
    hamlet: '',
    household: 'none',
    ethnicMinority: false,
    joinedOn: null,
    role: 'none',
    notes: '',
    consent: null,
    left: null,
    mergedInto: mergedInto as MemberId | null,
    createdAt: 0,
    createdBy: '',
  };
}

const id = (s: string) => s as MemberId;

describe('merge resolution', () => {
  it('follows chains of merges to the record they ended in', () => {
    const members = [person('a', 'b'), person('b', 'c'), person('c'), person('d')];
    const resolve = createMergeResolver(members);
    expect(['a', 'b', 'c', 'd'].map((x) => resolve(id(x)))).toEqual(['c', 'c', 'c', 'd']);
    expect(resolveMembers(members, resolve).map((m) => m.mergedInto)).toEqual(['c', 'c', null, null]);
  });

  it('breaks a cycle from opposite merges by keeping the smallest id', () => {
    const members = [person('y', 'x'), person('x', 'z'), person('z', 'y'), person('w', 'z')];
    const resolve = createMergeResolver(members);
    expect(['w', 'x', 'y', 'z'].map((x) => resolve(id(x)))).toEqual(['x', 'x', 'x', 'x']);
    expect(resolveMembers(members, resolve).find((m) => m.id === 'x')?.mergedInto).toBeNull();
  });

  it('ignores a merge into a record this peer does not have', () => {
    const resolve = createMergeResolver([person('a', 'ghost')]);
    expect(resolve(id('a'))).toBe('a');
  });

  it('moves ids and marks onto the surviving record without overriding its own mark', () => {
    const resolve = createMergeResolver([person('a', 'c'), person('b', 'c'), person('c'), person('d')]);
    expect(resolveIds([id('a'), id('b'), id('d')], resolve)).toEqual(['c', 'd']);
    expect(resolveAttendance({ a: 'absent', b: 'present', d: 'present' }, resolve)).toEqual({
      c: 'absent',
      d: 'present',
    });
    expect(resolveAttendance({ a: 'absent', c: 'excused' }, resolve)).toEqual({ c: 'excused' });
  });
});
