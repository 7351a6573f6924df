import { expect } from 'vitest';
import * as Y from 'yjs';
import { type CreateClubInput, createClub } from '../src/club/club-commands';
import { readClub } from '../src/club/read-club';
import type { ClubId, IsoDate, MemberId, Result } from '../src/ids/ids';
import { type LocalOrigin, localOrigin } from '../src/origin/origin';
import { addMember } from '../src/roster/member-commands';
import type { MemberInput } from '../src/roster/validate-member';
import { metaMap } from '../src/schema/layout';

/** Shared fixtures for model tests: fixed dates, three authors, a club factory and input builders. */

export const TODAY: IsoDate = '2026-03-20';

export const alice: LocalOrigin = localOrigin({ id: 'alice', name: 'Lan' });
export const bob: LocalOrigin = localOrigin({ id: 'bob', name: 'Hùng' });
export const carol: LocalOrigin = localOrigin({ id: 'carol', name: 'Mai' });

export function value<T>(result: Result<T, unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

export function memberInput(overrides: Partial<MemberInput> = {}): MemberInput {
  return {
    fullName: 'Nguyễn Thị Lan',
    gender: 'female',
    birthYear: 1958,
    phone: '0912 345 678',
    hamlet: 'thôn Đông',
    household: 'none',
    ethnicMinority: false,
    joinedOn: '2024-01-10',
    role: 'none',
    notes: '',
    ...overrides,
  };
}

export function newClub(input: Partial<CreateClubInput> = {}): { doc: Y.Doc; clubId: ClubId } {
  const doc = new Y.Doc();
  const clubId = value(createClub(doc, { name: 'CLB thôn Đông', kind: 'selfHelp', ...input }, alice, TODAY));
  return { doc, clubId };
}

export function addPerson(doc: Y.Doc, overrides: Partial<MemberInput> = {}, origin = alice): MemberId {
  return value(addMember(doc, memberInput(overrides), origin, TODAY));
}

/** A doc that a newer app version wrote: commands must refuse it and leave it byte-for-byte alone. */
export function markNewer(doc: Y.Doc, version = 99): void {
  doc.transact(() => metaMap(doc).set('schemaVersion', version), { type: 'remote', source: 'newer-peer' });
}

export function expectUntouched(doc: Y.Doc, act: () => Result<unknown, { type: string }>): void {
  const before = Y.encodeStateAsUpdate(doc);
  const result = act();
  expect(result).toEqual({ ok: false, error: { type: 'readOnly' } });
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
}

export function view(doc: Y.Doc) {
  return readClub(doc);
}
