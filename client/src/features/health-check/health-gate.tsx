import type { HealthCheckScope } from '@chungtay/model';
import { type JSX, Show } from 'solid-js';
import type { HealthSession } from '../../data/health/health-session';
import { useI18n } from '../../i18n/i18n-context';
import { DamagedNotice } from '../clubs/damaged-notice';
import { useHealthSession } from './use-health-session';

/**
 * Opens the health doc for a screen and shows it once open: "opening" until then, a retry when the open
 * fails, a calm line when a stored part was set aside. Its save state is on `data-health-save`. With a
 * `scope`, the session reads that meeting's or member's checks only (fixed for the gate's life).
 */
export function HealthGate(props: {
  scope?: HealthCheckScope;
  children: (session: HealthSession) => JSX.Element;
}): JSX.Element {
  const { t } = useI18n();
  const health = useHealthSession({}, props.scope);
  return (
    <Show
      when={health.session()}
      fallback={
        <p class="card">
          {health.failed() ? t('healthCheck.openFailed') : t('healthCheck.loading')}
          <Show when={health.failed()}>
            {' '}
            <button type="button" class="btn btn-secondary" onClick={() => health.retry()}>
              {t('damaged.retry')}
            </button>
          </Show>
        </p>
      }
    >
      {(session) => (
        <div class="health-gate" data-health-save={session().saveState()}>
          <DamagedNotice
            document={t('damaged.healthBook')}
            damaged={session().damaged}
            shared={session().syncStatus().type !== 'localOnly'}
          />
          {props.children(session())}
        </div>
      )}
    </Show>
  );
}
