import type { MemberId } from '@chungtay/model';
import { createSignal, For, type JSX } from 'solid-js';
import type { MinutesSession } from '../../data/minutes/minutes-session';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { CheckboxField } from '../../ui/checkbox-field/checkbox-field';
import { CollabTextField } from '../../ui/collab-text/collab-text-field';
import { SelectField } from '../../ui/select-field/select-field';
import { TextField } from '../../ui/text-field/text-field';
import { dateToText, textToDate } from '../shared/date-input';
import { CommitField } from './commit-field';
import type { MemberOption } from './header-section';
import { firstError, minutesFeedback } from './minutes-feedback';
import { minutesTextSource } from './minutes-text-source';

/** Action items (what, who, due date, done). The meeting's money is the book's: see money-section.tsx. */
export function ActionsSection(props: {
  session: MinutesSession;
  members: readonly MemberOption[];
}): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const commands = () => props.session.commands;
  const locked = () => !props.session.canWrite();
  const [what, setWhat] = createSignal('');
  const [error, setError] = createSignal<string>();
  const people = () => [
    { value: '', label: t('minutes.noOne') },
    ...props.members.map((m) => ({ value: m.id, label: m.label })),
  ];
  const addAction = (event: SubmitEvent) => {
    event.preventDefault();
    const result = commands().addActionItem({ what: what(), responsibleId: null, due: null });
    const problem = firstError(i18n, minutesFeedback(i18n, result));
    setError(problem);
    if (problem === undefined) setWhat('');
  };
  return (
    <section class="minutes-section" aria-labelledby="minutes-actions">
      <h2 id="minutes-actions">{t('minutes.actions')}</h2>
      <ul class="minutes-records">
        <For each={props.session.view.actions}>
          {(action) => (
            <li class="card form-grid" data-testid="action-item">
              <CollabTextField
                label={t('minutes.what')}
                source={minutesTextSource(i18n, props.session, { kind: 'action', actionId: action.id })}
                multiline
                readOnly={locked()}
              />
              <SelectField
                label={t('minutes.responsible')}
                options={people()}
                value={action.responsibleId ?? ''}
                disabled={locked()}
                onChange={(id) =>
                  minutesFeedback(
                    i18n,
                    commands().updateActionItem(action.id, {
                      responsibleId: (id || null) as MemberId | null,
                    }),
                  )
                }
              />
              <CommitField
                label={t('minutes.due')}
                value={dateToText(action.due)}
                disabled={locked()}
                onCommit={(v) => {
                  const parsed = textToDate(v);
                  if (!parsed.ok) return t('errors.dateFormat');
                  return firstError(
                    i18n,
                    minutesFeedback(i18n, commands().updateActionItem(action.id, { due: parsed.value })),
                  );
                }}
              />
              <CheckboxField
                label={t('minutes.done')}
                checked={action.done}
                onChange={(done) => minutesFeedback(i18n, commands().setActionDone(action.id, done))}
              />
            </li>
          )}
        </For>
      </ul>
      <form class="actions-row" onSubmit={addAction}>
        <TextField
          label={t('minutes.newAction')}
          value={what()}
          onChange={setWhat}
          error={error()}
          readOnly={locked()}
        />
        <Button type="submit" variant="primary" disabled={locked()}>
          + {t('minutes.addAction')}
        </Button>
      </form>
    </section>
  );
}
