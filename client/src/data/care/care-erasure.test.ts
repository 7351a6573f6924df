import 'fake-indexeddb/auto';
import type { MemberId } from '@chungtay/model';
import { afterEach, describe, expect, it } from 'vitest';
import { PhotoStore } from '../../device/photo-store';
import { openClubSession } from '../club/club-session';
import { createClubOnTablet } from '../club/create-club';
import { eraseInSiblingDocs, eraseMember } from '../club/erase-member';
import { openCareSession } from './care-session';

const lan = { id: 'device-lan', name: 'Nguyễn Thị Lan' };
const HASH = 'cd'.repeat(32);
const OTHER = 'ef'.repeat(32);

afterEach(() => localStorage.clear());

function person(fullName: string) {
  return {
    fullName,
    gender: 'female',
    birthYear: 1940,
    phone: '',
    hamlet: 'thôn Đông',
    household: 'none',
    ethnicMinority: false,
    joinedOn: null,
    role: 'none',
    notes: '',
  } as const;
}

const photo = (hash: string) =>
  ({
    hash,
    kind: 'photo',
    contentType: 'image/jpeg',
    size: 3,
    width: 1600,
    height: 1200,
    caption: '',
    scope: 'health',
  }) as const;

describe('erasing a member on this tablet', () => {
  it('takes the photos off their visits and drops the bytes here, marked for deletion on the relay', async () => {
    const created = await createClubOnTablet({ name: 'CLB thôn Đông', kind: 'selfHelp' }, lan);
    if (!created.ok) throw new Error('club not created');
    const club = await openClubSession(created.value, lan);
    const xuyen = club.commands.addMember(person('Phạm Thị Xuyến'));
    const hoa = club.commands.addMember(person('Nguyễn Thị Hoa'));
    const cuc = club.commands.addMember(person('Lê Thị Cúc'));
    if (!xuyen.ok || !hoa.ok || !cuc.ok) throw new Error('members not added');
    const care = await openCareSession(club.clubId, lan, { canEditClub: club.canEdit });
    const visitTo = (memberId: string) => {
      const paired = care.commands.startPairing({
        volunteerId: hoa.value as MemberId,
        memberId: memberId as MemberId,
        start: '2026-10-01',
      });
      if (!paired.ok) throw new Error('pairing refused');
      const visit = care.commands.recordVisit(
        {
          pairingId: paired.value,
          date: '2026-10-30',
          visitorId: hoa.value as MemberId,
          activities: ['talk'],
        },
        '2026-11-01',
      );
      if (!visit.ok) throw new Error('visit refused');
      return visit.value;
    };
    const xuyenVisit = visitTo(xuyen.value);
    const cucVisit = visitTo(cuc.value);
    expect(care.commands.attachToVisit(xuyenVisit, photo(HASH)).ok).toBe(true);
    expect(care.commands.attachToVisit(cucVisit, photo(OTHER)).ok).toBe(true);
    const store = new PhotoStore();
    for (const hash of [HASH, OTHER])
      await store.put({
        clubId: club.clubId,
        hash,
        contentType: 'image/jpeg',
        scope: 'health',
        size: 3,
        bytes: new Blob([new Uint8Array([1, 2, 3])]),
        uploaded: true,
      });
    await care.whenSaved();

    expect(eraseMember(club, xuyen.value as MemberId).ok).toBe(true);
    await eraseInSiblingDocs(club);
    // The open care screen follows the club doc's erasure: her visit has no photo, Cúc's keeps hers.
    await expect.poll(() => care.view.visits.find((v) => v.id === xuyenVisit)?.attachments).toBeUndefined();
    expect(care.view.visits.find((v) => v.id === cucVisit)?.attachments?.map((a) => a.hash)).toEqual([OTHER]);
    // The bytes are gone from this tablet; the relay's copy waits to be deleted (this club is not shared).
    await expect.poll(async () => (await store.listErased(club.clubId)).map((p) => p.hash)).toEqual([HASH]);
    expect((await store.get(club.clubId, HASH))?.bytes).toBeUndefined();
    expect((await store.get(club.clubId, OTHER))?.bytes).toBeDefined();
    await care.close();
    await club.close();
  });
});
