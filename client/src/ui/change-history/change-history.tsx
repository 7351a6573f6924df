import type { ChangeEntry } from '@chungtay/model';
import { For, type JSX, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context';

/** '10:02 03/12/2026' in the tablet's time zone, time first as people say it; a bare date as dd/mm/yyyy. */
export function timeThenDate(iso: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${pad(date.getHours())}:${pad(date.getMinutes())} ${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

export interface HistoryLine {
  readonly id: string;
  /** The change in words: "Lan đổi số điện thoại, 10:02 03/12/2026". */
  readonly text: string;
}

/**
 * A record's change history (issue 12 §5), newest first, as its page shows it: a member's, a meeting's, a
 * loan's. The caller words each line from what the document recorded (who, what, when); this only lays
 * them out the same way everywhere.
 */
export function ChangeHistory(props: {
  title: string;
  empty: string;
  lines: readonly HistoryLine[];
  testId: string;
}): JSX.Element {
  return (
    <div class="card member-history" data-testid={props.testId}>
      <h2>{props.title}</h2>
      <Show when={props.lines.length > 0} fallback={<p class="muted">{props.empty}</p>}>
        <ul>
          <For each={props.lines}>{(line) => <li>{line.text}</li>}</For>
        </ul>
      </Show>
    </div>
  );
}

/**
 * A record's change log from the club doc (model history/) in words: "Lan đổi số điện thoại, 10:02
 * 03/12/2026", the field named by `fieldLabel`. A member's page and a meeting's page show it alike.
 */
export function ChangeLogHistory(props: {
  changes: readonly ChangeEntry[];
  fieldLabel: (field: string) => string;
  testId: string;
}): JSX.Element {
  const { t } = useI18n();
  return (
    <ChangeHistory
      title={t('signatures.historyTitle')}
      empty={t('signatures.historyEmpty')}
      testId={props.testId}
      lines={props.changes.map((change) => ({
        id: change.id,
        text: t('signatures.changed', {
          name: change.name,
          field: props.fieldLabel(change.field),
          when: timeThenDate(change.at),
        }),
      }))}
    />
  );
}
