import { type ClubId, careDocName } from '@chungtay/model';
import { useParams } from '@solidjs/router';
import { createMemo, type JSX, Match, Show, Switch } from 'solid-js';
import { openCareSession } from '../../data/care/care-session';
import { useClub } from '../../data/club/club-context';
import { useScreenSession } from '../../data/session/use-screen-session';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { CareProvider } from './care-context';
import CareListPage from './care-list-page';
import CarePrintPage from './care-print-page';
import { resolveCareRoute } from './care-routes';
import PairingPage from './pairing-page';
import './care.css';

/**
 * Every home-care screen (/club/:id/care/…) is this one lazy route. It opens the club's private care
 * doc once for all of them, on committee tablets only: a viewer key never opens it (the relay would
 * refuse it with 4403), by the relay's own rule (`ClubSession.canOpen`).
 */
export default function CareSection(): JSX.Element {
  const { t } = useI18n();
  const club = useClub();
  const mayOpen = () => club.canOpen(careDocName(club.clubId as ClubId));
  return (
    <section class="care" data-testid="care">
      <Show
        when={mayOpen()}
        fallback={
          <>
            <h1>{t('care.title')}</h1>
            <p class="card muted" data-testid="care-private">
              {t('care.viewerOnly')}
            </p>
          </>
        }
      >
        <OpenCare />
      </Show>
    </section>
  );
}

function OpenCare(): JSX.Element {
  const { t } = useI18n();
  const club = useClub();
  const { session, failed, retry } = useScreenSession(() =>
    openCareSession(club.clubId, club.author, {
      canEditClub: club.canEdit,
      accessChanges: club.onAccessChange,
    }),
  );
  return (
    <Show
      when={session()}
      fallback={
        <Show when={failed()} fallback={<p class="loading">{t('care.loading')}</p>}>
          <div class="card" role="alert">
            <p>{t('care.openFailed')}</p>
            <Button onClick={retry}>{t('care.retry')}</Button>
          </div>
        </Show>
      }
    >
      {(care) => (
        <CareProvider session={care()}>
          <div data-care-save={care().saveState()}>
            <Show when={care().view.readOnly}>
              <div class="banner banner-warning" role="alert">
                {t('care.newer')}
              </div>
            </Show>
            <CareScreen />
          </div>
        </CareProvider>
      )}
    </Show>
  );
}

function CareScreen(): JSX.Element {
  const { t } = useI18n();
  const params = useParams<{ rest?: string }>();
  const route = createMemo(() => resolveCareRoute(params.rest));
  const id = () => {
    const r = route();
    return r.page === 'pairing' ? r.id : '';
  };
  return (
    <Switch fallback={<p class="empty">{t('errors.notFound')}</p>}>
      <Match when={route().page === 'list'}>
        <CareListPage />
      </Match>
      <Match when={route().page === 'pairing'}>
        <PairingPage pairingId={id()} />
      </Match>
      <Match when={route().page === 'print'}>
        <CarePrintPage />
      </Match>
    </Switch>
  );
}
