import type { ReportFigures } from '@chungtay/model';
import { describe, expect, it } from 'vitest';
import { figureRows } from './report-rows';

const figures: ReportFigures = {
  period: { kind: 'year', from: '2026-01-01', to: '2026-12-31' },
  members: {
    atStart: 50,
    atEnd: 52,
    joined: 3,
    left: 1,
    women: 33,
    ageKnown: 52,
    older: 30,
    poorOrNearPoor: 10,
    ethnicMinority: 2,
  },
  meetings: { held: 12, present: 500, roster: 600 },
  activities: [],
  health: null,
  money: null,
  care: null,
  redCross: null,
} as unknown as ReportFigures;

describe('the report’s rows', () => {
  it('show a Red Cross chapter’s counts by skill and kind of activity, and none for another club', () => {
    const keys = (f: ReportFigures) =>
      figureRows(f).map((r) => [r.key, r.params?.skill ?? r.params?.kind ?? '', r.value]);
    expect(keys(figures).some(([key]) => String(key).startsWith('rc'))).toBe(false);
    const chapter = {
      ...figures,
      redCross: {
        volunteers: 14,
        volunteersBySkill: { firstAid: 6, bloodDonation: 9, rescue: 2, relief: 4 },
        activitiesByKind: { bloodDrive: 2, relief: 1, firstAidTraining: 1, other: 0 },
        participants: 85,
        bloodUnits: 41,
      },
    } as ReportFigures;
    expect(keys(chapter).filter(([key]) => String(key).startsWith('rc'))).toEqual([
      ['rcVolunteers', '', 14],
      ['rcSkill', 'firstAid', 6],
      ['rcSkill', 'bloodDonation', 9],
      ['rcSkill', 'rescue', 2],
      ['rcSkill', 'relief', 4],
      ['rcActivity', 'bloodDrive', 2],
      ['rcActivity', 'relief', 1],
      ['rcActivity', 'firstAidTraining', 1],
      ['rcActivity', 'other', 0],
      ['rcParticipants', '', 85],
      ['rcBloodUnits', '', 41],
    ]);
    // A report frozen before Red Cross counts existed has no such field at all.
    const { redCross: _, ...older } = figures;
    expect(figureRows(older as ReportFigures).length).toBe(figureRows(figures).length);
  });

  it('give attendance as a share of the roster', () => {
    expect(figureRows(figures).find((r) => r.key === 'attendance')?.value).toBeCloseTo(83.33, 1);
  });
});
