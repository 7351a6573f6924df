import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPerson, alice, newClub, TODAY, value } from '../../test/fixtures';
import { readClub } from '../club/read-club';
import { addGroup, assignToGroup, retireGroup } from '../groups/group-commands';
import { createHealth, recordHealthCheck } from '../health/health-commands';
import { readHealth } from '../health/read-health';
import { addMeeting, setAttendance } from '../meetings/meeting-commands';
import { readMoney } from '../money/read-money';
import { seedSampleMoney } from '../money/sample-money';
import { seedSampleClub } from '../sample/sample-club';
import { computeSummary } from './compute-summary';
import { readSummary, writeSummary } from './summary-doc';
import { getSupervisorRow, listAreaActivity } from './supervisor-row';

const NOW = `${TODAY}T08:00:00.000Z`;

function smallClub() {
  const { doc, clubId } = newClub({ commune: 'xã Đông Hòa', district: 'huyện Đông' });
  const lan = addPerson(doc, {
    fullName: 'Nguyễn Thị Lan',
    gender: 'female',
    birthYear: 1955,
    household: 'poor',
  });
  const hung = addPerson(doc, {
    fullName: 'Trần Văn Hùng',
    gender: 'male',
    birthYear: 1990,
    phone: '0987 654 321',
  });
  addPerson(doc, { fullName: 'Lê Thị Mai', gender: 'female', birthYear: null });
  const meeting = value(
    addMeeting(
      doc,
      {
        date: '2026-03-05',
        time: '07:30',
        kind: 'regular',
        place: 'nhà văn hóa',
        chairId: null,
        secretaryId: null,
      },
      alice,
      TODAY,
    ),
  );
  value(setAttendance(doc, { meetingId: meeting, memberId: lan, status: 'present' }, alice));
  value(setAttendance(doc, { meetingId: meeting, memberId: hung, status: 'absent' }, alice));
  // A planned meeting is not yet held.
  value(
    addMeeting(
      doc,
      { date: '2026-04-05', time: '', kind: 'regular', place: '', chairId: null, secretaryId: null },
      alice,
      TODAY,
    ),
  );
  return { doc, clubId, lan, hung, meeting };
}

describe('computeSummary', () => {
  it('counts members against the targets, meetings by month and groups, with no one named', () => {
    const { doc } = smallClub();
    const summary = computeSummary(readClub(doc), null, null, NOW);
    expect(summary.members).toEqual({
      total: 3,
      women: 2,
      ageKnown: 2,
      older: 1,
      poorOrNearPoor: 1,
      ethnicMinority: 0,
    });
    expect(summary.targets.womenMinPct).toBe(60);
    expect(summary.meetings).toEqual([{ month: '2026-03', held: 1, present: 1, roster: 3 }]);
    expect(summary.health).toBeNull();
    expect(summary.money).toBeNull();
    const text = JSON.stringify(summary);
    for (const personal of ['Lan', 'Hùng', 'Mai', '0987', '1955']) expect(text).not.toContain(personal);
  });

  it('keeps running groups with their sizes and areas, and drops a retired one when written again', () => {
    const { doc, lan, hung } = smallClub();
    const first = value(addGroup(doc, { name: 'Nhóm tăng thu nhập' }, alice));
    const second = value(addGroup(doc, { name: 'Nhóm văn nghệ' }, alice));
    value(assignToGroup(doc, { groupId: first, memberId: lan }, alice));
    value(assignToGroup(doc, { groupId: first, memberId: hung }, alice));
    const summaryDoc = new Y.Doc();
    value(writeSummary(summaryDoc, computeSummary(readClub(doc), null, null, NOW), alice));
    const sizes = readSummary(summaryDoc).groups.filter((g) => g.id === first || g.id === second);
    expect(sizes.map((g) => g.size)).toEqual([2, 0]);
    value(retireGroup(doc, second, TODAY, alice));
    value(writeSummary(summaryDoc, computeSummary(readClub(doc), null, null, NOW), alice));
    expect(readSummary(summaryDoc).groups.some((g) => g.id === second)).toBe(false);
    expect(listAreaActivity(readSummary(summaryDoc)).every((a) => a.groups > 0)).toBe(true);
  });

  it('counts health checks and open follow-ups, never their values', () => {
    const { doc, clubId, lan, hung, meeting } = smallClub();
    const health = new Y.Doc();
    value(createHealth(health, { clubId }, alice));
    value(
      recordHealthCheck(
        health,
        { meetingId: meeting, memberId: lan, takenAt: TODAY, systolic: 165, diastolic: 100 },
        alice,
      ),
    );
    value(
      recordHealthCheck(
        health,
        { meetingId: meeting, memberId: hung, takenAt: TODAY, weightKg: 61.5 },
        alice,
      ),
    );
    const summary = computeSummary(readClub(doc), readHealth(health), null, NOW);
    expect(summary.health).toEqual({ checks: 2, membersChecked: 2, followUpsOpen: 1 });
    expect(JSON.stringify(summary)).not.toContain('165');
  });

  it('sums loans and funds from two sample years of the money book, as whole đồng', () => {
    const club = new Y.Doc();
    const clubId = seedSampleClub(club, alice, TODAY);
    const view = readClub(club);
    const money = new Y.Doc();
    seedSampleMoney(
      money,
      { clubId, memberIds: view.members.map((m) => m.id), today: TODAY, months: 24 },
      alice,
    );
    const summary = computeSummary(view, null, readMoney(money), NOW);
    const figures = summary.money;
    if (figures === null) throw new Error('money section expected');
    expect(figures.loans).toBeGreaterThan(0);
    expect(figures.borrowedEver).toBeLessThanOrEqual(summary.members.total);
    expect(Number.isInteger(figures.funds.income) && figures.funds.income > 0).toBe(true);
    expect(figures.dues).not.toBeNull();
    const row = getSupervisorRow(summary, TODAY);
    expect(row.fundSize).toBe(Object.values(figures.funds).reduce((a, b) => a + b, 0));
    expect(row.overdueAmount).toBe(figures.overdueAmount);
    const names = view.members.map((m) => m.fullName);
    const text = JSON.stringify(summary);
    expect(names.filter((name) => text.includes(name))).toEqual([]);
  });
});

describe('getSupervisorRow', () => {
  it('marks a small club below its member, women and meeting targets, in the plan’s order', () => {
    const { doc } = smallClub();
    const summary = computeSummary(readClub(doc), null, null, NOW);
    const row = getSupervisorRow(summary, TODAY);
    expect(row.members).toBe(3);
    expect(row.womenPct).toBeCloseTo(66.67, 1);
    expect(row.olderPct).toBe(50);
    expect(row.meetingsLast3Months).toBe(1);
    expect(row.attendancePct).toBeCloseTo(33.33, 1);
    expect(row.below).toEqual(['members', 'older']);
    expect(getSupervisorRow(summary, '2026-07-01').below).toContain('meetings');
  });
});
