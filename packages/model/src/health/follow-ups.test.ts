import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alice, bob, markNewer, value } from '../../test/fixtures';
import { CLUB, HUNG, LAN, MAI, MEETING } from '../../test/minutes-fixtures';
import { deliver } from '../../test/peers';
import type { MeetingId } from '../ids/ids';
import {
  followUpsMap,
  listFollowUpItems,
  listMemberHealth,
  markFollowedUp,
  reopenFollowUp,
} from './follow-ups';
import {
  createHealth,
  eraseMemberHealthData,
  recordHealthCheck,
  updateHealthThresholds,
} from './health-commands';
import { readHealth } from './read-health';

const EARLIER = 'meeting-2026-02' as MeetingId;

function newHealth(): Y.Doc {
  const doc = new Y.Doc();
  value(createHealth(doc, { clubId: CLUB }, alice));
  return doc;
}

/** Lan: high at the last meeting. Hùng: high in February, fine in March. Mai: low sugar in March. */
function clubWithChecks(): Y.Doc {
  const doc = newHealth();
  const at = (meetingId: MeetingId, takenAt: string) => ({ meetingId, takenAt });
  value(
    recordHealthCheck(
      doc,
      { ...at(EARLIER, '2026-02-20'), memberId: LAN, systolic: 150, diastolic: 95 },
      alice,
    ),
  );
  value(
    recordHealthCheck(
      doc,
      { ...at(MEETING, '2026-03-20'), memberId: LAN, systolic: 160, diastolic: 98 },
      alice,
    ),
  );
  value(
    recordHealthCheck(
      doc,
      { ...at(EARLIER, '2026-02-20'), memberId: HUNG, systolic: 150, diastolic: 95 },
      alice,
    ),
  );
  value(
    recordHealthCheck(
      doc,
      { ...at(MEETING, '2026-03-20'), memberId: HUNG, systolic: 120, diastolic: 80 },
      alice,
    ),
  );
  value(recordHealthCheck(doc, { ...at(MEETING, '2026-03-20'), memberId: MAI, glucoseMmol: 3.2 }, alice));
  return doc;
}

describe('follow-ups', () => {
  it('lists members flagged at their last check, those still to do first', () => {
    const doc = clubWithChecks();
    const items = listFollowUpItems(readHealth(doc));
    expect(items.map((i) => [i.check.memberId, i.check.meetingId, i.flags, i.done])).toEqual([
      [MAI, MEETING, ['lowGlucose'], null],
      [LAN, MEETING, ['highBloodPressure'], null],
    ]);
  });

  it('closes an item with "đã thăm hỏi", and a new flagged check opens a new one', () => {
    const doc = clubWithChecks();
    value(markFollowedUp(doc, { meetingId: MEETING, memberId: LAN, on: '2026-03-22' }, bob));
    const items = listFollowUpItems(readHealth(doc));
    expect(items.map((i) => [i.check.memberId, i.done])).toEqual([
      [MAI, null],
      [LAN, { on: '2026-03-22', by: 'bob' }],
    ]);
    const next = 'meeting-2026-04' as MeetingId;
    value(
      recordHealthCheck(
        doc,
        { meetingId: next, memberId: LAN, takenAt: '2026-04-20', systolic: 145, diastolic: 92 },
        alice,
      ),
    );
    expect(listFollowUpItems(readHealth(doc)).find((i) => i.check.memberId === LAN)).toMatchObject({
      check: { meetingId: next },
      done: null,
    });
  });

  it('reopens an item marked by mistake', () => {
    const doc = clubWithChecks();
    value(markFollowedUp(doc, { meetingId: MEETING, memberId: MAI, on: '2026-03-21' }, alice));
    value(reopenFollowUp(doc, { meetingId: MEETING, memberId: MAI }, alice));
    expect(listFollowUpItems(readHealth(doc)).every((i) => i.done === null)).toBe(true);
    expect(reopenFollowUp(doc, { meetingId: MEETING, memberId: MAI }, alice)).toMatchObject({
      ok: false,
      error: { type: 'notFound' },
    });
  });

  it('follows the club’s thresholds', () => {
    const doc = clubWithChecks();
    value(updateHealthThresholds(doc, { highSystolic: 115 }, alice));
    expect(listFollowUpItems(readHealth(doc)).map((i) => i.check.memberId)).toContain(HUNG);
  });

  it('refuses a bad date and writes nothing on a newer schema', () => {
    const doc = clubWithChecks();
    expect(markFollowedUp(doc, { meetingId: MEETING, memberId: LAN, on: '22/03/2026' }, alice)).toEqual({
      ok: false,
      error: { type: 'invalid', fields: { on: 'dateFormat' } },
    });
    markNewer(doc);
    expect(markFollowedUp(doc, { meetingId: MEETING, memberId: LAN, on: '2026-03-22' }, alice)).toEqual({
      ok: false,
      error: { type: 'readOnly' },
    });
    expect(readHealth(doc).followUps).toEqual({});
  });

  it('agrees on two tablets marking the same item at once, in either order', () => {
    for (const order of [0, 1]) {
      const [a, b] = [clubWithChecks(), newHealth()];
      deliver(a, b);
      value(markFollowedUp(a, { meetingId: MEETING, memberId: LAN, on: '2026-03-22' }, alice));
      value(markFollowedUp(b, { meetingId: MEETING, memberId: MAI, on: '2026-03-23' }, bob));
      value(markFollowedUp(b, { meetingId: MEETING, memberId: LAN, on: '2026-03-23' }, bob));
      if (order === 0) {
        deliver(a, b);
        deliver(b, a);
      } else {
        deliver(b, a);
        deliver(a, b);
      }
      expect(readHealth(a)).toEqual(readHealth(b));
      expect(listFollowUpItems(readHealth(a)).every((i) => i.done !== null)).toBe(true);
    }
  });

  it('leaves out an unreadable follow-up written by another version', () => {
    const doc = clubWithChecks();
    followUpsMap(doc).set(`${MEETING}/${LAN}`, 'yes');
    followUpsMap(doc).set(`${MEETING}/${MAI}`, { on: '2026-03-22', by: 'bob' });
    expect(readHealth(doc).followUps).toEqual({ [`${MEETING}/${MAI}`]: { on: '2026-03-22', by: 'bob' } });
  });

  it('erases a member’s follow-ups with the rest of their health data', () => {
    const doc = clubWithChecks();
    value(markFollowedUp(doc, { meetingId: MEETING, memberId: LAN, on: '2026-03-22' }, alice));
    value(markFollowedUp(doc, { meetingId: MEETING, memberId: MAI, on: '2026-03-22' }, alice));
    // Two checks of six keys each (two measurements, their write records, the day, who), and the follow-up.
    expect(value(eraseMemberHealthData(doc, LAN, alice))).toBe(13);
    expect(Object.keys(readHealth(doc).followUps)).toEqual([`${MEETING}/${MAI}`]);
  });
});

describe('listMemberHealth', () => {
  it('gives one member’s checks oldest first', () => {
    const doc = clubWithChecks();
    expect(listMemberHealth(readHealth(doc), LAN).map((c) => [c.takenAt, c.systolic])).toEqual([
      ['2026-02-20', 150],
      ['2026-03-20', 160],
    ]);
  });
});
