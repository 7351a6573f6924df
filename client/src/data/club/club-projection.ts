import type { ClubChanges, ClubView, ListChanges } from '@chungtay/model';
import * as model from '@chungtay/model';
import { batch } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import type * as Y from 'yjs';
import type { Projection } from '../session/projection';

type ListKey = 'members' | 'groups' | 'meetings';
/** The store's own type: Solid's path setters refuse readonly fields, and the store is ours to write. */
type Writable<T> = T extends string | number | boolean | null
  ? T
  : { -readonly [K in keyof T]: Writable<T[K]> };
type Club = Writable<ClubView>;

/**
 * The club doc as the screens read it. The doc is read whole once, on open; after that the model's
 * follower says which records each batch of transactions changed, and only those are written into the
 * store, by path: an attendance tap sets one key of one meeting's attendance, the same work in a club of
 * 70 or 700 members. The store holds copies, never the follower's own objects, since Solid writes into
 * what a store holds.
 */
export function projectClub(doc: Y.Doc): Projection<ClubView> {
  let scheduled = false;
  let stopped = false;
  const follower = model.followClub(doc, () => {
    // Several transactions in one tick (a remote batch, a load) are patched in once.
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (!stopped) batch(() => patch(follower.flush()));
    });
  });
  const [club, setClub] = createStore<Club>(structuredClone(follower.view()) as unknown as Club);
  // One list path for members, groups and meetings alike is beyond Solid's setter types.
  const setPath = setClub as unknown as (...path: unknown[]) => void;
  // Where each record sits in the store's lists, kept in step with them.
  const indexes: Record<ListKey, Map<string, number>> = {
    members: indexOf(club.members),
    groups: indexOf(club.groups),
    meetings: indexOf(club.meetings),
  };

  function patchList<K extends ListKey>(key: K, changes: ListChanges<ClubView[K][number]>): void {
    const index = indexes[key];
    for (const record of changes.changed) {
      const i = index.get(record.id);
      if (i !== undefined) setPath(key, i, reconcile(structuredClone(record), { key: 'id', merge: true }));
    }
    if (changes.order === null) return;
    // Records came, went or moved: the list is rebuilt from the store's own objects, so every record
    // that stayed keeps its proxy and the screens re-render only what is new.
    const current: readonly { readonly id: string }[] = unwrap(club)[key];
    const added = new Map(changes.changed.map((record) => [record.id as string, record]));
    const next = changes.order.map((id) => {
      const i = index.get(id);
      return i === undefined ? structuredClone(added.get(id)) : current[i];
    });
    setPath(key, next);
    indexes[key] = indexOf(changes.order.map((id) => ({ id })));
  }

  function patch(changes: ClubChanges): void {
    if (changes.header) setClub(changes.header);
    if (changes.profile) setClub('profile', reconcile(structuredClone(changes.profile)));
    if (changes.settings) setClub('settings', reconcile(structuredClone(changes.settings)));
    if (changes.dismissedDuplicates) setClub('dismissedDuplicates', [...changes.dismissedDuplicates]);
    if (changes.redCross) setPath('redCross', reconcile(structuredClone(changes.redCross)));
    patchList('members', changes.members);
    patchList('groups', changes.groups);
    // Marks before the meetings' new order: they come by meeting id, looked up in the current order.
    for (const mark of changes.marks) {
      const i = indexes.meetings.get(mark.meetingId);
      // Setting undefined deletes the key, as the full read leaves an unmarked member out.
      if (i !== undefined)
        setClub('meetings', i, 'attendance', mark.memberId, mark.status ?? (undefined as never));
    }
    patchList('meetings', changes.meetings);
  }

  return {
    view: club as unknown as ClubView,
    stop: () => {
      stopped = true;
      follower.stop();
    },
  };
}

function indexOf(records: readonly { readonly id: string }[]): Map<string, number> {
  return new Map(records.map((record, i) => [record.id, i]));
}
