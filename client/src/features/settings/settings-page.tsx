import type { ClubSettings } from '@chungtay/model';
import { createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useClub } from '../../data/club/club-context';
import { readStorageStatus, requestPersistentStorage } from '../../device/storage-status';
import { formatBytes } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { TextField } from '../../ui/text-field/text-field';
import { PhotoStorage } from '../photos/photo-storage';
import { feedback } from '../shared/command-feedback';
import { type FieldErrors, fieldMessage } from '../shared/field-errors';
import { HealthThresholdsForm } from './health-thresholds-form';
import { ProfileForm } from './profile-form';
import { RelayAddressForm } from './relay-address-form';
import { RemoveClubSection } from './remove-club-section';

const TARGET_FIELDS = [
  'memberMin',
  'memberMax',
  'womenMinPct',
  'womenMaxPct',
  'olderMinPct',
  'olderMaxPct',
  'youngerMinPct',
  'youngerMaxPct',
  'poorMinPct',
  'olderAge',
  'groupMin',
  'groupMax',
] as const satisfies readonly (keyof ClubSettings)[];

export default function SettingsPage(): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useClub();
  const [targets, setTargets] = createStore(
    Object.fromEntries(TARGET_FIELDS.map((f) => [f, String(session.club.settings[f])])) as Record<
      (typeof TARGET_FIELDS)[number],
      string
    >,
  );
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [storage, { refetch }] = createResource(() => readStorageStatus());

  const saveTargets = (event: SubmitEvent) => {
    event.preventDefault();
    const patch: Partial<Record<keyof ClubSettings, number>> = {};
    const found: Record<string, 'numberRange'> = {};
    for (const field of TARGET_FIELDS) {
      const value = Number(targets[field].replace(',', '.'));
      if (targets[field].trim() === '' || !Number.isFinite(value)) found[field] = 'numberRange';
      else patch[field] = value;
    }
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setErrors(feedback(i18n, session.commands.updateSettings(patch), t('settings.saved')) ?? {});
  };

  return (
    <section class="settings">
      <h1>{t('settings.title')}</h1>
      <h2>{t('settings.profile')}</h2>
      <ProfileForm />
      <h2>{t('settings.targets')}</h2>
      <form class="form card" onSubmit={saveTargets} novalidate>
        <p class="muted">{t('settings.targetsHint')}</p>
        <div class="form-grid">
          <For each={TARGET_FIELDS}>
            {(field) => (
              <TextField
                label={t(`settings.${field}`)}
                inputMode="numeric"
                value={targets[field]}
                onChange={(v) => setTargets(field, v)}
                error={fieldMessage(i18n, errors(), field)}
              />
            )}
          </For>
        </div>
        <Button variant="primary" type="submit">
          {t('app.save')}
        </Button>
      </form>
      <HealthThresholdsForm />
      <h2>{t('settings.storage')}</h2>
      <div class="card" data-testid="storage-status">
        <Show when={storage()} fallback={<p>{t('app.loading')}</p>}>
          {(s) => (
            <>
              <Show when={s().supported} fallback={<p>{t('settings.unsupported')}</p>}>
                <p class={s().persisted ? 'ok-text' : 'warning-text'}>
                  {s().persisted ? t('settings.persisted') : t('settings.notPersisted')}
                </p>
                <Show when={s().usage !== null && s().quota !== null}>
                  <p>
                    {t('settings.usage', {
                      used: formatBytes(s().usage ?? 0, i18n.locale()),
                      quota: formatBytes(s().quota ?? 0, i18n.locale()),
                    })}
                  </p>
                </Show>
              </Show>
              <Show when={s().supported && !s().persisted}>
                <Button
                  variant="secondary"
                  onClick={async () => {
                    await requestPersistentStorage();
                    await refetch();
                  }}
                >
                  {t('settings.askPersist')}
                </Button>
              </Show>
            </>
          )}
        </Show>
        <PhotoStorage clubId={session.clubId} onFreed={() => void refetch()} />
      </div>
      <h2>{t('settings.device')}</h2>
      <p class="card">{session.author.name}</p>
      <RelayAddressForm />
      <RemoveClubSection />
    </section>
  );
}
