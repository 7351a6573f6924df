import {
  type ClubView,
  checkImportDraft,
  createRosterMatcher,
  type FieldError,
  foldVietnamese,
  type ImportMembersInput,
  type IsoDate,
  looksLikeSamePerson,
  type Member,
  type MemberId,
  type MemberInput,
  mergePatch,
} from '@chungtay/model';
import type { CellValue } from './cell-values';
import { type ColumnMapping, type ReadProblem, rowToDraft } from './row-draft';

/** What the preview shows for each sheet row, and what confirming will do with it. */

export type RowIssue = FieldError | ReadProblem;

export type RowMatch =
  | {
      readonly type: 'member';
      readonly id: MemberId;
      readonly name: string;
      readonly left: boolean;
      readonly fills: readonly (keyof MemberInput)[];
    }
  | { readonly type: 'row'; readonly line: number };

export type RowDecision = 'add' | 'skip' | 'merge';

export interface PreviewRow {
  /** The row's number as the spreadsheet shows it (1-based), so people can find it in their file. */
  readonly line: number;
  readonly draft: MemberInput;
  readonly issues: Readonly<Partial<Record<keyof MemberInput, RowIssue>>>;
  readonly match: RowMatch | null;
}

export function hasIssues(row: PreviewRow): boolean {
  return Object.keys(row.issues).length > 0;
}

/**
 * Reads every data row with the mapping, checks it like the member form, and marks rows that look like a
 * roster member (the roster's duplicate rule) or like an earlier row of the same file. Blank rows are left
 * out; the line numbers stay those of the sheet.
 */
export function buildPreview(
  rows: readonly (readonly CellValue[])[],
  dataStart: number,
  mapping: ColumnMapping,
  view: ClubView,
  today: IsoDate,
): readonly PreviewRow[] {
  const out: PreviewRow[] = [];
  const matchRoster = createRosterMatcher(view);
  // Earlier rows of the file by folded name, for "same as row n" without comparing every pair.
  const earlier = new Map<string, PreviewRow[]>();
  for (let i = dataStart; i < rows.length; i++) {
    const { draft, problems, blank } = rowToDraft(rows[i] ?? [], mapping);
    if (blank) continue;
    const issues: Partial<Record<keyof MemberInput, RowIssue>> = {
      ...checkImportDraft(draft, today),
      ...problems,
    };
    const key = foldVietnamese(draft.fullName);
    const sameName = earlier.get(key) ?? [];
    const row: PreviewRow = { line: i + 1, draft, issues, match: findMatch(draft, matchRoster, sameName) };
    out.push(row);
    if (row.match === null && key !== '') earlier.set(key, [...sameName, row]);
  }
  return out;
}

function findMatch(
  draft: MemberInput,
  matchRoster: (draft: MemberInput) => Member | undefined,
  sameName: readonly PreviewRow[],
): RowMatch | null {
  if (draft.fullName === '') return null;
  const member = matchRoster(draft);
  if (member !== undefined) {
    const fills = Object.keys(mergePatch(member, draft)) as (keyof MemberInput)[];
    return { type: 'member', id: member.id, name: member.fullName, left: member.left !== null, fills };
  }
  const row = sameName.find((r) => looksLikeSamePerson(r.draft, draft));
  return row === undefined ? null : { type: 'row', line: row.line };
}

/** Rows with errors are never imported; a likely duplicate is skipped unless the user says otherwise. */
export function defaultDecision(row: PreviewRow): RowDecision {
  if (hasIssues(row)) return 'skip';
  return row.match === null ? 'add' : 'skip';
}

/** Decisions allowed for a row: merge only into a roster member, nothing for a row with errors. */
export function allowedDecisions(row: PreviewRow): readonly RowDecision[] {
  if (hasIssues(row)) return ['skip'];
  if (row.match?.type === 'member') return ['skip', 'merge', 'add'];
  return ['add', 'skip'];
}

export function toImportInput(
  rows: readonly PreviewRow[],
  decisions: ReadonlyMap<number, RowDecision>,
): ImportMembersInput {
  const add: MemberInput[] = [];
  const merge: { id: MemberId; input: MemberInput }[] = [];
  for (const row of rows) {
    const decision = decisions.get(row.line) ?? defaultDecision(row);
    if (!allowedDecisions(row).includes(decision)) continue;
    if (decision === 'add') add.push(row.draft);
    if (decision === 'merge' && row.match?.type === 'member')
      merge.push({ id: row.match.id, input: row.draft });
  }
  return { add, merge };
}

export interface PreviewCounts {
  readonly add: number;
  readonly merge: number;
  readonly skip: number;
  readonly errors: number;
  readonly duplicates: number;
}

export function countDecisions(
  rows: readonly PreviewRow[],
  decisions: ReadonlyMap<number, RowDecision>,
): PreviewCounts {
  const input = toImportInput(rows, decisions);
  return {
    add: input.add.length,
    merge: input.merge.length,
    skip: rows.length - input.add.length - input.merge.length,
    errors: rows.filter(hasIssues).length,
    duplicates: rows.filter((r) => !hasIssues(r) && r.match !== null).length,
  };
}
