import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addPerson,
  alice,
  bob,
  expectUntouched,
  markNewer,
  memberInput,
  newClub,
  TODAY,
  value,
} from '../../test/fixtures';
import { readClub } from '../club/read-club';
import { createAuthorUndoManager } from '../origin/origin';
import { checkImportDraft, findRosterMatch, importMembers, mergePatch } from './import-members';
import { erasePersonalData, markMemberLeft, updateMember } from './member-commands';
import { getMember } from './member-queries';

describe('checkImportDraft', () => {
  it('gives the member form its own field errors for a bad row', () => {
    expect(checkImportDraft(memberInput({ fullName: ' ', birthYear: 1850, phone: '12' }), TODAY)).toEqual({
      fullName: 'required',
      birthYear: 'birthYearRange',
      phone: 'phoneFormat',
    });
    expect(checkImportDraft(memberInput(), TODAY)).toEqual({});
  });
});

describe('findRosterMatch', () => {
  it('finds a member by the roster rule: name without diacritics and a compatible birth year', () => {
    const { doc } = newClub();
    const lan = addPerson(doc, { fullName: 'Nguyễn Thị Lan', birthYear: 1958 });
    const view = readClub(doc);
    expect(findRosterMatch(view, { fullName: '  nguyen thi  LAN ', birthYear: 1958 })?.id).toBe(lan);
    expect(findRosterMatch(view, { fullName: 'Nguyễn Thị Lan', birthYear: null })?.id).toBe(lan);
    expect(findRosterMatch(view, { fullName: 'Nguyễn Thị Lan', birthYear: 1960 })).toBeUndefined();
    expect(findRosterMatch(view, { fullName: 'Nguyễn Thị Lành', birthYear: 1958 })).toBeUndefined();
  });

  it('finds former members but prefers a current one, and ignores erased records', () => {
    const { doc } = newClub();
    const old = addPerson(doc, { fullName: 'Lê Văn Đức', birthYear: null });
    value(markMemberLeft(doc, old, { on: '2025-01-01', reason: '' }, alice, TODAY));
    expect(findRosterMatch(readClub(doc), { fullName: 'Le Van Duc', birthYear: 1950 })?.id).toBe(old);
    const current = addPerson(doc, { fullName: 'Lê Văn Đức', birthYear: 1950 });
    expect(findRosterMatch(readClub(doc), { fullName: 'Le Van Duc', birthYear: 1950 })?.id).toBe(current);
    value(erasePersonalData(doc, current, alice, TODAY));
    value(erasePersonalData(doc, old, alice, TODAY));
    expect(findRosterMatch(readClub(doc), { fullName: 'Đã xóa', birthYear: null })).toBeUndefined();
  });
});

describe('mergePatch', () => {
  it('fills only what the roster has empty', () => {
    const existing = memberInput({ phone: '', birthYear: 1958, hamlet: 'thôn Đông', household: 'none' });
    const draft = memberInput({
      phone: '0987 654 321',
      birthYear: 1960,
      hamlet: 'thôn Tây',
      household: 'poor',
      ethnicMinority: true,
    });
    expect(mergePatch(existing, draft)).toEqual({
      phone: '0987 654 321',
      household: 'poor',
      ethnicMinority: true,
    });
  });
});

describe('importMembers', () => {
  it('adds and merges in one transaction that one undo takes back', () => {
    const { doc } = newClub();
    const lan = addPerson(doc, { fullName: 'Nguyễn Thị Lan', phone: '' });
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const undo = createAuthorUndoManager(doc, alice);
    const result = value(
      importMembers(
        doc,
        {
          add: [memberInput({ fullName: 'Trần Văn Ba' }), memberInput({ fullName: 'Hà Thị Bốn' })],
          merge: [{ id: lan, input: memberInput({ phone: '0912000111' }) }],
        },
        alice,
        TODAY,
      ),
    );
    expect(transactions).toBe(1);
    expect(result.added).toHaveLength(2);
    const view = readClub(doc);
    expect(view.members.map((m) => m.fullName).sort()).toEqual([
      'Hà Thị Bốn',
      'Nguyễn Thị Lan',
      'Trần Văn Ba',
    ]);
    expect(getMember(view, lan)?.phone).toBe('0912000111');
    undo.undo();
    const after = readClub(doc);
    expect(after.members.map((m) => m.fullName)).toEqual(['Nguyễn Thị Lan']);
    expect(getMember(after, lan)?.phone).toBe('');
  });

  it('refuses the whole import when one row is invalid or a merge target is missing, writing nothing', () => {
    const { doc } = newClub();
    const before = Y.encodeStateAsUpdate(doc);
    const bad = importMembers(
      doc,
      { add: [memberInput({ fullName: 'Trần Văn Ba' }), memberInput({ birthYear: 2999 })], merge: [] },
      alice,
      TODAY,
    );
    expect(bad).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { 'add.1.birthYear': 'birthYearRange' } },
    });
    const missing = importMembers(
      doc,
      { add: [memberInput()], merge: [{ id: 'm-nobody' as never, input: memberInput() }] },
      alice,
      TODAY,
    );
    expect(missing).toEqual({ ok: false, error: { type: 'notFound', id: 'm-nobody' } });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('leaves a doc from a newer version alone', () => {
    const { doc } = newClub();
    markNewer(doc);
    expectUntouched(doc, () => importMembers(doc, { add: [memberInput()], merge: [] }, alice, TODAY));
  });

  it('converges with a concurrent edit of the merged member on another tablet', () => {
    const { doc } = newClub();
    const lan = addPerson(doc, { phone: '', notes: '' });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    value(
      importMembers(
        doc,
        { add: [], merge: [{ id: lan, input: memberInput({ phone: '0912000111' }) }] },
        alice,
        TODAY,
      ),
    );
    value(updateMember(other, lan, { notes: 'Nhà gần chợ' }, bob, TODAY));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    for (const d of [doc, other])
      expect(getMember(readClub(d), lan)).toMatchObject({ phone: '0912000111', notes: 'Nhà gần chợ' });
  });
});
