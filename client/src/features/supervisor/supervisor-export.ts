import type { RedCrossCounts } from '@chungtay/model';
import type { I18n } from '../../i18n/i18n-context';
import type { ExportCell, ExportColumn } from '../roster-export/export-table';
import { type ClubLine, updatedDay } from './supervisor-rows';

/**
 * The district summary as a spreadsheet: the table on screen, one club a row, through the roster
 * export's writer. Percentages are numbers (62,5 stays a number Excel can average); a figure the club's
 * books do not hold yet is an empty cell, not a zero.
 */
export function supervisorColumns(t: I18n['t']): ExportColumn<ClubLine>[] {
  const text = (value: string): ExportCell => ({ type: 'text', value });
  const num = (value: number | null | undefined): ExportCell => ({
    type: 'number',
    value: value == null ? null : Math.round(value * 10) / 10,
  });
  const figure = (
    key: Parameters<I18n['t']>[0],
    pick: (row: NonNullable<ClubLine['row']>) => number | null,
    width = 12,
  ): ExportColumn<ClubLine> => ({
    title: t(key),
    width,
    cell: (line) => num(line.row === null ? null : pick(line.row)),
  });
  return [
    { title: t('supervisor.col.club'), width: 30, cell: (l) => text(l.name) },
    { title: t('supervisor.commune'), width: 16, cell: (l) => text(l.commune) },
    { title: t('supervisor.district'), width: 16, cell: (l) => text(l.district) },
    figure('supervisor.col.members', (r) => r.members),
    figure('supervisor.col.women', (r) => r.womenPct),
    figure('supervisor.col.older', (r) => r.olderPct),
    figure('supervisor.col.poor', (r) => r.poorPct),
    figure('supervisor.col.meetings', (r) => r.meetingsLast3Months),
    figure('supervisor.col.attendance', (r) => r.attendancePct),
    figure('supervisor.col.borrowed', (r) => r.borrowedPct),
    figure('supervisor.col.fund', (r) => r.fundSize, 16),
    figure('supervisor.col.overdue', (r) => r.overdueAmount, 16),
    figure('supervisor.col.reports', (r) => r.reports),
    ...RED_CROSS_FIGURES.map(({ key, pick }) => ({
      title: t(key),
      width: 14,
      cell: (line: ClubLine) => num(line.redCross === null ? null : pick(line.redCross)),
    })),
    {
      title: t('supervisor.col.targets'),
      width: 36,
      cell: (l) =>
        text(
          l.row === null
            ? ''
            : l.row.below.length === 0
              ? t('supervisor.allMet')
              : l.row.below.map((b) => t(`supervisor.below.${b}`)).join(', '),
        ),
    },
    { title: t('supervisor.col.updated'), cell: (l) => ({ type: 'date', value: updatedDay(l.updatedAt) }) },
  ];
}

/**
 * A Red Cross chapter's counts since 1 January, in the order the screen says them: totals only, never a
 * volunteer; empty cells for any other club. The screen's sentence takes its values from here too.
 */
export const RED_CROSS_FIGURES = [
  { name: 'volunteers', key: 'supervisor.col.volunteers', pick: (c: RedCrossCounts) => c.volunteers },
  {
    name: 'bloodDrives',
    key: 'supervisor.col.bloodDrives',
    pick: (c: RedCrossCounts) => c.activitiesByKind.bloodDrive,
  },
  { name: 'bloodUnits', key: 'supervisor.col.bloodUnits', pick: (c: RedCrossCounts) => c.bloodUnits },
  { name: 'relief', key: 'supervisor.col.relief', pick: (c: RedCrossCounts) => c.activitiesByKind.relief },
  {
    name: 'firstAidTrainings',
    key: 'supervisor.col.firstAidTrainings',
    pick: (c: RedCrossCounts) => c.activitiesByKind.firstAidTraining,
  },
] as const;
