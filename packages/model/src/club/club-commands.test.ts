import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alice, expectUntouched, markNewer, newClub, TODAY, value } from '../../test/fixtures';
import { ID_PATTERN } from '../ids/ids';
import { STANDARD_AREAS } from '../schema/enums';
import { getSchemaStatus } from '../schema/migrations';
import { NATIONAL_TARGETS } from '../schema/types';
import { createClub, updateProfile, updateSettings } from './club-commands';
import { readClub } from './read-club';

describe('createClub', () => {
  it('sets the schema version, id, profile and national targets', () => {
    const doc = new Y.Doc();
    const id = value(
      createClub(
        doc,
        { name: '  CLB thôn Đông ', kind: 'selfHelp', commune: 'xã Nga Thạch', foundedOn: '2019-05-15' },
        alice,
        TODAY,
      ),
    );
    const view = readClub(doc);
    expect(ID_PATTERN.test(id)).toBe(true);
    expect(view.id).toBe(id);
    expect(getSchemaStatus(doc)).toEqual({ type: 'current' });
    expect(view.profile).toEqual({
      name: 'CLB thôn Đông',
      kind: 'selfHelp',
      hamlet: '',
      commune: 'xã Nga Thạch',
      district: '',
      province: '',
      foundedOn: '2019-05-15',
    });
    expect(view.settings).toEqual(NATIONAL_TARGETS);
  });

  it('gives a self-help club the 8 standard groups with Vietnamese names', () => {
    const { doc } = newClub({ kind: 'selfHelp' });
    const groups = readClub(doc).groups;
    expect(groups.map((g) => g.area)).toEqual([...STANDARD_AREAS]);
    expect(groups[0]?.name).toBe('Tăng thu nhập');
    expect(groups[7]?.name).toBe('Phát triển nguồn lực');
    expect(groups.map((g) => g.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('gives a veterans club one team per hamlet, or Tổ 1 without hamlets', () => {
    const withHamlets = newClub({ kind: 'veterans', hamlets: ['ấp 1', 'ấp 2', 'ấp 1', ' '] });
    expect(readClub(withHamlets.doc).groups.map((g) => g.name)).toEqual(['Tổ ấp 1', 'Tổ ấp 2']);
    const without = newClub({ kind: 'veterans' });
    expect(readClub(without.doc).groups.map((g) => g.name)).toEqual(['Tổ 1']);
  });

  it('gives a Red Cross chapter its four groups and other clubs none', () => {
    expect(readClub(newClub({ kind: 'redCross' }).doc).groups.map((g) => g.name)).toEqual([
      'Sơ cấp cứu',
      'Hiến máu',
      'Phòng chống thiên tai',
      'Nhân đạo - từ thiện',
    ]);
    expect(readClub(newClub({ kind: 'other' }).doc).groups).toEqual([]);
  });

  it('rejects a blank name and a founding date in the future, writing nothing', () => {
    const doc = new Y.Doc();
    const result = createClub(doc, { name: ' ', kind: 'other', foundedOn: '2030-01-01' }, alice, TODAY);
    expect(result).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { name: 'required', foundedOn: 'dateInFuture' } },
    });
    expect(getSchemaStatus(doc)).toEqual({ type: 'empty' });
  });

  it('does all its writes in one transaction with the given origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    createClub(doc, { name: 'CLB', kind: 'selfHelp' }, alice, TODAY);
    expect(origins).toEqual([alice]);
  });

  it('refuses a doc written by a newer version', () => {
    const doc = new Y.Doc();
    markNewer(doc);
    expectUntouched(doc, () => createClub(doc, { name: 'CLB', kind: 'other' }, alice, TODAY));
  });

  it('treats creating a second club in one doc as a bug', () => {
    const { doc } = newClub();
    expect(() => createClub(doc, { name: 'again', kind: 'other' }, alice, TODAY)).toThrow();
  });
});

describe('updateProfile', () => {
  it('changes only the given fields', () => {
    const { doc } = newClub({ district: 'huyện Nga Sơn' });
    value(updateProfile(doc, { province: ' tỉnh Thanh Hóa ', foundedOn: null }, alice, TODAY));
    const profile = readClub(doc).profile;
    expect(profile.province).toBe('tỉnh Thanh Hóa');
    expect(profile.district).toBe('huyện Nga Sơn');
    expect(profile.name).toBe('CLB thôn Đông');
  });

  it('validates name, lengths and dates', () => {
    const { doc } = newClub();
    const result = updateProfile(
      doc,
      { name: '', commune: 'x'.repeat(201), foundedOn: '2025-02-30' },
      alice,
      TODAY,
    );
    expect(result).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { name: 'required', commune: 'tooLong', foundedOn: 'dateFormat' } },
    });
  });
});

describe('updateSettings', () => {
  it('stores valid targets', () => {
    const { doc } = newClub();
    value(updateSettings(doc, { olderAge: 55, poorMinPct: 70, olderMaxPct: 75 }, alice));
    const settings = readClub(doc).settings;
    expect(settings).toEqual({ ...NATIONAL_TARGETS, olderAge: 55, poorMinPct: 70, olderMaxPct: 75 });
  });

  it('rejects percentages outside 0..100, odd ages and min above max', () => {
    const { doc } = newClub();
    expect(updateSettings(doc, { womenMinPct: 120, olderAge: 90 }, alice)).toEqual({
      ok: false,
      error: {
        type: 'invalid',
        fields: { womenMinPct: 'numberRange', womenMaxPct: 'numberRange', olderAge: 'numberRange' },
      },
    });
    expect(updateSettings(doc, { groupMin: 25 }, alice)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { groupMin: 'numberRange', groupMax: 'numberRange' } },
    });
    expect(readClub(doc).settings).toEqual(NATIONAL_TARGETS);
  });

  it('refuses a newer doc', () => {
    const { doc } = newClub();
    markNewer(doc);
    expectUntouched(doc, () => updateSettings(doc, { olderAge: 55 }, alice));
    expectUntouched(doc, () => updateProfile(doc, { name: 'x' }, alice, TODAY));
  });
});
