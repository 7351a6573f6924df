import * as Y from 'yjs';
import type { ClubId, IsoDate, MeetingId, MemberId, Result } from '../ids/ids';
import { type LocalOrigin, localOrigin } from '../origin/origin';
import type { ClubKind } from '../schema/enums';
import { createMoney } from './book-commands';
import type { MoneyClock } from './money-commands';

/** Shared by the money tests (not exported from the package): ids, authors, clocks, a started book. */

export const CLUB = 'club-money-0001' as ClubId;
export const LAN = 'member-lan-000001' as MemberId;
export const HUNG = 'member-hung-00001' as MemberId;
export const MAI = 'member-mai-000001' as MemberId;
export const MEETING = 'meeting-2026-03-10' as MeetingId;

export const treasurer: LocalOrigin = localOrigin({ id: 'treasurer', name: 'Hoa' });
export const chair: LocalOrigin = localOrigin({ id: 'chair', name: 'Bình' });

/** A clock at noon of `today`, `tick` milliseconds later, so entries recorded one after another order by time. */
export function clockAt(today: IsoDate, tick = 0): MoneyClock {
  return { today, now: new Date(Date.parse(`${today}T12:00:00.000Z`) + tick).toISOString() };
}

export function ok<T>(result: Result<T, unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

export function newBook(kind: ClubKind = 'selfHelp'): Y.Doc {
  const doc = new Y.Doc();
  ok(createMoney(doc, { clubId: CLUB, clubKind: kind }, treasurer));
  return doc;
}

/** Another tablet that synced `doc` once and went offline. */
export function fork(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc), { type: 'remote', source: 'test' });
  return copy;
}
