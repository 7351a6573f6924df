import { getComposition, getGroupSizes, getMeetingAttendance, type Share } from '@chungtay/model';
import { createMemo, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';

export default function IndicatorsPage(): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useClub();
  const composition = createMemo(() => getComposition(session.club, session.today()));
  const settings = () => session.club.settings;
  const range = (share: Share) =>
    share.max === null
      ? `≥ ${i18n.percent(share.min)}`
      : `${i18n.percent(share.min)}–${i18n.percent(share.max)}`;
  const shareCard = (label: string, share: Share) => (
    <div class={`card indicator indicator-${share.status}`}>
      <span class="indicator-label">{label}</span>
      <span class="indicator-value">{i18n.percent(share.pct)}</span>
      <span class="muted">
        {share.count} ·{' '}
        {share.status === 'noTarget'
          ? t('indicators.noTarget')
          : t('indicators.target', { range: range(share) })}
      </span>
      <Show when={share.status !== 'noTarget'}>
        <span class={`status-text status-${share.status}`}>
          {t(`indicators.${share.status as 'below' | 'within' | 'above'}`)}
        </span>
      </Show>
    </div>
  );
  const groups = createMemo(() => {
    const names = new Map(session.club.groups.map((g) => [g.id, g.name]));
    return getGroupSizes(session.club).map((s) => ({ ...s, name: names.get(s.groupId) ?? '' }));
  });
  const recent = createMemo(() =>
    session.club.meetings
      .slice(0, 6)
      .map((m) => ({ meeting: m, summary: getMeetingAttendance(session.club, m.id) })),
  );
  return (
    <section class="indicators">
      <h1>{t('indicators.title')}</h1>
      <div class="indicator-grid">
        <div class={`card indicator indicator-${composition().totalStatus}`}>
          <span class="indicator-label">{t('indicators.members')}</span>
          <span class="indicator-value" data-testid="indicator-members">
            {composition().total}
          </span>
          <span class="muted">
            {t('indicators.target', { range: `${settings().memberMin}–${settings().memberMax}` })}
          </span>
          <span class={`status-text status-${composition().totalStatus}`}>
            {t(`indicators.${composition().totalStatus}`)}
          </span>
        </div>
        {shareCard(t('indicators.women'), composition().women)}
        {shareCard(t('indicators.older', { age: settings().olderAge }), composition().older)}
        {shareCard(t('indicators.younger', { age: settings().olderAge }), composition().younger)}
        {shareCard(t('indicators.poor'), composition().poorOrNearPoor)}
        <div class="card indicator">
          <span class="indicator-label">{t('indicators.ethnic')}</span>
          <span class="indicator-value">{i18n.percent(composition().ethnicMinority.pct)}</span>
          <span class="muted">{composition().ethnicMinority.count}</span>
        </div>
      </div>
      <h2>{t('indicators.groupSizes', { min: settings().groupMin, max: settings().groupMax })}</h2>
      <ul class="bar-list">
        <For each={groups()}>
          {(g) => (
            <li class={`bar-row size-${g.status}`}>
              <span class="bar-label">{g.name}</span>
              <span
                class="bar"
                style={{ width: `${Math.min(100, (g.size / Math.max(1, settings().groupMax)) * 100)}%` }}
              />
              <span class="bar-value">{g.size}</span>
            </li>
          )}
        </For>
      </ul>
      <h2>{t('indicators.attendance')}</h2>
      <Show when={recent().length > 0} fallback={<p class="empty">{t('indicators.noMeetings')}</p>}>
        <ul class="bar-list">
          <For each={recent()}>
            {(r) => (
              <li class="bar-row">
                <span class="bar-label">{i18n.date(r.meeting.date)}</span>
                <span class="bar" style={{ width: `${r.summary.rate * 100}%` }} />
                <span class="bar-value">{i18n.percent(r.summary.rate * 100)}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
