import type { MemberInput } from '@chungtay/model';
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { Button } from '../../ui/button/button';
import { ChoiceGroup } from '../../ui/choice-group/choice-group';
import {
  allowedDecisions,
  defaultDecision,
  hasIssues,
  type PreviewRow,
  type RowDecision,
  type RowIssue,
} from './import-preview';
import { useRosterFileI18n } from './roster-file-i18n';
import type { ReadProblem } from './row-draft';

/** A long file shows a page of rows at a time: a 3,000-row commune list must not freeze a cheap tablet. */
const PAGE = 100;

export type PreviewFilter = 'all' | 'errors' | 'duplicates';

const READ_PROBLEMS: readonly RowIssue[] = [
  'dateFormat',
  'yearFormat',
  'genderMissing',
  'genderUnknown',
  'householdUnknown',
] satisfies readonly ReadProblem[];
const isReadProblem = (issue: RowIssue): issue is ReadProblem => READ_PROBLEMS.includes(issue);

export function PreviewList(props: {
  rows: readonly PreviewRow[];
  decisions: ReadonlyMap<number, RowDecision>;
  onDecide: (line: number, decision: RowDecision) => void;
}): JSX.Element {
  const { ft } = useRosterFileI18n();
  const [filter, setFilter] = createSignal<PreviewFilter>('all');
  const [shown, setShown] = createSignal(PAGE);
  const filtered = createMemo(() => {
    const f = filter();
    if (f === 'errors') return props.rows.filter(hasIssues);
    if (f === 'duplicates') return props.rows.filter((r) => !hasIssues(r) && r.match !== null);
    return props.rows;
  });
  return (
    <div class="import-preview">
      <ChoiceGroup
        label={ft('previewTitle')}
        hideLabel
        choices={(['all', 'errors', 'duplicates'] as const).map((value) => ({
          value,
          label: ft(`filter.${value}`),
        }))}
        value={filter()}
        onChange={(value) => {
          setFilter(value);
          setShown(PAGE);
        }}
      />
      <Show when={filtered().length === 0}>
        <p class="muted">{ft('noRows')}</p>
      </Show>
      <ol class="import-rows plain-list" aria-label={ft('previewTitle')}>
        <For each={filtered().slice(0, shown())}>
          {(row) => (
            <PreviewItem
              row={row}
              decision={props.decisions.get(row.line) ?? defaultDecision(row)}
              onDecide={(d) => props.onDecide(row.line, d)}
            />
          )}
        </For>
      </ol>
      <Show when={filtered().length > shown()}>
        <div class="actions-row">
          <span class="muted">{ft('moreRows', { count: filtered().length - shown() })}</span>
          <Button onClick={() => setShown(shown() + PAGE)}>{ft('showMore')}</Button>
        </div>
      </Show>
    </div>
  );
}

function PreviewItem(props: {
  row: PreviewRow;
  decision: RowDecision;
  onDecide: (decision: RowDecision) => void;
}): JSX.Element {
  const i18n = useRosterFileI18n();
  const { t, ft } = i18n;
  const d = () => props.row.draft;
  const details = () =>
    [
      t(`gender.${d().gender}`),
      d().birthYear === null ? '' : String(d().birthYear),
      d().phone,
      d().hamlet,
      d().household === 'none' ? '' : t(`household.${d().household}`),
      d().ethnicMinority ? t('member.ethnicMinority') : '',
      d().joinedOn === null ? '' : i18n.date(d().joinedOn),
      d().role === 'none' ? '' : t(`role.${d().role}`),
      d().notes,
    ]
      .filter((s) => s !== '')
      .join(' · ');
  const issues = () =>
    (Object.entries(props.row.issues) as [keyof MemberInput, RowIssue][]).map(([field, issue]) => {
      const text = isReadProblem(issue) ? ft(`problem.${issue}`) : t(`errors.${issue}`);
      return `${t(`member.${field}`)}: ${text}`;
    });
  const match = () => {
    const m = props.row.match;
    if (m === null) return null;
    if (m.type === 'row') return ft('repeatsLine', { line: m.line });
    const who = ft(m.left ? 'looksLikeLeft' : 'looksLike', { name: m.name });
    const fills =
      m.fills.length === 0
        ? ft('fillsNothing')
        : ft('fills', { fields: m.fills.map((f) => t(`member.${f}`)).join(', ') });
    return `${who}. ${fills}`;
  };
  const choices = () =>
    allowedDecisions(props.row).map((value) => ({ value, label: ft(`decision.${value}`) }));
  return (
    <li
      class="import-row card"
      classList={{ 'import-row-bad': hasIssues(props.row), 'import-row-dup': props.row.match !== null }}
      data-line={props.row.line}
      data-decision={props.decision}
    >
      <div class="import-row-head">
        <span class="badge badge-muted">{ft('line', { line: props.row.line })}</span>
        <strong class="import-row-name">{d().fullName || '—'}</strong>
      </div>
      <p class="import-row-details">{details()}</p>
      <Show when={issues().length > 0}>
        <ul class="import-row-issues">
          <For each={issues()}>{(issue) => <li>{issue}</li>}</For>
        </ul>
      </Show>
      <Show when={match()}>{(text) => <p class="import-row-match">{text()}</p>}</Show>
      <Show when={choices().length > 1}>
        <ChoiceGroup
          label={ft('decisionLabel', { line: props.row.line })}
          hideLabel
          choices={choices()}
          value={props.decision}
          onChange={props.onDecide}
        />
      </Show>
    </li>
  );
}
