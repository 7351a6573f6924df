import { flagHealthCheck, type HealthCheckInput, type MeetingId, type MemberId } from '@chungtay/model';
import { A } from '@solidjs/router';
import { createEffect, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import type { HealthSession } from '../../data/health/health-session';
import type { MinutesSession } from '../../data/minutes/minutes-session';
import { todayIso } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { CheckboxField } from '../../ui/checkbox-field/checkbox-field';
import { CommitField } from './commit-field';
import { approvalInput } from './follow-approval';
import type { MemberOption } from './header-section';
import { firstError, minutesFeedback } from './minutes-feedback';

const number = (text: string) => Number(text.trim().replace(',', '.'));
const decimal = (value: number | null) => (value === null ? '' : String(value).replace('.', ','));

/** Weight, blood pressure and blood sugar per member, kept in the club's private health doc. */
export function HealthSection(props: {
  minutes: MinutesSession;
  health: HealthSession | undefined;
  members: readonly MemberOption[];
}): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const club = useClub();
  const meetingId = () => props.minutes.meetingId as MeetingId;
  const checkOf = (memberId: string) =>
    props.health?.view.checks.find((c) => c.meetingId === meetingId() && c.memberId === memberId);
  const record = (memberId: string, patch: Omit<HealthCheckInput, 'meetingId' | 'memberId' | 'takenAt'>) => {
    const health = props.health;
    if (!health) return undefined;
    if (approved()) return t('minutes.approvedError');
    const takenAt = props.minutes.view.header.date ?? todayIso();
    const input = { meetingId: meetingId(), memberId: memberId as MemberId, takenAt, ...patch };
    return firstError(i18n, minutesFeedback(i18n, health.commands.record(input)));
  };
  const h = () => props.minutes.view.header;
  const locked = () => !props.minutes.canWrite();
  // Health values belong to the meeting: they lock with its approved minutes (issue 12 §4).
  const approved = () => props.minutes.view.approval.status === 'approved';
  // The health doc keeps its own lock of the meeting, so the health-check screen and every tablet lock
  // too: written here, where the minutes and the health doc are open together (the model ignores minutes
  // older than the lock, and writes nothing when the lock already matches).
  createEffect(() => {
    const health = props.health;
    const input = approvalInput(props.minutes);
    if (health?.canEdit()) health.commands.followMinutes(input);
  });
  return (
    <section class="minutes-section card" aria-labelledby="minutes-health">
      <h2 id="minutes-health">{t('health.title')}</h2>
      <div class="actions-row">
        <CheckboxField
          label={t('health.taken')}
          checked={h().healthChecksTaken}
          onChange={(v) =>
            !locked() && minutesFeedback(i18n, props.minutes.commands.updateHeader({ healthChecksTaken: v }))
          }
        />
        <CheckboxField
          label={t('health.printWith')}
          checked={h().printHealthChecks}
          onChange={(v) =>
            !locked() && minutesFeedback(i18n, props.minutes.commands.updateHeader({ printHealthChecks: v }))
          }
        />
      </div>
      <Show when={props.health}>
        {/* The quick way: the members present only, numeric keypad, one row each. */}
        <A href={`/club/${club.clubId}/meetings/${meetingId()}/health`} class="btn btn-primary">
          {t('healthCheck.open')}
        </A>
      </Show>
      <Show when={props.health} fallback={<p class="muted">{t('health.notAvailable')}</p>}>
        {(health) => (
          <ul class="health-list">
            <For each={props.members}>
              {(member) => {
                const check = () => checkOf(member.id);
                const flags = () => {
                  const c = check();
                  return c ? flagHealthCheck(c, health().view.thresholds) : [];
                };
                const bp = () => {
                  const c = check();
                  return c?.systolic != null && c.diastolic != null ? `${c.systolic}/${c.diastolic}` : '';
                };
                return (
                  <li
                    class="health-row"
                    data-testid="health-row"
                    data-flagged={flags().length > 0 ? 'true' : 'false'}
                  >
                    <span class="member-name">{member.label}</span>
                    <CommitField
                      label={t('health.of', { field: t('health.weight'), name: member.label })}
                      value={decimal(check()?.weightKg ?? null)}
                      inputMode="numeric"
                      disabled={approved()}
                      onCommit={(v) => record(member.id, { weightKg: v.trim() ? number(v) : null })}
                    />
                    <CommitField
                      label={t('health.of', { field: t('health.bloodPressure'), name: member.label })}
                      value={bp()}
                      disabled={approved()}
                      onCommit={(v) => {
                        if (!v.trim()) return record(member.id, { systolic: null, diastolic: null });
                        const [sys, dia] = v.split(/[/\s-]+/).map(number);
                        if (sys === undefined || dia === undefined) return t('errors.numberRange');
                        return record(member.id, { systolic: sys, diastolic: dia });
                      }}
                    />
                    <CommitField
                      label={t('health.of', { field: t('health.glucose'), name: member.label })}
                      value={decimal(check()?.glucoseMmol ?? null)}
                      inputMode="numeric"
                      disabled={approved()}
                      onCommit={(v) => record(member.id, { glucoseMmol: v.trim() ? number(v) : null })}
                    />
                    <Show when={flags().length > 0}>
                      <p class="warning-text health-flags" data-testid="health-flags">
                        {t('health.followUp')}:{' '}
                        {flags()
                          .map((f) => t(`health.flag.${f}`))
                          .join(', ')}
                      </p>
                    </Show>
                  </li>
                );
              }}
            </For>
          </ul>
        )}
      </Show>
    </section>
  );
}
