import {
  DEFAULT_HEALTH_THRESHOLDS,
  type FieldError,
  HEALTH_THRESHOLD_RANGES,
  validateHealthThresholds,
} from '@chungtay/model';
import { createEffect, createSignal, For, type JSX, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useClub } from '../../data/club/club-context';
import type { HealthSession } from '../../data/health/health-session';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { Dialog } from '../../ui/dialog/dialog';
import { TextField } from '../../ui/text-field/text-field';
import { useHealthSession } from '../health-check/use-health-session';
import { feedback } from '../shared/command-feedback';
import {
  formatThreshold,
  readThresholdForm,
  THRESHOLD_FIELDS,
  THRESHOLD_GROUPS,
  type ThresholdKey,
} from './threshold-input';

/**
 * The club's health follow-up thresholds, kept in the private health doc: only committee (editor)
 * tablets open it, so a viewer sees why the section is empty instead of values it may not read.
 */
export function HealthThresholdsForm(): JSX.Element {
  const { t } = useI18n();
  const club = useClub();
  return (
    <section data-testid="health-thresholds" aria-labelledby="health-thresholds-title">
      <h2 id="health-thresholds-title">{t('healthThresholds.title')}</h2>
      <Show
        when={club.canOpenHealth()}
        fallback={<p class="card muted">{t('healthThresholds.viewerOnly')}</p>}
      >
        <OpenThresholds />
      </Show>
    </section>
  );
}

/** Opened only on a committee tablet (the Show above): a viewer's tablet never holds the health doc. */
function OpenThresholds(): JSX.Element {
  const { t } = useI18n();
  // The settings page edits the club's profile too: the header's undo takes the latest of both.
  const { session, failed } = useHealthSession({ undo: 'beside' });
  return (
    <Show
      when={session()}
      fallback={
        <p class="card">{failed() ? t('healthThresholds.openFailed') : t('healthThresholds.loading')}</p>
      }
    >
      {(health) => <ThresholdFields health={health()} />}
    </Show>
  );
}

type Problem = FieldError | 'notNumber';

function ThresholdFields(props: { health: HealthSession }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const show = (value: number) => formatThreshold(value, i18n.locale());
  const texts = (values: Readonly<Record<ThresholdKey, number>>) =>
    Object.fromEntries(THRESHOLD_FIELDS.map((key) => [key, show(values[key])])) as Record<
      ThresholdKey,
      string
    >;
  const [form, setForm] = createStore(texts(props.health.view.thresholds));
  const [problems, setProblems] = createSignal<Partial<Record<ThresholdKey, Problem>>>({});
  // Once someone types here, what they typed stays until saved, whatever another tablet changes.
  const [dirty, setDirty] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  const readOnly = () => !props.health.canEdit();
  createEffect(
    on(
      () => [i18n.locale(), ...THRESHOLD_FIELDS.map((key) => props.health.view.thresholds[key])],
      () => {
        if (!dirty()) setForm(texts(props.health.view.thresholds));
      },
      { defer: true },
    ),
  );

  const save = (event: SubmitEvent) => {
    event.preventDefault();
    if (readOnly()) return;
    const { patch, notNumbers } = readThresholdForm(form);
    if (notNumbers.length > 0) {
      // Judge the numbers that were typed too, so every mistake shows at once.
      const found: Partial<Record<ThresholdKey, Problem>> = {
        ...validateHealthThresholds(props.health.view.thresholds, patch)?.fields,
      };
      for (const key of notNumbers) found[key] = 'notNumber';
      setProblems(found);
      return;
    }
    const fields = feedback(i18n, props.health.commands.updateThresholds(patch), t('healthThresholds.saved'));
    setProblems(fields ?? {});
    if (fields === null) setDirty(false);
  };

  const restore = () => {
    setConfirming(false);
    const result = props.health.commands.restoreDefaultThresholds();
    if (feedback(i18n, result, t('healthThresholds.restored')) !== null) return;
    setProblems({});
    setDirty(false);
    setForm(texts(DEFAULT_HEALTH_THRESHOLDS));
  };

  const message = (key: ThresholdKey) => {
    const problem = problems()[key];
    const [min, max] = HEALTH_THRESHOLD_RANGES[key];
    if (problem === undefined) return undefined;
    if (problem === 'notNumber') return t('healthThresholds.notNumber');
    if (problem === 'numberRange')
      return t('healthThresholds.outOfRange', { min: show(min), max: show(max) });
    return t(`errors.${problem}`);
  };

  return (
    <>
      <form class="form card" onSubmit={save} novalidate>
        <p>{t('healthThresholds.intro')}</p>
        <Show when={props.health.view.readOnly}>
          <div class="banner banner-warning" role="alert">
            {t('healthThresholds.newer')}
          </div>
        </Show>
        <Show when={readOnly() && !props.health.view.readOnly}>
          <p class="muted">{t('healthThresholds.readOnly')}</p>
        </Show>
        <For each={THRESHOLD_GROUPS}>
          {(group) => (
            <>
              <h3>{t(group.title)}</h3>
              <div class="form-grid">
                <For each={group.keys}>
                  {(key) => (
                    <TextField
                      label={t(`healthThresholds.${key}`)}
                      name={key}
                      inputMode="decimal"
                      value={form[key]}
                      onChange={(value) => {
                        setDirty(true);
                        setForm(key, value);
                      }}
                      description={t('healthThresholds.hint', {
                        min: show(HEALTH_THRESHOLD_RANGES[key][0]),
                        max: show(HEALTH_THRESHOLD_RANGES[key][1]),
                        national: show(DEFAULT_HEALTH_THRESHOLDS[key]),
                      })}
                      error={message(key)}
                      readOnly={readOnly()}
                    />
                  )}
                </For>
              </div>
            </>
          )}
        </For>
        <div class="form-actions">
          <Button variant="secondary" onClick={() => setConfirming(true)} disabled={readOnly()}>
            {t('healthThresholds.restore')}
          </Button>
          <Button variant="primary" type="submit" disabled={readOnly()}>
            {t('app.save')}
          </Button>
        </div>
      </form>
      <Dialog open={confirming()} onOpenChange={setConfirming} title={t('healthThresholds.restore')}>
        <p>{t('healthThresholds.restoreConfirm')}</p>
        <div class="form-actions">
          <Button variant="quiet" onClick={() => setConfirming(false)}>
            {t('app.cancel')}
          </Button>
          <Button variant="primary" onClick={restore}>
            {t('healthThresholds.restore')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
