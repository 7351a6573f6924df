import type { MinutesView } from '@chungtay/model';
import { createSignal, For, type JSX, Show } from 'solid-js';
import type { MinutesSession } from '../../data/minutes/minutes-session';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { TextField } from '../../ui/text-field/text-field';
import { authorName, changeLabels, formatChangeTime } from './change-words';
import { minutesFeedback } from './minutes-feedback';
import { listVersionChanges } from './version-changes';

/** Saved versions (Yjs snapshots): save one, list them, open one read-only beside the current text. */
export function VersionsSection(props: {
  session: MinutesSession;
  nameOf: (id: string | null) => string;
}): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const [label, setLabel] = createSignal('');
  const [opened, setOpened] = createSignal<{ label: string; view: MinutesView } | null>(null);
  const labelOf = (raw: string) => (raw === 'approved' ? t('minutes.versionApproved') : raw || '—');
  const capture = () => {
    const result = props.session.commands.captureVersion(label());
    if (!minutesFeedback(i18n, result, t('minutes.versionSaved'))) setLabel('');
  };
  const changesSince = (view: MinutesView) =>
    listVersionChanges(view, props.session.view, {
      label: (key) => t(`minutes.${key}`),
      name: props.nameOf,
      date: i18n.date,
      money: i18n.money,
      status: (status) =>
        status ? t(`attendance.${status}` as 'attendance.present') : t('minutes.unmarked'),
      kind: (kind) => t(`moneyKind.${kind}` as 'moneyKind.other'),
      yesNo: (done) => (done ? t('minutes.done') : ''),
    });
  const currentBody = (id: string) => props.session.view.agenda.find((a) => a.id === id)?.bodyText;
  return (
    <section class="minutes-section card" aria-labelledby="minutes-versions">
      <h2 id="minutes-versions">{t('minutes.versions')}</h2>
      <div class="actions-row">
        <TextField
          label={t('minutes.versionLabel')}
          value={label()}
          onChange={setLabel}
          readOnly={!props.session.canEdit()}
        />
        <Button variant="secondary" disabled={!props.session.canEdit()} onClick={capture}>
          {t('minutes.captureVersion')}
        </Button>
      </div>
      <Show
        when={props.session.view.versions.length > 0}
        fallback={<p class="muted">{t('minutes.noVersions')}</p>}
      >
        <ul class="versions-list">
          <For each={[...props.session.view.versions].reverse()}>
            {(version) => (
              <li class="actions-row" data-testid="version">
                <span>
                  {t('minutes.versionLine', {
                    label: labelOf(version.label),
                    by: authorName(version.by, props.nameOf, changeLabels(i18n.locale())),
                    at: formatChangeTime(version.at),
                  })}
                </span>
                <Button
                  variant="quiet"
                  onClick={() => {
                    const view = props.session.readVersion(version.index);
                    if (view) setOpened({ label: labelOf(version.label), view });
                  }}
                >
                  {t('minutes.openVersion')}
                </Button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={opened()}>
        {(version) => (
          <div class="version-compare" data-testid="version-compare">
            <div class="page-title-row">
              <h3>{t('minutes.versionTitle', { label: version().label })}</h3>
              <Button variant="quiet" onClick={() => setOpened(null)}>
                {t('minutes.closeVersion')}
              </Button>
            </div>
            <For each={version().view.agenda.filter((a) => !a.removed)}>
              {(item) => (
                <div
                  class="compare-row"
                  data-changed={currentBody(item.id) !== item.bodyText ? 'true' : 'false'}
                >
                  <div class="compare-old" data-testid="version-text">
                    <h4>{item.title}</h4>
                    <p class="pre-line">{item.bodyText}</p>
                  </div>
                  <div class="compare-new">
                    <h4>{t('minutes.current')}</h4>
                    <p class="pre-line">
                      {currentBody(item.id) === item.bodyText
                        ? t('minutes.sameAsCurrent')
                        : (currentBody(item.id) ?? '—')}
                    </p>
                  </div>
                </div>
              )}
            </For>
            <h4>{t('minutes.otherChanges')}</h4>
            <Show
              when={changesSince(version().view).length > 0}
              fallback={<p class="muted">{t('minutes.noOtherChanges')}</p>}
            >
              <table class="version-changes" data-testid="version-changes">
                <thead>
                  <tr>
                    <th />
                    <th>{t('minutes.inVersion')}</th>
                    <th>{t('minutes.current')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={changesSince(version().view)}>
                    {(change) => (
                      <tr>
                        <th scope="row">{change.label}</th>
                        <td class="pre-line">{change.before || '—'}</td>
                        <td class="pre-line">{change.after || '—'}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
