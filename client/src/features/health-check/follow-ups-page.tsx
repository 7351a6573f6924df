import { type FollowUpItem, getMember, listFollowUpItems } from '@chungtay/model';
import { A } from '@solidjs/router';
import { createMemo, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import type { HealthSession } from '../../data/health/health-session';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { feedback } from '../shared/command-feedback';
import { HealthGate } from './health-gate';
import { formatMeasure } from './measure-text';
import { MemberFinder } from './member-finder';
import './health-check.css';

/**
 * The follow-up list: members whose latest check is flagged, still to visit first, each closed with
 * "Đã thăm hỏi". Committee only: it reads the private health doc.
 */
export default function FollowUpsPage(): JSX.Element {
  const { t } = useI18n();
  const club = useClub();
  const measured = (health: HealthSession) => {
    const ids = new Set<string>(health.view.checks.map((c) => c.memberId));
    return club.club.members.filter((m) => ids.has(m.id));
  };
  return (
    <section class="health-check" aria-labelledby="follow-ups-title">
      <h1 id="follow-ups-title">{t('healthCheck.followUps.title')}</h1>
      <p class="muted">{t('healthCheck.private')}</p>
      <Show when={club.canOpenHealth()} fallback={<p class="card muted">{t('healthCheck.viewerOnly')}</p>}>
        <HealthGate>
          {(session) => (
            <>
              <FollowUpList health={session} />
              <MemberFinder clubId={club.clubId} members={measured(session)} />
            </>
          )}
        </HealthGate>
      </Show>
    </section>
  );
}

function FollowUpList(props: { health: HealthSession }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const club = useClub();
  const items = createMemo(() => listFollowUpItems(props.health.view));
  const open = () => items().filter((item) => item.done === null).length;
  const nameOf = (item: FollowUpItem) => getMember(club.club, item.check.memberId)?.fullName ?? '';
  const reading = (item: FollowUpItem) => {
    const c = item.check;
    return [
      c.weightKg === null ? null : `${formatMeasure(c.weightKg)} kg`,
      c.systolic === null || c.diastolic === null ? null : `${c.systolic}/${c.diastolic} mmHg`,
      c.glucoseMmol === null ? null : `${formatMeasure(c.glucoseMmol)} mmol/L`,
    ]
      .filter((part) => part !== null)
      .join(' · ');
  };
  return (
    <>
      <p>{t('healthCheck.followUps.intro')}</p>
      <Show when={items().length > 0} fallback={<p class="card">{t('healthCheck.followUps.empty')}</p>}>
        <p class="health-check-counts" data-testid="follow-up-count">
          {t('healthCheck.followUps.toDo', { count: open() })}
        </p>
        <ul class="follow-up-list">
          <For each={items()}>
            {(item) => (
              <li
                class="card follow-up"
                data-testid="follow-up"
                data-member={nameOf(item)}
                data-done={item.done === null ? 'false' : 'true'}
              >
                <div class="follow-up-text">
                  <strong>{nameOf(item)}</strong>
                  <span class="health-check-flags">
                    {item.flags.map((f) => t(`health.flag.${f}`)).join(', ')}
                  </span>
                  <span>
                    {t('healthCheck.followUps.checkedOn', { date: i18n.date(item.check.takenAt) })}:{' '}
                    {reading(item)}
                  </span>
                  <Show when={item.done}>
                    {(done) => (
                      <span class="ok-text">
                        {t('healthCheck.followUps.doneOn', { date: i18n.date(done().on) })}
                      </span>
                    )}
                  </Show>
                </div>
                <div class="follow-up-actions">
                  <A href={`/club/${club.clubId}/health/${item.check.memberId}`} class="btn btn-quiet">
                    {t('healthCheck.followUps.history')}
                  </A>
                  <Show
                    when={item.done === null}
                    fallback={
                      <Button
                        variant="quiet"
                        aria-label={t('healthCheck.followUps.reopenOf', { name: nameOf(item) })}
                        disabled={!club.canEdit()}
                        onClick={() =>
                          feedback(
                            i18n,
                            props.health.commands.reopenFollowUp(item.check.meetingId, item.check.memberId),
                          )
                        }
                      >
                        {t('healthCheck.followUps.reopen')}
                      </Button>
                    }
                  >
                    <Button
                      variant="primary"
                      aria-label={t('healthCheck.followUps.markDoneOf', { name: nameOf(item) })}
                      disabled={!club.canEdit()}
                      onClick={() =>
                        feedback(
                          i18n,
                          props.health.commands.markFollowedUp({
                            meetingId: item.check.meetingId,
                            memberId: item.check.memberId,
                            on: club.today(),
                          }),
                        )
                      }
                    >
                      {t('healthCheck.followUps.markDone')}
                    </Button>
                  </Show>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}
