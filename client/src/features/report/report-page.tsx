import {
  type ClubId,
  checkPeriod,
  type ReportPeriod,
  reportDocName,
  reportIdFor,
  standardPeriod,
} from '@chungtay/model';
import { createSignal, For, type JSX, onCleanup, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { openReportBooks } from '../../data/report/report-books';
import { openReportSession } from '../../data/report/report-session';
import { useScreenSession } from '../../data/session/use-screen-session';
import { parseDisplayDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { ReportEditor } from './report-editor';
// The rich-text editor's toolbar and body styles are the minutes' (the same editor).
import '../minutes/minutes.css';
import './report.css';

type Choice = 'halfYear1' | 'halfYear2' | 'year' | 'custom';

/**
 * The periodic report (/club/:id/report): pick a period, then the report for it opens with the books'
 * figures and the six narrative sections the committee writes together; the chair approves (figures
 * frozen), prints it in the administrative layout and exports the figures. Committee tablets only.
 */
export default function ReportPage(): JSX.Element {
  const { t } = useI18n();
  const club = useClub();
  const year = Number(club.today().slice(0, 4));
  const [choice, setChoice] = createSignal<Choice>(
    Number(club.today().slice(5, 7)) > 6 ? 'halfYear1' : 'year',
  );
  const [chosenYear, setChosenYear] = createSignal(Number(club.today().slice(5, 7)) > 6 ? year : year - 1);
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [period, setPeriod] = createSignal<ReportPeriod | null>(null);
  const [bad, setBad] = createSignal(false);
  const mayOpen = () =>
    club.canOpen(reportDocName(club.clubId as ClubId, reportIdFor(standardPeriod('year', year)) as never));
  const choose = () => {
    const c = choice();
    const p: ReportPeriod =
      c === 'custom'
        ? { kind: 'custom', from: parseDisplayDate(from()) ?? '', to: parseDisplayDate(to()) ?? '' }
        : c === 'year'
          ? standardPeriod('year', chosenYear())
          : standardPeriod('halfYear', chosenYear(), c === 'halfYear1' ? 1 : 2);
    const invalid = Object.keys(checkPeriod(p)).length > 0;
    setBad(invalid);
    if (!invalid) setPeriod(p);
  };
  return (
    <section class="report" data-testid="report">
      <h1 class="no-print">{t('report.title')}</h1>
      <Show when={mayOpen()} fallback={<p class="card muted">{t('report.viewerOnly')}</p>}>
        <form
          class="card report-period no-print"
          onSubmit={(e) => {
            e.preventDefault();
            choose();
          }}
        >
          <fieldset>
            <legend>{t('report.period')}</legend>
            <For each={['halfYear1', 'halfYear2', 'year', 'custom'] as const}>
              {(c) => (
                <label class="report-choice">
                  <input type="radio" name="period" checked={choice() === c} onChange={() => setChoice(c)} />
                  {t(`report.${c}`)}
                </label>
              )}
            </For>
          </fieldset>
          <Show
            when={choice() === 'custom'}
            fallback={
              <label>
                {t('report.yearLabel')}
                <input
                  type="number"
                  inputmode="numeric"
                  value={chosenYear()}
                  onInput={(e) => setChosenYear(Number(e.currentTarget.value))}
                />
              </label>
            }
          >
            <label>
              {t('report.from')}
              <input value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />
            </label>
            <label>
              {t('report.to')}
              <input value={to()} onInput={(e) => setTo(e.currentTarget.value)} />
            </label>
          </Show>
          <Show when={bad()}>
            <p role="alert" class="field-error">
              {t('report.badPeriod')}
            </p>
          </Show>
          <Button type="submit" variant="primary">
            {t('report.open')}
          </Button>
        </form>
        <Show when={period()} keyed>
          {(p) => <OpenReport period={p} />}
        </Show>
      </Show>
    </section>
  );
}

function OpenReport(props: { period: ReportPeriod }): JSX.Element {
  const { t } = useI18n();
  const club = useClub();
  const bookViews = openReportBooks(club);
  // The report's text has no header undo of its own here: only its pending writes are waited for.
  const { session, failed, retry } = useScreenSession(
    () =>
      openReportSession({
        clubId: club.clubId,
        period: props.period,
        place: club.club.profile.commune,
        author: club.author,
        canEditClub: club.canEdit,
        accessChanges: club.onAccessChange,
      }),
    { undo: 'none' },
  );
  onCleanup(() => void bookViews.close());
  return (
    <Show
      when={session()}
      fallback={
        <Show when={failed()} fallback={<p class="loading">{t('report.loading')}</p>}>
          <div class="card" role="alert">
            <p>{t('report.openFailed')}</p>
            <Button onClick={retry}>{t('report.retry')}</Button>
          </div>
        </Show>
      }
    >
      {(s) => <ReportEditor session={s()} books={bookViews} period={props.period} />}
    </Show>
  );
}
