import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPerson, alice, newClub, TODAY, value } from '../../test/fixtures';
import { readClub } from '../club/read-club';
import { computeReportFigures, flattenReportFigures } from '../report/report-figures';
import { standardPeriod } from '../report/report-period';
import { computeSummary } from '../summary/compute-summary';
import { readSummary, writeSummary } from '../summary/summary-doc';
import { recordRedCrossActivity, registerVolunteer } from './red-cross-commands';

const AT = '2026-03-20T08:00:00.000Z';
const H1 = standardPeriod('halfYear', 2026, 1);
const NOW = '2026-03-20T09:00:00.000Z';

function chapter(kind: 'redCross' | 'selfHelp' = 'redCross') {
  const { doc } = newClub({ name: 'Chi hội Chữ thập đỏ thôn Đông', kind });
  const lan = addPerson(doc, { fullName: 'Nguyễn Thị Lan' });
  value(
    registerVolunteer(
      doc,
      { memberId: lan, since: '2025-05-01', skills: ['firstAid', 'bloodDonation'] },
      TODAY,
      alice,
      AT,
    ),
  );
  const drive = {
    kind: 'bloodDrive',
    date: '2026-03-08',
    place: 'Nhà văn hóa',
    participants: 42,
    bloodUnits: 38,
  } as const;
  value(recordRedCrossActivity(doc, drive, TODAY, alice, AT));
  value(
    recordRedCrossActivity(
      doc,
      { ...drive, date: '2025-10-01', participants: 30, bloodUnits: 25 },
      TODAY,
      alice,
      AT,
    ),
  );
  return doc;
}

describe('a Red Cross chapter’s counts in its report and its summary', () => {
  it('the half-year report counts the register and the half-year’s log, as figure codes with no name', () => {
    const club = readClub(chapter());
    const figures = computeReportFigures({ club, health: null, money: null, care: null }, H1);
    expect(figures.redCross).toEqual({
      volunteers: 1,
      volunteersBySkill: { firstAid: 1, bloodDonation: 1, rescue: 0, relief: 0 },
      activitiesByKind: { bloodDrive: 1, relief: 0, firstAidTraining: 0, other: 0 },
      participants: 42,
      bloodUnits: 38,
    });
    const codes = flattenReportFigures(figures);
    expect(codes).toMatchObject({
      'redCross.volunteers': 1,
      'redCross.volunteers.firstAid': 1,
      'redCross.activities.bloodDrive': 1,
      'redCross.bloodUnits': 38,
    });
    expect(JSON.stringify(codes)).not.toContain('Lan');
  });

  it('another kind of club has no Red Cross figures, in the report or the summary', () => {
    const club = readClub(chapter('selfHelp'));
    expect(computeReportFigures({ club, health: null, money: null, care: null }, H1).redCross).toBeNull();
    expect(computeSummary(club, null, null, NOW).redCross).toBeNull();
  });

  it('the summary a supervisor reads carries this year’s counts and no name', () => {
    const summary = computeSummary(readClub(chapter()), null, null, NOW);
    const doc = new Y.Doc();
    value(writeSummary(doc, summary, alice));
    const read = readSummary(doc);
    expect(read.redCross).toEqual(summary.redCross);
    expect(read.redCross?.bloodUnits).toBe(38);
    expect(JSON.stringify(doc.getMap('figures').toJSON())).not.toContain('Lan');
  });
});
