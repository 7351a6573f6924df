// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import type { MeetingId, MemberId } from '@chungtay/model';
import * as model from '@chungtay/model';
import { newMemberId } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testMeeting } from '../../../test/meeting';
import { listHeldDocs, listUnsent } from '../../device/unsent-docs';
import { TabletStore } from '../../sync/tablet-store';
import { registerOpenClub } from '../club/open-clubs';
import {
  currentMinutesNames,
  minutesStorageName,
  settleOldCopies,
  watchMinutesGeneration,
} from './minutes-generation';
import { openMinutesSession } from './minutes-session';

const author = { id: 'device-1', name: 'Nguyễn Thị Hoa' };
const NAME = 'Trần Thị Bưởi';
const databases = async () => (await indexedDB.databases()).map((each) => each.name);

/** A club open on this tablet (its doc registered as the club session registers it) and one meeting. */
function openClubWithMeeting(clubId: string) {
  const clubDoc = new Y.Doc();
  const stop = registerOpenClub(clubId, { doc: clubDoc, canEdit: () => true });
  const [chair, secretary] = [newMemberId(), newMemberId()];
  return { clubDoc, stop, chair, meeting: testMeeting(chair, secretary) };
}

describe("a meeting's minutes rewritten as a new generation, on this tablet", () => {
  it('redacts, switches to the new generation and deletes the old copy and its pending writes', async () => {
    const clubId = 'club-generation-1';
    const { clubDoc, stop, chair, meeting } = openClubWithMeeting(clubId);
    const old = await openMinutesSession({ clubId, meeting, author, canEditClub: () => true });
    expect(old.commands.addAgendaItem(`Thăm bà ${NAME}`).ok).toBe(true);
    await old.whenSaved();
    expect(old.findName('tran thi buoi')).toHaveLength(1);
    const oldNames = currentMinutesNames(clubId, meeting.id);
    const switched: string[] = [];
    const unwatch = watchMinutesGeneration(clubId, meeting.id, () => switched.push('now'));

    const result = await old.redact([NAME], chair as MemberId, new Map());
    expect(result).toEqual({ ok: true, value: { count: 1 } });
    expect(switched).toEqual(['now']);
    const generation = model.readMinutesGeneration(clubDoc, meeting.id as MeetingId);
    expect(generation?.number).toBe(1);
    await old.close();

    const fresh = await openMinutesSession({ clubId, meeting, author, canEditClub: () => true });
    expect(fresh.view.agenda.map((item) => item.title)).toEqual(['Thăm bà [đã xóa]']);
    expect(fresh.redactions()).toMatchObject([{ by: chair, count: 1 }]);
    expect(currentMinutesNames(clubId, meeting.id).storageName).toBe(
      minutesStorageName(clubId, meeting.id, generation),
    );
    expect(await databases()).toContain(oldNames.storageName);
    expect(await settleOldCopies(clubId, meeting.id)).toEqual([]);
    expect(await databases()).not.toContain(oldNames.storageName);
    for (const list of [listUnsent(clubId), listHeldDocs(clubId)])
      expect(list.map((doc) => doc.documentName)).not.toContain(oldNames.documentName);
    await fresh.close();
    unwatch();
    stop();
  });

  it('keeps an old copy with notes the rewrite never saw, and shows them', async () => {
    const clubId = 'club-generation-2';
    const { clubDoc, stop, meeting } = openClubWithMeeting(clubId);
    const old = await openMinutesSession({ clubId, meeting, author, canEditClub: () => true });
    expect(old.commands.addAgendaItem('Thăm hỏi').ok).toBe(true);
    await old.whenSaved();
    await old.close();
    // Another tablet rewrote the minutes from what it had then; this tablet typed on, offline.
    const names = currentMinutesNames(clubId, meeting.id);
    const copy = model.createMinutesDoc();
    const tablet = new TabletStore(names.storageName, copy);
    await tablet.load();
    const fromState = Y.encodeStateVector(copy);
    const item = model.readMinutes(copy).agenda[0];
    if (item === undefined) throw new Error('no item');
    model.updateAgendaItem(copy, item.id, { decisions: 'Tặng quà bà Bưởi' }, model.localOrigin(author));
    await tablet.whenSettled();
    await tablet.destroy();
    const origin = model.localOrigin(author);
    const at = '2026-03-05T09:00:00.000Z';
    model.recordMinutesGeneration(
      clubDoc,
      meeting.id as MeetingId,
      { number: 1, id: model.newGenerationId(), by: 'x', at, fromState },
      origin,
    );

    const kept = await settleOldCopies(clubId, meeting.id);
    expect(kept).toEqual([
      {
        storageName: names.storageName,
        documentName: names.documentName,
        generation: null,
        edits: [{ place: { kind: 'agenda', itemId: item.id, field: 'decisions' }, text: 'Tặng quà bà Bưởi' }],
      },
    ]);
    // Kept until the committee discards it.
    expect(await databases()).toContain(names.storageName);
    stop();
  });
});
