import { listUpcomingNationalDays } from '@chungtay/model';
import { For, type JSX } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context';

/**
 * The national days a veterans' club meets on, soonest first, each a one-tap choice of the meeting date
 * ("30/4 · Giải phóng miền Nam"). Shown in the meeting form of a veterans' club only.
 */
export function NationalDayPicker(props: { today: string; onPick: (iso: string) => void }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const dayMonth = (iso: string) => `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}`;
  return (
    <fieldset class="national-days">
      <legend class="field-label">{t('healthCheck.nationalDays.title')}</legend>
      <div class="national-days-list">
        <For each={listUpcomingNationalDays(props.today)}>
          {(upcoming) => {
            const name = t(`healthCheck.nationalDays.d${upcoming.day}`);
            return (
              <button
                type="button"
                class="national-day"
                aria-label={t('healthCheck.nationalDays.pick', { date: i18n.date(upcoming.date), name })}
                onClick={() => props.onPick(upcoming.date)}
              >
                <strong>{dayMonth(upcoming.date)}</strong> {name}
              </button>
            );
          }}
        </For>
      </div>
    </fieldset>
  );
}
