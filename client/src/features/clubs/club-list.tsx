import { A, useNavigate } from '@solidjs/router';
import { createSignal, For, type JSX, Show } from 'solid-js';
import { createSampleClubOnTablet } from '../../data/club/create-club';
import { listKnownClubs, readDeviceUser, saveDeviceUser } from '../../device/device';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { LanguageSwitch } from '../shared/language-switch';
import { OfflineReady } from './offline-ready';

export function ClubList(): JSX.Element {
  const { t } = useI18n();
  const navigate = useNavigate();
  const clubs = listKnownClubs();
  const [busy, setBusy] = createSignal(false);

  const openSample = async () => {
    setBusy(true);
    try {
      const author = readDeviceUser() ?? saveDeviceUser(t('clubs.guest'));
      const created = await createSampleClubOnTablet(author);
      if (created.ok) navigate(`/club/${created.value}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="page narrow">
      <header class="top-bar">
        <div class="brand">
          <img src="/icon.svg" alt="" width="48" height="48" />
          <span>{t('app.name')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <Show
        when={clubs.length > 0}
        fallback={
          <section class="welcome card">
            <h1>{t('clubs.welcome')}</h1>
            <p class="lead">{t('clubs.welcomeBody')}</p>
          </section>
        }
      >
        <h1>{t('clubs.title')}</h1>
        <ul class="club-cards">
          <For each={clubs}>
            {(club) => (
              <li>
                {/* A club followed by a viewer key opens as figures on the supervisor's screen (issue 15). */}
                <A
                  class="card club-card"
                  href={club.access?.role === 'viewer' ? '/supervisor' : `/club/${club.id}`}
                >
                  <span class="club-card-name">{club.name}</span>
                  <span class="muted">
                    {t(`kind.${club.kind}`)} · {t('clubs.members', { count: club.memberCount })}
                  </span>
                </A>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="actions-column">
        <Button variant="primary" onClick={() => navigate('/new')}>
          {t('clubs.create')}
        </Button>
        <Button variant="secondary" onClick={openSample} disabled={busy()}>
          {t('clubs.sample')}
        </Button>
        <p class="muted">{t('clubs.sampleHint')}</p>
      </div>
      <OfflineReady />
    </main>
  );
}
