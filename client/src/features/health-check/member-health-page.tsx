import {
  flagHealthCheck,
  getMember,
  type HealthCheck,
  listMemberHealth,
  type MemberId,
} from '@chungtay/model';
import { A, useParams } from '@solidjs/router';
import { createMemo, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import type { HealthSession } from '../../data/health/health-session';
import { useI18n } from '../../i18n/i18n-context';
import { HealthGate } from './health-gate';
import { useHealthI18n } from './health-i18n';
import { MeasureConflicts } from './measure-conflicts';
import { formatMeasure, type Measure, measureFlag } from './measure-text';
import { TrendChart } from './trend-chart';
import './health-check.css';

/** One member's checks across meetings, oldest first, each reading marked against the club's thresholds. */
export default function MemberHealthPage(): JSX.Element {
  const { t } = useI18n();
  const params = useParams<{ memberId: string }>();
  const club = useClub();
  const member = () => getMember(club.club, params.memberId as MemberId);
  return (
    <section class="health-check" aria-labelledby="member-health-title">
      <A href={`/club/${club.clubId}/health`} class="btn btn-quiet">
        ← {t('healthCheck.trend.back')}
      </A>
      <Show when={member()} fallback={<p class="empty">{t('healthCheck.trend.notFound')}</p>}>
        {(m) => (
          <>
            <h1 id="member-health-title">{t('healthCheck.trend.title', { name: m().fullName })}</h1>
            <p class="muted">{t('healthCheck.private')}</p>
            <Show
              when={club.canOpenHealth()}
              fallback={<p class="card muted">{t('healthCheck.viewerOnly')}</p>}
            >
              {/* Keyed: the session reads this member's checks only, so another member (back and forward
                  between two charts) opens a session of their own. */}
              <Show when={m().id} keyed>
                {(memberId) => (
                  <HealthGate scope={{ memberId }}>
                    {(session) => <TrendTable health={session} memberId={memberId} />}
                  </HealthGate>
                )}
              </Show>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

function TrendTable(props: { health: HealthSession; memberId: MemberId }): JSX.Element {
  const i18n = useHealthI18n();
  const { t } = i18n;
  const checks = createMemo(() => listMemberHealth(props.health.view, props.memberId));
  const cell = (measure: Measure, value: number | null) => {
    const flag = value === null ? null : measureFlag(measure, value, props.health.view.thresholds);
    return (
      <span class={flag === null ? '' : `trend-${flag}`} data-flag={flag ?? undefined}>
        {formatMeasure(value)}
        <Show when={flag}>{(f) => ` (${t(`healthCheck.${f()}`)})`}</Show>
      </span>
    );
  };
  const locked = (check: HealthCheck) => props.health.view.locks?.[check.meetingId] !== undefined;
  return (
    <Show when={checks().length > 0} fallback={<p class="card">{t('healthCheck.trend.empty')}</p>}>
      {/* Values two tablets wrote differently, each with its day, before the chart draws one of them. */}
      <For each={checks().filter((check) => check.conflicts !== undefined)}>
        {(check) => (
          <MeasureConflicts
            check={check}
            canEdit={props.health.canEdit() && !locked(check)}
            label={(field) => `${t(`healthCheck.field.${field}` as never)}, ${i18n.date(check.takenAt)}`}
            keep={(field, writeId) =>
              props.health.commands.resolveConflict({
                meetingId: check.meetingId,
                memberId: check.memberId,
                field,
                writeId,
              })
            }
          />
        )}
      </For>
      <TrendChart checks={checks()} thresholds={props.health.view.thresholds} />
      <h2>{i18n.h('tableTitle')}</h2>
      <table class="trend-table" data-testid="trend-table">
        <thead>
          <tr>
            <th scope="col">{t('healthCheck.trend.date')}</th>
            <th scope="col">{t('healthCheck.column.weightKg')}</th>
            <th scope="col">{t('healthCheck.trend.bloodPressure')}</th>
            <th scope="col">{t('healthCheck.field.glucoseMmol')}</th>
            <th scope="col">{t('healthCheck.trend.flags')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={checks()}>
            {(check) => (
              <tr>
                <th scope="row">{i18n.date(check.takenAt)}</th>
                <td>{cell('weightKg', check.weightKg)}</td>
                <td>
                  {cell('systolic', check.systolic)}
                  <Show when={check.diastolic !== null}> / {cell('diastolic', check.diastolic)}</Show>
                </td>
                <td>{cell('glucoseMmol', check.glucoseMmol)}</td>
                <td>
                  {flagHealthCheck(check, props.health.view.thresholds)
                    .map((f) => t(`health.flag.${f}`))
                    .join(', ')}
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Show>
  );
}
