import {
  isMemberValueField,
  type Member,
  type MemberFieldConflict,
  type MemberValueField,
} from '@chungtay/model';
import { For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { type I18n, useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { showToast } from '../../ui/toast/toast';
import { feedback } from '../shared/command-feedback';
import './member-conflicts.css';

/**
 * The fields of this member two tablets set differently while apart, each in one plain sentence with both
 * values, who wrote them and when, and one button per value to keep it. Nothing is chosen for the user:
 * the record shows Yjs's pick until someone here chooses, and the choice reaches every tablet.
 */
export function MemberConflicts(props: { member: Member }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useClub();
  const conflicts = () => (props.member.conflicts ?? []).filter((c) => isMemberValueField(c.field));
  const keep = (conflict: MemberFieldConflict, option: MemberFieldConflict['options'][number]) => {
    const field = conflict.field as MemberValueField;
    const result = session.commands.resolveConflict(props.member.id, field, option.id);
    if (feedback(i18n, result) === null)
      showToast(t('conflicts.kept', { value: shownValue(i18n, field, option.value) }), 'success');
  };
  return (
    <Show when={conflicts().length > 0}>
      <section class="banner banner-warning member-conflicts" aria-labelledby="member-conflicts">
        <h2 id="member-conflicts">{t('conflicts.heading')}</h2>
        <For each={conflicts()}>
          {(conflict) => {
            const field = conflict.field as MemberValueField;
            return (
              <div class="member-conflict" data-testid="member-conflict" data-field={field}>
                <p>
                  {t('conflicts.message', {
                    field: t(`member.${field}`),
                    options: conflict.options
                      .map((o) =>
                        t('conflicts.option', {
                          value: shownValue(i18n, field, o.value),
                          name: o.name,
                          when: shownTime(i18n, o.at),
                        }),
                      )
                      .join(' / '),
                    question: t(`conflicts.question.${field}`),
                  })}
                </p>
                <div class="actions-row">
                  <For each={conflict.options}>
                    {(option) => (
                      <Button
                        variant="secondary"
                        disabled={!session.canEdit()}
                        onClick={() => keep(conflict, option)}
                      >
                        {t('conflicts.keep', { value: shownValue(i18n, field, option.value) })}
                      </Button>
                    )}
                  </For>
                </div>
              </div>
            );
          }}
        </For>
      </section>
    </Show>
  );
}

/** A value as the member page shows it: words for the vocabularies, dd/mm/yyyy for dates. */
function shownValue(i18n: I18n, field: MemberValueField, value: unknown): string {
  const { t } = i18n;
  if (value === null || value === undefined || value === '') return t('conflicts.empty');
  switch (field) {
    case 'gender':
    case 'household':
    case 'role':
      return t(`${field}.${String(value)}` as never);
    case 'ethnicMinority':
      return value === true ? t('conflicts.yes') : t('conflicts.no');
    case 'joinedOn':
      return i18n.date(String(value));
    default:
      return String(value);
  }
}

/** "10h02" on the day it was written, "10h02 03/12/2026" after (the house's time style). */
function shownTime(i18n: I18n, at: string): string {
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
