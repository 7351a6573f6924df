import 'fake-indexeddb/auto';
import * as model from '@chungtay/model';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TabletStore } from '../../sync/tablet-store';
import { openClubSession, storageNameFor } from './club-session';
import { createClubOnTablet } from './create-club';

const lan = { id: 'device-lan', name: 'Nguyễn Thị Lan' };
const member: model.MemberInput = {
  fullName: 'Trần Văn An',
  gender: 'male',
  birthYear: 1958,
  phone: '',
  hamlet: 'thôn Đông',
  household: 'none',
  ethnicMinority: false,
  joinedOn: null,
  role: 'none',
  notes: '',
};

afterEach(() => localStorage.clear());

async function newClub(): Promise<string> {
  const created = await createClubOnTablet({ name: 'CLB thôn Đông', kind: 'selfHelp' }, lan);
  if (!created.ok) throw new Error('club not created');
  return created.value;
}

describe('club session', () => {
  it('projects commands into the store and reopens them from IndexedDB', async () => {
    const clubId = await newClub();
    const session = await openClubSession(clubId, lan);
    expect(session.club.profile.name).toBe('CLB thôn Đông');
    expect(session.commands.addMember(member).ok).toBe(true);
    await Promise.resolve();
    expect(session.club.members.map((m) => m.fullName)).toEqual(['Trần Văn An']);
    await session.whenSaved();
    expect(session.saveState()).toBe('saved');
    await session.close();

    const again = await openClubSession(clubId, lan);
    expect(again.club.members.map((m) => m.fullName)).toEqual(['Trần Văn An']);
    await again.close();
  });

  it('undo and redo of this author’s edit reach the projection', async () => {
    const clubId = await newClub();
    const session = await openClubSession(clubId, lan);
    expect(session.canUndo()).toBe(false);
    session.commands.addMember(member);
    expect(session.canUndo()).toBe(true);
    session.undo();
    await Promise.resolve();
    expect(session.club.members).toHaveLength(0);
    expect(session.canRedo()).toBe(true);
    session.redo();
    await Promise.resolve();
    expect(session.club.members.map((m) => m.fullName)).toEqual(['Trần Văn An']);
    await session.close();
  });

  it('refuses every change on a doc written by a newer version, and says which version', async () => {
    const clubId = await newClub();
    const doc = new Y.Doc();
    const tablet = new TabletStore(storageNameFor(clubId), doc);
    await tablet.load();
    doc.getMap('meta').set('schemaVersion', model.SCHEMA_VERSION + 1);
    await tablet.destroy();

    const session = await openClubSession(clubId, lan);
    expect(session.newerVersion).toBe(model.SCHEMA_VERSION + 1);
    expect(session.canEdit()).toBe(false);
    expect(session.commands.addMember(member)).toEqual({ ok: false, error: { type: 'readOnly' } });
    await session.close();
  });

  it('a viewer key makes the club read-only on this tablet', async () => {
    const clubId = await newClub();
    const clubs = JSON.parse(localStorage.getItem('chungtay.clubs') ?? '[]');
    clubs[0].access = { role: 'viewer', key: 'k'.repeat(43), shared: false };
    localStorage.setItem('chungtay.clubs', JSON.stringify(clubs));
    const session = await openClubSession(clubId, lan);
    expect(session.role()).toBe('viewer');
    expect(session.commands.addMember(member)).toEqual({ ok: false, error: { type: 'readOnly' } });
    await session.close();
  });
});
