import type { AgendaItem } from '@chungtay/model';
import { createSignal, For, type JSX, Show } from 'solid-js';
import type { MinutesSession } from '../../data/minutes/minutes-session';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { CollabTextField } from '../../ui/collab-text/collab-text-field';
import { RichTextEditor } from '../../ui/rich-text-editor/rich-text-editor';
import { TextField } from '../../ui/text-field/text-field';
import { firstError, minutesFeedback } from './minutes-feedback';
import { minutesTextSource } from './minutes-text-source';

/** The agenda in meeting order: each item with its title, rich-text body and decisions. */
export function AgendaSection(props: { session: MinutesSession }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const [title, setTitle] = createSignal('');
  const [error, setError] = createSignal<string>();
  const all = () => props.session.view.agenda;
  const visible = () => all().filter((item) => !item.removed);
  const removed = () => all().filter((item) => item.removed);
  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const problem = firstError(i18n, minutesFeedback(i18n, props.session.commands.addAgendaItem(title())));
    setError(problem);
    if (problem === undefined) setTitle('');
  };
  // Indices of moveAgendaItem are in the full order (removed items included), without the moved item.
  const move = (item: AgendaItem, step: -1 | 1) => {
    const shown = visible();
    const neighbour = shown[shown.indexOf(item) + step];
    if (!neighbour) return;
    const target = all().indexOf(neighbour);
    minutesFeedback(i18n, props.session.commands.moveAgendaItem(item.id, target));
  };
  return (
    <section class="minutes-section" aria-labelledby="minutes-agenda">
      <h2 id="minutes-agenda">{t('minutes.agenda')}</h2>
      <ol class="agenda-list">
        <For each={visible()}>
          {(item, index) => (
            <li class="card agenda-item" data-testid="agenda-item" aria-label={item.title}>
              <div class="agenda-item-head">
                <span class="agenda-number">{index() + 1}.</span>
                <CollabTextField
                  class="agenda-title"
                  label={t('minutes.itemTitle')}
                  source={minutesTextSource(i18n, props.session, {
                    kind: 'agenda',
                    itemId: item.id,
                    field: 'title',
                  })}
                  readOnly={!props.session.canWrite()}
                  testId="agenda-title"
                />
              </div>
              <Show when={props.session.bodyExtensions(item.id)}>
                {(extensions) => (
                  <RichTextEditor
                    label={t('minutes.itemBody', { title: item.title })}
                    extensions={extensions()}
                    holdRemote={props.session.holdRemote}
                    editable={props.session.canWrite()}
                    testId="agenda-body"
                    labels={{
                      toolbar: t('editor.toolbar'),
                      bold: t('editor.bold'),
                      italic: t('editor.italic'),
                      heading: t('editor.heading'),
                      bulletList: t('editor.bulletList'),
                      orderedList: t('editor.orderedList'),
                    }}
                  />
                )}
              </Show>
              {/* Typed into by several tablets at once: every keystroke merges (ui/collab-text). */}
              <CollabTextField
                label={t('minutes.decisions')}
                source={minutesTextSource(i18n, props.session, {
                  kind: 'agenda',
                  itemId: item.id,
                  field: 'decisions',
                })}
                multiline
                readOnly={!props.session.canWrite()}
                testId="agenda-decisions"
              />
              <div class="actions-row">
                <Button
                  variant="quiet"
                  disabled={!props.session.canWrite() || index() === 0}
                  onClick={() => move(item, -1)}
                >
                  ↑ {t('minutes.moveUp')}
                </Button>
                <Button
                  variant="quiet"
                  disabled={!props.session.canWrite() || index() === visible().length - 1}
                  onClick={() => move(item, 1)}
                >
                  ↓ {t('minutes.moveDown')}
                </Button>
                <Button
                  variant="danger"
                  disabled={!props.session.canWrite()}
                  onClick={() => minutesFeedback(i18n, props.session.commands.removeAgendaItem(item.id))}
                >
                  {t('minutes.remove')}
                </Button>
              </div>
            </li>
          )}
        </For>
      </ol>
      <form class="actions-row agenda-add" onSubmit={add}>
        <TextField
          label={t('minutes.newItem')}
          value={title()}
          onChange={setTitle}
          error={error()}
          readOnly={!props.session.canWrite()}
        />
        <Button type="submit" variant="primary" disabled={!props.session.canWrite()}>
          + {t('minutes.addItem')}
        </Button>
      </form>
      <Show when={removed().length > 0}>
        <h3>{t('minutes.removedItems')}</h3>
        <ul class="removed-items">
          <For each={removed()}>
            {(item) => (
              <li class="actions-row">
                <span>{item.title}</span>
                <Button
                  variant="quiet"
                  disabled={!props.session.canWrite()}
                  onClick={() => minutesFeedback(i18n, props.session.commands.restoreAgendaItem(item.id))}
                >
                  {t('minutes.restore')}
                </Button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
