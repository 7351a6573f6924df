import { type ClubView, foldVietnamese, type Member } from '@chungtay/model';
import type { RosterFileI18n } from '../roster-import/roster-file-i18n';
import type { ExportColumn } from './export-table';

/** The roster's exportable columns, in the register's usual order; the user picks among them. */
export const ROSTER_COLUMNS = [
  'fullName',
  'gender',
  'birthYear',
  'phone',
  'hamlet',
  'household',
  'ethnicMinority',
  'joinedOn',
  'role',
  'groups',
  'leftOn',
  'notes',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

export type RosterWho = 'active' | 'left' | 'all';

/** Merged records are the same person as another row; they never appear in an exported register. */
export function rosterRows(view: ClubView, who: RosterWho): readonly Member[] {
  return view.members.filter(
    (m) => m.mergedInto === null && (who === 'all' || (who === 'left') === (m.left !== null)),
  );
}

export function rosterColumns(
  i18n: RosterFileI18n,
  view: ClubView,
  chosen: readonly RosterColumn[],
): ExportColumn<Member>[] {
  const { t, ft } = i18n;
  const groupNames = (m: Member) =>
    view.groups
      .filter((g) => g.retiredOn === null && g.memberIds.includes(m.id))
      .map((g) => g.name)
      .join(', ');
  const text = (value: string) => ({ type: 'text' as const, value });
  const all: Record<RosterColumn, ExportColumn<Member>> = {
    fullName: { title: ft('col.fullName'), width: 26, cell: (m) => text(m.fullName) },
    gender: { title: ft('col.gender'), width: 10, cell: (m) => text(t(`gender.${m.gender}`)) },
    birthYear: {
      title: ft('col.birthYear'),
      width: 10,
      cell: (m) => ({ type: 'number', value: m.birthYear }),
    },
    phone: { title: ft('col.phone'), width: 14, cell: (m) => text(m.phone) },
    hamlet: { title: ft('col.hamlet'), cell: (m) => text(m.hamlet) },
    household: {
      title: ft('col.household'),
      cell: (m) => text(m.household === 'none' ? '' : t(`household.${m.household}`)),
    },
    ethnicMinority: {
      title: ft('col.ethnicMinority'),
      width: 12,
      cell: (m) => text(m.ethnicMinority ? ft('yes') : ''),
    },
    joinedOn: {
      title: ft('col.joinedOn'),
      width: 12,
      cell: (m) => ({ type: 'date', value: m.joinedOn }),
    },
    role: {
      title: ft('col.role'),
      cell: (m) => text(m.role === 'none' ? '' : t(`role.${m.role}`)),
    },
    groups: { title: ft('col.groups'), width: 24, cell: (m) => text(groupNames(m)) },
    leftOn: {
      title: ft('col.leftOn'),
      width: 12,
      cell: (m) => ({ type: 'date', value: m.left?.on ?? null }),
    },
    notes: { title: ft('col.notes'), width: 30, cell: (m) => text(m.notes) },
  };
  return ROSTER_COLUMNS.filter((c) => chosen.includes(c)).map((c) => all[c]);
}

/** "danh-sach-thanh-vien-clb-thon-dong-20-03-2026": plain letters travel safely by Zalo and e-mail. */
export function exportFileName(base: string, clubName: string, today: string): string {
  const slug = foldVietnamese(`${base} ${clubName}`)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const [y, m, d] = today.split('-');
  return `${slug}-${d}-${m}-${y}`;
}
