import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readClub } from '../club/read-club';
import { getComposition } from '../indicators/composition';
import { getGroupSizes, getMeetingAttendance } from '../indicators/groups-attendance';
import { localOrigin } from '../origin/origin';
import { listPossibleDuplicates } from '../roster/duplicates';
import { listActiveMembers } from '../roster/member-queries';
import { seedSampleClub } from './sample-club';

const TODAY = '2026-03-20';
const origin = localOrigin({ id: 'demo', name: 'Demo' });

function seeded(seed?: number) {
  const doc = new Y.Doc();
  const id = seedSampleClub(doc, origin, TODAY, seed);
  return { doc, id, view: readClub(doc) };
}

function strip(view: ReturnType<typeof readClub>) {
  return view.members.map((m) => [
    m.fullName,
    m.birthYear,
    m.gender,
    m.household,
    m.role,
    m.left?.reason ?? null,
  ]);
}

describe('seedSampleClub', () => {
  it('creates a self-help club in Thanh Hóa with the club id it returns', () => {
    const { id, view } = seeded();
    expect(view.id).toBe(id);
    expect(view.profile.name).toBe('CLB Liên thế hệ tự giúp nhau thôn Đông');
    expect(view.profile.kind).toBe('selfHelp');
    expect(view.profile.province).toBe('tỉnh Thanh Hóa');
  });

  it('has about 60 members, roughly 65% women and 65% older, with one who left', () => {
    const { view } = seeded();
    expect(view.members).toHaveLength(60);
    expect(listActiveMembers(view)).toHaveLength(59);
    const composition = getComposition(view, TODAY);
    expect(composition.women.pct).toBeGreaterThan(55);
    expect(composition.women.pct).toBeLessThan(75);
    expect(composition.older.pct).toBeGreaterThan(55);
    expect(composition.older.pct).toBeLessThan(75);
    expect(composition.poorOrNearPoor.count).toBeGreaterThan(3);
    expect(composition.ethnicMinority.count).toBeGreaterThan(0);
    expect(view.members.filter((m) => m.left !== null)[0]?.left?.reason).not.toBe('');
  });

  it('sets the committee, records consent and has no duplicate names', () => {
    const { view } = seeded();
    const roles = view.members.map((m) => m.role);
    for (const role of ['chair', 'viceChair', 'secretary', 'treasurer', 'groupLeader'] as const) {
      expect(roles).toContain(role);
    }
    expect(view.members.every((m) => m.consent !== null)).toBe(true);
    expect(listPossibleDuplicates(view)).toEqual([]);
    expect(new Set(view.members.map((m) => m.hamlet)).size).toBeGreaterThanOrEqual(3);
  });

  it('fills the 8 groups, with a couple outside the 7–20 range', () => {
    const { view } = seeded();
    const sizes = getGroupSizes(view);
    expect(sizes).toHaveLength(8);
    expect(sizes.filter((s) => s.status !== 'ok').length).toBe(2);
    expect(view.groups.every((g) => g.leaderId !== null)).toBe(true);
  });

  it('holds 12 monthly meetings in the past year with realistic attendance', () => {
    const { view } = seeded();
    expect(view.meetings).toHaveLength(12);
    expect(view.meetings.every((m) => m.date < TODAY && m.date >= '2025-03-01')).toBe(true);
    for (const meeting of view.meetings) {
      const summary = getMeetingAttendance(view, meeting.id);
      expect(summary.rate).toBeGreaterThan(0.5);
      expect(summary.rate).toBeLessThan(1);
    }
  });

  it('is deterministic for a seed and varies with it', () => {
    expect(strip(seeded(7).view)).toEqual(strip(seeded(7).view));
    expect(strip(seeded(7).view)).not.toEqual(strip(seeded(8).view));
  });

  it('writes everything in one transaction', () => {
    const doc = new Y.Doc();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    seedSampleClub(doc, origin, TODAY);
    expect(transactions).toBe(1);
  });
});
