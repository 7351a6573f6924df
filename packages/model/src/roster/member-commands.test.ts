import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPerson, alice, memberInput, newClub, TODAY, value } from '../../test/fixtures';
import { readClub } from '../club/read-club';
import type { MemberId } from '../ids/ids';
import { membersMap } from '../schema/layout';
import {
  addMember,
  erasePersonalData,
  markMemberLeft,
  recordConsent,
  rejoinMember,
  updateMember,
  withdrawConsent,
} from './member-commands';
import { getMember } from './member-queries';

const missing = 'missing-member-id' as MemberId;

function member(doc: Y.Doc, id: MemberId) {
  const found = getMember(readClub(doc), id);
  if (found === undefined) throw new Error('member not found');
  return found;
}

describe('addMember', () => {
  it('stores a trimmed record with who created it and when', () => {
    const { doc } = newClub();
    const id = value(
      addMember(doc, memberInput({ fullName: '  Nguyễn   Thị Lan ', notes: ' hay quên ' }), alice, TODAY),
    );
    expect(member(doc, id)).toEqual({
      id,
      fullName: 'Nguyễn Thị Lan',
      gender: 'female',
      birthYear: 1958,
      phone: '0912 345 678',
      hamlet: 'thôn Đông',
      household: 'none',
      ethnicMinority: false,
      joinedOn: '2024-01-10',
      role: 'none',
      notes: 'hay quên',
      consent: null,
      left: null,
      mergedInto: null,
      createdAt: Date.parse(TODAY),
      createdBy: 'alice',
    });
  });

  it('returns field errors and writes nothing for invalid input', () => {
    const { doc } = newClub();
    const before = Y.encodeStateAsUpdate(doc);
    const result = addMember(doc, memberInput({ fullName: '', birthYear: 1800, phone: '123' }), alice, TODAY);
    expect(result).toEqual({
      ok: false,
      error: {
        type: 'invalid',
        fields: { fullName: 'required', birthYear: 'birthYearRange', phone: 'phoneFormat' },
      },
    });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('updateMember', () => {
  it('writes only the fields whose value changed', () => {
    const { doc } = newClub();
    const id = addPerson(doc);
    let changedKeys: string[] = [];
    membersMap(doc).observeDeep((events) => {
      changedKeys = events.flatMap((e) => [...e.keys.keys()]);
    });
    value(updateMember(doc, id, { ...memberInput(), phone: '0987654321' }, alice, TODAY));
    // The value, the record of who wrote it on what (conflicts/field-writes.ts) and one change-log entry.
    const bookkeeping = (key: string) => key.startsWith('write/') || key.startsWith('log/');
    expect(changedKeys.filter((key) => !bookkeeping(key))).toEqual(['phone']);
    expect(changedKeys.filter((key) => key.startsWith('write/phone/'))).toHaveLength(1);
    expect(changedKeys.filter((key) => key.startsWith('log/'))).toHaveLength(1);
    expect(member(doc, id).phone).toBe('0987654321');
  });

  it('accepts a patch without a name but not a blank name', () => {
    const { doc } = newClub();
    const id = addPerson(doc);
    expect(updateMember(doc, id, { notes: 'ok' }, alice, TODAY).ok).toBe(true);
    expect(updateMember(doc, id, { fullName: ' ' }, alice, TODAY)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { fullName: 'required' } },
    });
  });

  it('reports an unknown member', () => {
    const { doc } = newClub();
    expect(updateMember(doc, missing, { notes: 'x' }, alice, TODAY)).toEqual({
      ok: false,
      error: { type: 'notFound', id: missing },
    });
  });
});

describe('consent', () => {
  it('records and withdraws consent', () => {
    const { doc } = newClub();
    const id = addPerson(doc);
    value(recordConsent(doc, id, { givenOn: '2026-01-05', recordedBy: 'Lan' }, alice));
    expect(member(doc, id).consent).toEqual({ givenOn: '2026-01-05', recordedBy: 'Lan' });
    value(withdrawConsent(doc, id, alice));
    expect(member(doc, id).consent).toBeNull();
  });

  it('validates the consent record and the member', () => {
    const { doc } = newClub();
    const id = addPerson(doc);
    expect(recordConsent(doc, id, { givenOn: 'hôm nay', recordedBy: '' }, alice)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { givenOn: 'dateFormat', recordedBy: 'required' } },
    });
    expect(recordConsent(doc, missing, { givenOn: TODAY, recordedBy: 'Lan' }, alice).ok).toBe(false);
    expect(withdrawConsent(doc, missing, alice)).toEqual({
      ok: false,
      error: { type: 'notFound', id: missing },
    });
  });
});

describe('leaving and rejoining', () => {
  it('marks a member as left without deleting, and rejoins them', () => {
    const { doc } = newClub();
    const id = addPerson(doc);
    value(markMemberLeft(doc, id, { on: '2026-02-01', reason: ' Chuyển đi ' }, alice, TODAY));
    expect(member(doc, id).left).toEqual({ on: '2026-02-01', reason: 'Chuyển đi' });
    expect(readClub(doc).members).toHaveLength(1);
    value(rejoinMember(doc, id, alice));
    expect(member(doc, id).left).toBeNull();
  });

  it('rejects a missing or future leaving date', () => {
    const { doc } = newClub();
    const id = addPerson(doc);
    expect(markMemberLeft(doc, id, { on: '', reason: '' }, alice, TODAY)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { on: 'required' } },
    });
    expect(markMemberLeft(doc, id, { on: '2027-01-01', reason: '' }, alice, TODAY)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { on: 'dateInFuture' } },
    });
    expect(rejoinMember(doc, missing, alice).ok).toBe(false);
  });
});

describe('erasePersonalData', () => {
  it('blanks personal fields and keeps the id', () => {
    const { doc } = newClub();
    const id = addPerson(doc, { household: 'poor', ethnicMinority: true, notes: 'bị tiểu đường' });
    value(markMemberLeft(doc, id, { on: TODAY, reason: 'Lý do riêng' }, alice, TODAY));
    value(erasePersonalData(doc, id, alice, TODAY));
    const erased = member(doc, id);
    expect(erased).toMatchObject({
      id,
      fullName: 'Đã xóa',
      phone: '',
      notes: '',
      birthYear: null,
      hamlet: '',
      household: 'none',
      ethnicMinority: false,
      left: { on: TODAY, reason: '' },
    });
    const raw = membersMap(doc).get(id)?.toJSON();
    expect(raw?.phone).toBe('');
    expect(raw?.erasedOn).toBe(TODAY);
  });

  it('reports an unknown member', () => {
    const { doc } = newClub();
    expect(erasePersonalData(doc, missing, alice, TODAY)).toEqual({
      ok: false,
      error: { type: 'notFound', id: missing },
    });
  });
});
