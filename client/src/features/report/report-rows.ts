import type { ReportFigures } from '@chungtay/model';

/** One line of the report's results table: the same rows on screen, on paper and in the spreadsheet. */
export interface FigureRow {
  /** Catalogue key under `report.fig`. */
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly value: number;
  readonly unit: 'count' | 'money' | 'percent';
}

/** The rows in the order of the administrative report; a book this tablet does not hold has none. */
export function figureRows(f: ReportFigures): FigureRow[] {
  const count = (key: string, value: number): FigureRow => ({ key, value, unit: 'count' });
  const money = (key: string, value: number): FigureRow => ({ key, value, unit: 'money' });
  const rows: FigureRow[] = [
    count('membersAtEnd', f.members.atEnd),
    count('joined', f.members.joined),
    count('left', f.members.left),
    count('women', f.members.women),
    count('older', f.members.older),
    count('poor', f.members.poorOrNearPoor),
    count('meetings', f.meetings.held),
    {
      key: 'attendance',
      value: f.meetings.roster === 0 ? 0 : (100 * f.meetings.present) / f.meetings.roster,
      unit: 'percent',
    },
  ];
  for (const a of f.activities)
    rows.push({
      key: 'groups',
      params: { area: a.area ?? 'other', groups: a.groups, members: a.members },
      value: a.members,
      unit: 'count',
    });
  if (f.health !== null)
    rows.push(count('checks', f.health.checks), count('membersChecked', f.health.membersChecked));
  if (f.money !== null)
    rows.push(
      count('loans', f.money.loansDisbursed),
      money('disbursed', f.money.amountDisbursed),
      money('repaid', f.money.principalRepaid),
      money('interest', f.money.interestPaid),
      money('fundIncome', f.money.funds.income),
      money('fundActivity', f.money.funds.activity),
      money('fundHumanitarian', f.money.funds.humanitarian),
    );
  if (f.care !== null) rows.push(count('careVisits', f.care.visits));
  // A Red Cross chapter's register and log for the period (counts only); absent from older frozen reports.
  if (f.redCross) {
    const { volunteersBySkill, activitiesByKind } = f.redCross;
    rows.push(count('rcVolunteers', f.redCross.volunteers));
    for (const [skill, value] of Object.entries(volunteersBySkill))
      rows.push({ key: 'rcSkill', params: { skill }, value, unit: 'count' });
    for (const [kind, value] of Object.entries(activitiesByKind))
      rows.push({ key: 'rcActivity', params: { kind }, value, unit: 'count' });
    rows.push(count('rcParticipants', f.redCross.participants), count('rcBloodUnits', f.redCross.bloodUnits));
  }
  return rows;
}
