import type { FieldConflictView } from '@chungtay/model';
import { createUniqueId, For, type JSX, Show } from 'solid-js';
import { type I18n, useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import './conflict-list.css';

type Option = FieldConflictView['options'][number];

/**
 * Fields of one record that two tablets set differently while apart, each in one plain sentence with both
 * values, who wrote them and when, and one button per value to keep it. Nothing is chosen for the user:
 * the record shows Yjs's pick until someone here chooses, and the choice reaches every tablet.
 */
export function ConflictList(props: {
  conflicts: readonly FieldConflictView[];
  /** The field's label, its question ("giữ số nào?") and a value in words. */
  label: (field: string) => string;
  question: (field: string) => string;
  show: (field: string, value: unknown) => string;
  canEdit: boolean;
  onKeep: (conflict: FieldConflictView, option: Option) => void;
}): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  // Several records on one screen (the rows of a health check) each have a list: one heading id each.
  const headingId = createUniqueId();
  const shown = (field: string, value: unknown) =>
    value === null || value === undefined || value === '' ? t('conflicts.empty') : props.show(field, value);
  return (
    <Show when={props.conflicts.length > 0}>
      <section class="banner banner-warning member-conflicts" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('conflicts.heading')}</h2>
        <For each={props.conflicts}>
          {(conflict) => (
            <div class="member-conflict" data-testid="member-conflict" data-field={conflict.field}>
              <p>
                {t('conflicts.message', {
                  field: props.label(conflict.field),
                  options: conflict.options
                    .map((o) =>
                      t('conflicts.option', {
                        value: shown(conflict.field, o.value),
                        name: o.name,
                        when: shownTime(i18n, o.at),
                      }),
                    )
                    .join(' / '),
                  question: props.question(conflict.field),
                })}
              </p>
              <div class="actions-row">
                <For each={conflict.options}>
                  {(option) => (
                    <Button
                      variant="secondary"
                      disabled={!props.canEdit}
                      onClick={() => props.onKeep(conflict, option)}
                    >
                      {t('conflicts.keep', { value: shown(conflict.field, option.value) })}
                    </Button>
                  )}
                </For>
              </div>
            </div>
          )}
        </For>
      </section>
    </Show>
  );
}

/** "10h02" on the day it was written, "10h02 03/12/2026" after (the house's time style). */
export function shownTime(i18n: I18n, at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime()) || !at.includes('T')) return i18n.date(at.slice(0, 10));
  const time = `${date.getHours()}h${String(date.getMinutes()).padStart(2, '0')}`;
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const today = new Date();
  const sameDay =
    today.getFullYear() === date.getFullYear() &&
    today.getMonth() === date.getMonth() &&
    today.getDate() === date.getDate();
  return sameDay ? time : `${time} ${i18n.date(day)}`;
}
