import type { MemberInput } from '@chungtay/model';
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { type MessageKey, useI18n } from '../../i18n/i18n-context';
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

/** A long file shows a page of rows at a time: a 3,000-row commune list must not freeze a cheap tablet. */
const PAGE = 100;

export type PreviewFilter = 'all' | 'errors' | 'duplicates';

const READ_PROBLEMS = new Set<RowIssue>([
  'dateFormat',
  'yearFormat',
  'genderMissing',
  'genderUnknown',
  'householdUnknown',
]);

export function PreviewList(props: {
  rows: readonly PreviewRow[];
  decisions: ReadonlyMap<number, RowDecision>;
  onDecide: (line: number, decision: RowDecision) => void;
}): JSX.Element {
  const { t } = useI18n();
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
        label={t('rosterFile.previewTitle')}
        hideLabel
        choices={(['all', 'errors', 'duplicates'] as const).map((value) => ({
          value,
          label: t(`rosterFile.filter.${value}`),
        }))}
        value={filter()}
        onChange={(value) => {
          setFilter(value);
          setShown(PAGE);
        }}
      />
      <ol class="import-rows plain-list" aria-label={t('rosterFile.previewTitle')}>
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
          <span class="muted">{t('rosterFile.moreRows', { count: filtered().length - shown() })}</span>
          <Button onClick={() => setShown(shown() + PAGE)}>{t('rosterFile.showMore')}</Button>
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
  const i18n = useI18n();
  const { t } = i18n;
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
      const key = (
        READ_PROBLEMS.has(issue) ? `rosterFile.problem.${issue}` : `errors.${issue}`
      ) as MessageKey;
      return `${t(`member.${field}`)}: ${t(key)}`;
    });
  const match = () => {
    const m = props.row.match;
    if (m === null) return null;
    if (m.type === 'row') return t('rosterFile.repeatsLine', { line: m.line });
    const who = t(m.left ? 'rosterFile.looksLikeLeft' : 'rosterFile.looksLike', { name: m.name });
    const fills =
      m.fills.length === 0
        ? t('rosterFile.fillsNothing')
        : t('rosterFile.fills', { fields: m.fills.map((f) => t(`member.${f}`)).join(', ') });
    return `${who}. ${fills}`;
  };
  const choices = () =>
    allowedDecisions(props.row).map((value) => ({ value, label: t(`rosterFile.decision.${value}`) }));
  return (
    <li
      class="import-row card"
      classList={{ 'import-row-bad': hasIssues(props.row), 'import-row-dup': props.row.match !== null }}
      data-line={props.row.line}
      data-decision={props.decision}
    >
      <div class="import-row-head">
        <span class="badge badge-muted">{t('rosterFile.line', { line: props.row.line })}</span>
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
          label={t('rosterFile.decisionLabel', { line: props.row.line })}
          hideLabel
          choices={choices()}
          value={props.decision}
          onChange={props.onDecide}
        />
      </Show>
    </li>
  );
}
