import { countRedCross, RED_CROSS_ACTIVITY_KINDS, VOLUNTEER_SKILLS } from '@chungtay/model';
import { createMemo, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { ActivityLog } from './activity-log';
import { VolunteerRegister } from './volunteer-register';
import './red-cross.css';

/**
 * A Red Cross chapter's own books (/club/:id/red-cross): this year's counts, the volunteer register and the
 * activity log. They live in the club doc, so they open with the club and sync with it; the counts are
 * the ones the periodic report and the supervisors' summary take (model red-cross-counts.ts).
 */
export default function RedCrossPage(): JSX.Element {
  const { t } = useI18n();
  const club = useClub();
  const isChapter = () => club.club.profile.kind === 'redCross';
  const year = () => club.today().slice(0, 4);
  const counts = createMemo(() => countRedCross(club.club.redCross, `${year()}-01-01`, club.today()));
  const activities = () => Object.values(counts().activitiesByKind).reduce((a, b) => a + b, 0);
  return (
    <section class="red-cross" data-testid="red-cross">
      <h1>{t('redCross.title')}</h1>
      <Show when={isChapter()} fallback={<p class="card muted">{t('redCross.notChapter')}</p>}>
        <section
          class="card red-cross-counts"
          aria-labelledby="red-cross-year"
          data-testid="red-cross-counts"
        >
          <h2 id="red-cross-year">{t('redCross.yearHeading', { year: year() })}</h2>
          <dl>
            <div data-count="volunteers">
              <dt>{t('redCross.countVolunteers')}</dt>
              <dd>{counts().volunteers}</dd>
              <For each={VOLUNTEER_SKILLS}>
                {(skill) => (
                  <dd class="red-cross-sub" data-skill={skill}>
                    {t(`redCross.skill.${skill}`)}: {counts().volunteersBySkill[skill]}
                  </dd>
                )}
              </For>
            </div>
            <div data-count="activities">
              <dt>{t('redCross.countActivities')}</dt>
              <dd>{activities()}</dd>
              <For each={RED_CROSS_ACTIVITY_KINDS}>
                {(kind) => (
                  <dd class="red-cross-sub" data-kind={kind}>
                    {t(`redCross.kind.${kind}`)}: {counts().activitiesByKind[kind]}
                  </dd>
                )}
              </For>
            </div>
            <div data-count="participants">
              <dt>{t('redCross.countParticipants')}</dt>
              <dd>{counts().participants}</dd>
            </div>
            <div data-count="bloodUnits">
              <dt>{t('redCross.countBloodUnits')}</dt>
              <dd>{counts().bloodUnits}</dd>
            </div>
          </dl>
        </section>
        <VolunteerRegister />
        <ActivityLog />
      </Show>
    </section>
  );
}
