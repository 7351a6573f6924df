import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alice, bob, value } from '../../test/fixtures';
import { AT, forkMinutes, LAN, MEETING, newMinutes } from '../../test/minutes-fixtures';
import { permutations } from '../../test/peers';
import type { MeetingId } from '../ids/ids';
import { addAgendaItem, updateAgendaItem } from '../minutes/agenda-commands';
import { updateMinutesHeader } from '../minutes/minutes-commands';
import {
  isStateCovered,
  minutesGenerationDocName,
  nextGenerationNumber,
  readMinutesGeneration,
  recordMinutesGeneration,
  retiredGenerations,
} from './minutes-generation';
import { oldGenerationEdits } from './old-generation';
import { rewriteMinutes } from './rewrite-minutes';

const NAME = 'Trần Thị Bưởi';
const NOBODY = { chair: null, secretary: null, reopenings: [] } as const;

/** A rewrite that only sheds history (no words to redact), recorded in `clubDoc`. */
function rewriteOn(clubDoc: Y.Doc, minutes: Y.Doc, id: string) {
  const fromState = Y.encodeStateVector(minutes);
  value(rewriteMinutes(minutes, { terms: [], by: LAN, at: AT, vouched: NOBODY }, alice));
  const number = nextGenerationNumber(clubDoc, MEETING);
  return recordMinutesGeneration(clubDoc, MEETING, { number, id, by: 'alice', at: AT, fromState }, alice);
}

describe('minutes generations', () => {
  it('names generation 0 as before and later ones by their id', () => {
    expect(minutesGenerationDocName('club-dong-0001' as never, MEETING, null)).toBe(
      'club-dong-0001/meeting/meeting-2026-03',
    );
    expect(
      minutesGenerationDocName('club-dong-0001' as never, MEETING, {
        number: 2,
        id: 'AbCdEfGhIjKlMnOpQrStUv',
      }),
    ).toBe('club-dong-0001/meeting/meeting-2026-03_2_AbCdEfGhIjKlMnOpQrStUv');
  });

  it('two tablets rewriting at once converge on one generation, in every order', () => {
    const minutes = newMinutes();
    value(addAgendaItem(minutes, { title: `Thăm bà ${NAME}` }, alice));
    const clubs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    rewriteOn(clubs[0] as Y.Doc, minutes, 'generation-aaaa-0001');
    rewriteOn(clubs[1] as Y.Doc, minutes, 'generation-bbbb-0002');
    const ids = new Set<string>();
    for (const order of permutations(clubs.slice(0, 2))) {
      const observer = new Y.Doc();
      for (const club of order) Y.applyUpdate(observer, Y.encodeStateAsUpdate(club));
      ids.add(readMinutesGeneration(observer, MEETING as MeetingId)?.id ?? '');
    }
    expect(ids.size).toBe(1);
    const winner = [...ids][0];
    // Each tablet's record names generation 1, retiring generation 0.
    const observer = clubs[2] as Y.Doc;
    for (const club of clubs.slice(0, 2)) Y.applyUpdate(observer, Y.encodeStateAsUpdate(club));
    expect(readMinutesGeneration(observer, MEETING)).toMatchObject({
      number: 1,
      id: winner,
      retired: ['0:'],
    });
    // The next rewrite retires both generation 0 and the winner.
    const next = rewriteOn(observer, minutes, 'generation-cccc-0003');
    expect(next).toMatchObject({ number: 2, retired: ['0:', `1:${winner}`] });
    expect(retiredGenerations(observer, MEETING)).toEqual([null, { number: 1, id: winner }]);
  });

  it('an old copy with nothing beyond the rewrite is covered and may be deleted', () => {
    const minutes = newMinutes();
    const [tablet] = forkMinutes(minutes, 1) as [Y.Doc];
    const generation = rewriteOn(new Y.Doc(), minutes, 'generation-aaaa-0001');
    expect(oldGenerationEdits(tablet, generation)).toEqual({ type: 'covered' });
  });

  it('edits made offline on the old generation are kept aside, whether made before or after the rewrite', () => {
    const minutes = newMinutes();
    const item = value(addAgendaItem(minutes, { title: 'Thăm hỏi', decisions: 'Tặng quà' }, alice));
    const [offline, other] = forkMinutes(minutes, 2) as [Y.Doc, Y.Doc];
    // The offline tablet types before and after the rewrite happens elsewhere; another tablet's edit reaches
    // the rewriting tablet first (so the rewrite has it), then also the offline tablet.
    value(updateAgendaItem(offline, item, { decisions: `Tặng quà, bà ${NAME} cảm ơn` }, bob));
    value(updateMinutesHeader(other, { number: 'Số: 05/BB-CLB' }, alice));
    Y.applyUpdate(minutes, Y.encodeStateAsUpdate(other));
    const generation = rewriteOn(new Y.Doc(), minutes, 'generation-aaaa-0001');
    for (const order of [
      [other, offline],
      [offline, other],
    ]) {
      const [copy] = forkMinutes(offline, 1) as [Y.Doc];
      for (const from of order) Y.applyUpdate(copy, Y.encodeStateAsUpdate(from as Y.Doc));
      value(updateMinutesHeader(copy, { closedAt: '11:00' }, bob));
      const state = oldGenerationEdits(copy, generation);
      expect(state.type).toBe('keptAside');
      if (state.type !== 'keptAside') return;
      expect(state.edits).toContainEqual({
        place: { kind: 'agenda', itemId: item, field: 'decisions' },
        text: `, bà ${NAME} cảm ơn`,
      });
      expect(state.edits).toContainEqual({ place: { kind: 'header', field: 'closedAt' }, text: '11:00' });
      // The other tablet's number reached the rewrite: it is not kept aside.
      expect(state.edits.some((e) => e.text.includes('05/BB'))).toBe(false);
      expect(isStateCovered(Y.encodeStateVector(copy), generation.fromState)).toBe(false);
    }
  });
});
