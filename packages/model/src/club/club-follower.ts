import type * as Y from 'yjs';
import type { MeetingId, MemberId } from '../ids/ids';
import type { RedCrossView } from '../red-cross/read-red-cross';
import { RED_CROSS_ROOTS } from '../red-cross/red-cross-layout';
import type { AttendanceStatus } from '../schema/enums';
import type { ClubProfile, ClubSettings, ClubView, Group, Meeting, Member } from '../schema/types';
import { type ClubRoot, collectChangedRecords, hasChangedRecords, noChangedRecords } from './changed-records';
import type { ClubHeader } from './club-records';
import { readState } from './club-state';

/** What one flush changed in a list: enough to patch a copy of it record by record. */
export interface ListChanges<T> {
  /** Records added or changed, as they are now. */
  readonly changed: readonly T[];
  /** Every id in its new order when records were added, removed or moved; null when the order held. */
  readonly order: readonly string[] | null;
}

/** A mark shown differently on a meeting that is not in `meetings.changed`. */
export interface MarkChange {
  readonly meetingId: MeetingId;
  readonly memberId: MemberId;
  readonly status: AttendanceStatus | null;
}

export interface ClubChanges {
  readonly header: ClubHeader | null;
  readonly profile: ClubProfile | null;
  readonly settings: ClubSettings | null;
  readonly dismissedDuplicates: readonly string[] | null;
  readonly redCross: RedCrossView | null;
  readonly members: ListChanges<Member>;
  readonly groups: ListChanges<Group>;
  readonly meetings: ListChanges<Meeting>;
  readonly marks: readonly MarkChange[];
  /** Records (or single marks) read and validated: one for an attendance tap, whatever the club's size. */
  readonly validated: number;
  /** A merge changed, so every reference to a member was resolved again (without re-validating). */
  readonly resolvedAgain: boolean;
}

export interface ClubFollower {
  /** Equal to `readClub(doc)` after each flush. The lists are the follower's own: copy what you keep. */
  view(): ClubView;
  /** Whether the doc changed since the last flush. */
  pending(): boolean;
  /** Reads what changed since the last flush and brings the view up to date. */
  flush(): ClubChanges;
  stop(): void;
}

const ROOTS: readonly ClubRoot[] = [
  'meta',
  'profile',
  'settings',
  'members',
  'groups',
  'meetings',
  'dismissedDuplicates',
  ...RED_CROSS_ROOTS,
];

/**
 * Follows a club doc record by record: one full read now, then after each batch of transactions only
 * the records Yjs's events name are read and validated again. `onChange` is called (once per batch
 * until the next flush) when something changed; the caller decides when to flush.
 */
export function followClub(doc: Y.Doc, onChange: () => void = () => {}): ClubFollower {
  let changed = noChangedRecords();
  const observers = ROOTS.map((root) => {
    const type = doc.getMap<unknown>(root);
    const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      const wasPending = hasChangedRecords(changed);
      collectChangedRecords(root, events, changed);
      if (!wasPending && hasChangedRecords(changed)) onChange();
    };
    type.observeDeep(observer);
    return () => type.unobserveDeep(observer);
  });
  const state = readState(doc);
  return {
    view: () => state.view(),
    pending: () => hasChangedRecords(changed),
    flush: () => {
      const batch = changed;
      changed = noChangedRecords();
      return state.apply(batch);
    },
    stop: () => {
      for (const unobserve of observers) unobserve();
    },
  };
}
