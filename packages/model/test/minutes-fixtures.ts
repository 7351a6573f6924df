import { expect } from 'vitest';
import * as Y from 'yjs';
import type { ClubId, MeetingId, MemberId } from '../src/ids/ids';
import { createMinutes } from '../src/minutes/minutes-commands';
import { type AgendaItemId, createMinutesDoc, getAgendaBody } from '../src/minutes/minutes-layout';
import type { MinutesView } from '../src/minutes/minutes-types';
import { readMinutes } from '../src/minutes/read-minutes';
import { alice, value } from './fixtures';
import { deliver, permutations } from './peers';

/** Minutes fixtures: well-formed ids, a started minutes doc, rich-text helpers and gc-off peers. */

export const CLUB = 'club-dong-0001' as ClubId;
export const MEETING = 'meeting-2026-03' as MeetingId;
export const LAN = 'member-lan-0001' as MemberId;
export const HUNG = 'member-hung-001' as MemberId;
export const MAI = 'member-mai-0001' as MemberId;
export const AT = '2026-03-20T10:30:00.000Z';

export function newMinutes(): Y.Doc {
  const doc = createMinutesDoc();
  value(
    createMinutes(
      doc,
      {
        clubId: CLUB,
        meetingId: MEETING,
        header: {
          date: '2026-03-20',
          startedAt: '08:00',
          place: 'Nhà văn hóa thôn Đông',
          chairId: LAN,
          secretaryId: HUNG,
        },
      },
      alice,
    ),
  );
  return doc;
}

/** Appends a paragraph with `text` to an agenda item's body, as the editor would. */
export function typeParagraph(doc: Y.Doc, itemId: AgendaItemId, text: string): void {
  const body = getAgendaBody(doc, itemId);
  if (body === null) throw new Error('no body');
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    body.push([paragraph]);
  }, alice);
}

/** Types into the first paragraph's text at `index`. */
export function typeAt(doc: Y.Doc, itemId: AgendaItemId, index: number, text: string): void {
  const paragraph = getAgendaBody(doc, itemId)?.get(0);
  const run = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined;
  if (!(run instanceof Y.XmlText)) throw new Error('no paragraph');
  doc.transact(() => run.insert(index, text), alice);
}

export function forkMinutes(doc: Y.Doc, count: number): Y.Doc[] {
  return Array.from({ length: count }, () => {
    const replica = createMinutesDoc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    return replica;
  });
}

/** Every peer receives the others' updates in every order, and a fresh observer every full state. */
export function expectMinutesConvergence(docs: readonly Y.Doc[]): MinutesView {
  const views: MinutesView[] = [];
  docs.forEach((doc, i) => {
    for (const order of permutations(docs.filter((_, j) => j !== i))) {
      const [replica] = forkMinutes(doc, 1) as [Y.Doc];
      for (const other of order) deliver(other, replica);
      views.push(readMinutes(replica));
    }
  });
  for (const order of permutations(docs.map((d) => Y.encodeStateAsUpdate(d)))) {
    const observer = createMinutesDoc();
    for (const state of order) Y.applyUpdate(observer, state);
    views.push(readMinutes(observer));
  }
  const [first, ...rest] = views;
  if (first === undefined) throw new Error('no peers');
  for (const other of rest) expect(other).toEqual(first);
  return first;
}
