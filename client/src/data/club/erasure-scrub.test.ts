import 'fake-indexeddb/auto';
import type { MemberId } from '@chungtay/model';
import * as model from '@chungtay/model';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { scrubsPending } from '../../device/pending-scrub';
import { openStoredDoc } from '../../sync/tablet-store';
import { storedRows } from '../../sync/tablet-store-testing';
import { healthStorageName, openHealthSession } from '../health/health-session';
import { openClubSession, storageNameFor } from './club-session';
import { createClubOnTablet } from './create-club';
import { eraseMember } from './erase-member';
import { scrubErasures } from './erasure-scrub';
import { openClub } from './open-clubs';

const lan = { id: 'device-lan', name: 'Nguyễn Thị Lan' };
const PHONE = '0912 777 345';
const NAME = 'Phạm Thị Xuyến';

afterEach(() => localStorage.clear());

async function clubWithMember() {
  const created = await createClubOnTablet({ name: 'CLB thôn Đông', kind: 'selfHelp' }, lan);
  if (!created.ok) throw new Error('club not created');
  const club = await openClubSession(created.value, lan);
  const added = club.commands.addMember({
    fullName: NAME,
    gender: 'female',
    birthYear: 1948,
    phone: PHONE,
    hamlet: 'thôn Đông',
    household: 'none',
    ethnicMinority: false,
    joinedOn: null,
    role: 'none',
    notes: '',
  });
  if (!added.ok) throw new Error('member not added');
  await club.whenSaved();
  return { club, id: added.value as MemberId };
}

/** Whether any stored row of the database holds `text` (UTF-8, as Yjs stores strings). */
async function holds(storageName: string, text: string): Promise<boolean> {
  const needle = Buffer.from(text, 'utf8');
  return (await storedRows(storageName)).some(([, bytes]) => Buffer.from(bytes).includes(needle));
}

describe('scrubbing an erased member from this tablet', () => {
  it('folds the club and health docs so no stored row keeps the name or phone, once, and records it', async () => {
    const { club, id } = await clubWithMember();
    const health = await openHealthSession(club.clubId, lan, { canEditClub: club.canEdit });
    const check = {
      meetingId: 'meeting-2026-03-10' as model.MeetingId,
      memberId: id,
      systolic: 150,
      diastolic: 95,
    };
    expect(health.commands.record({ ...check, takenAt: '2026-03-10' }).ok).toBe(true);
    await health.whenSaved();
    await health.close();
    expect(await holds(storageNameFor(club.clubId), PHONE)).toBe(true);

    expect(eraseMember(club, id).ok).toBe(true);
    const doc = openClub(club.clubId)?.doc;
    if (doc === undefined) throw new Error('club not registered');
    // Joins the run eraseMember started (one run per club), and resolves once it is done.
    await scrubErasures(club, doc);

    expect(scrubsPending(club.clubId, [id])).toEqual([]);
    const clubRows = await storedRows(storageNameFor(club.clubId));
    expect(clubRows).toHaveLength(1);
    expect(await holds(storageNameFor(club.clubId), PHONE)).toBe(false);
    expect(await holds(storageNameFor(club.clubId), NAME)).toBe(false);
    expect(await storedRows(healthStorageName(club.clubId))).toHaveLength(1);
    // The filler is gone too.
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('chungtay-scrub');
    await club.close();
  });

  it('an erasure whose scrub never ran (closed first, or made on another tablet) is scrubbed at the next open', async () => {
    const { club, id } = await clubWithMember();
    const clubId = club.clubId;
    await club.close();
    // The erasure lands in the stored doc with no club session open to follow it, as a sync that wrote it
    // just before the tablet closed leaves it: nothing here has scrubbed it.
    const { doc, tablet } = await openStoredDoc(storageNameFor(clubId), false);
    const origin = model.erasureOrigin(lan);
    expect(model.erasePersonalData(doc, id, origin, '2026-03-10' as model.IsoDate).ok).toBe(true);
    await tablet.destroy();
    doc.destroy();
    expect(scrubsPending(clubId, [id])).toEqual([id]);
    expect(await holds(storageNameFor(clubId), PHONE)).toBe(true);

    const reopened = await openClubSession(clubId, lan);
    // The watch starts after the first paint and finds the erasure it owes a scrub.
    await vi.waitFor(() => expect(scrubsPending(clubId, [id])).toEqual([]), { timeout: 20_000 });
    await reopened.close();
    expect(scrubsPending(clubId, [id])).toEqual([]);
    expect(await holds(storageNameFor(clubId), PHONE)).toBe(false);
  });

  it('stays owed while the club doc holds an update Yjs cannot apply yet, and is scrubbed once it can', async () => {
    const { club, id } = await clubWithMember();
    const doc = openClub(club.clubId)?.doc;
    if (doc === undefined) throw new Error('club not registered');
    // Another tablet renames the club twice; the relay has delivered only the second change so far.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const hoa = model.localOrigin({ id: 'device-hoa', name: 'Trần Thị Hoa' });
    const start = Y.encodeStateVector(other);
    expect(model.updateProfile(other, { name: 'CLB thôn Đông A' }, hoa, '2026-03-10').ok).toBe(true);
    const missing = Y.encodeStateAsUpdate(other, start);
    const middle = Y.encodeStateVector(other);
    expect(model.updateProfile(other, { name: 'CLB thôn Đông B' }, hoa, '2026-03-10').ok).toBe(true);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, middle), 'relay');

    expect(eraseMember(club, id).ok).toBe(true);
    await scrubErasures(club, doc);
    // The club doc could not be folded, so its old rows (the phone among them) are still stored: owed.
    expect(scrubsPending(club.clubId, [id])).toEqual([id]);
    expect(await holds(storageNameFor(club.clubId), PHONE)).toBe(true);

    // The relay fills the gap; the next run folds and records it.
    Y.applyUpdate(doc, missing, 'relay');
    await scrubErasures(club, doc);
    expect(scrubsPending(club.clubId, [id])).toEqual([]);
    expect(await holds(storageNameFor(club.clubId), PHONE)).toBe(false);
    expect(club.club.profile.name).toBe('CLB thôn Đông B');
    await club.close();
  });

  it('an erasure that arrives by sync while the club is open is scrubbed then', async () => {
    const { club, id } = await clubWithMember();
    const doc = openClub(club.clubId)?.doc;
    if (doc === undefined) throw new Error('club not registered');
    // Another tablet holds the same club doc and erases the member there.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(other);
    const origin = model.erasureOrigin({ id: 'device-hoa', name: 'Trần Thị Hoa' });
    expect(model.erasePersonalData(other, id, origin, '2026-03-10' as model.IsoDate).ok).toBe(true);
    expect(scrubsPending(club.clubId, [id])).toEqual([id]);
    // As the relay link applies it: a remote update, not this tablet's command.
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before), 'relay');

    await vi.waitFor(() => expect(scrubsPending(club.clubId, [id])).toEqual([]), { timeout: 20_000 });
    expect(await holds(storageNameFor(club.clubId), PHONE)).toBe(false);
    // The screens follow the same doc: the record is still listed, blank.
    expect(club.club.members.find((m) => m.id === id)?.phone).toBe('');
    await club.close();
  });
});
