import {
  REPORT_SECTIONS,
  type ReportPeriod,
  type ReportSection,
  type ReportView,
  type RichBlock,
} from '@chungtay/model';
import { For, type JSX, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context';
import '../minutes/minutes-print.css';
import { PrintBody } from '../minutes/print-body';
import type { FigureRow } from './report-rows';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];

const parts = (iso: string | null | undefined) => {
  const [year = '……', month = '……', day = '……'] = (iso ?? '').split('-');
  return { day, month, year };
};

/**
 * The report in the administrative layout (Decree 30/2020/NĐ-CP), on the minutes' print styles:
 * organisation and national title one line each, number, place and date, title, results, narrative,
 * "Nơi nhận" and the chair's signature. Shown only in print.
 */
export function ReportPrint(props: {
  view: ReportView;
  period: ReportPeriod;
  rows: readonly FigureRow[];
  label: (row: FigureRow) => string;
  value: (row: FigureRow) => string;
  /** The narrative's words: frozen once approved, read from the draft at the moment of printing before. */
  narrative: Readonly<Record<ReportSection, string>>;
  /**
   * The same narrative with its formatting, printed as the minutes print their bodies; undefined for a
   * report approved before the formatting was kept, which prints its words as plain paragraphs.
   */
  blocks: Readonly<Record<ReportSection, readonly RichBlock[]>> | undefined;
  clubName: string;
  chairName: string;
}): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const blank = t('print.blank');
  const date = () => parts(props.view.approval?.at.slice(0, 10));
  const periodName = () =>
    props.period.kind === 'year'
      ? `${t('report.year').toLowerCase()} ${props.period.from.slice(0, 4)}`
      : props.period.kind === 'halfYear'
        ? `${t(props.period.from.slice(5, 7) === '01' ? 'report.halfYear1' : 'report.halfYear2').toLowerCase()} ${props.period.from.slice(0, 4)}`
        : t('report.periodLine', { from: i18n.date(props.period.from), to: i18n.date(props.period.to) });
  return (
    <article class="minutes-print report-print" data-testid="report-print">
      <Show when={props.view.frozen === null}>
        <p class="print-draft">{t('print.draftMark')}</p>
      </Show>
      <header class="print-header">
        <div class="print-org">
          <p class="print-org-name">{props.clubName.toUpperCase()}</p>
          <hr class="print-rule" />
          <p>{t('print.number', { number: props.view.header?.number || blank })}</p>
        </div>
        <div class="print-nation">
          <p class="print-nation-name" data-testid="print-nation">
            {t('print.nation')}
          </p>
          <p class="print-motto" data-testid="print-motto">
            {t('print.motto')}
          </p>
          <hr class="print-rule" />
          <p class="print-place-date">
            {t('print.placeDate', { place: props.view.header?.place || blank, ...date() })}
          </p>
        </div>
      </header>
      <h1 class="print-title">{t('report.printTitle')}</h1>
      <p class="print-subtitle">{t('report.printSubtitle', { period: periodName() })}</p>
      <div class="print-keep">
        <h2>{t('print.section', { numeral: ROMAN[0] ?? '', title: t('report.figures').toUpperCase() })}</h2>
      </div>
      <table class="print-table">
        <thead>
          <tr>
            <th class="num-col">{t('print.no')}</th>
            <th>{t('report.column')}</th>
            <th>{t('report.valueColumn')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row, index) => (
              <tr>
                <td class="num">{index() + 1}</td>
                <td>{props.label(row)}</td>
                <td class="num">{props.value(row)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <For each={REPORT_SECTIONS}>
        {(section, index) => (
          <>
            <div class="print-keep">
              <h2>
                {t('print.section', {
                  numeral: ROMAN[index() + 1] ?? '',
                  title: t(`report.section.${section}`).toUpperCase(),
                })}
              </h2>
            </div>
            <Show
              when={props.blocks?.[section]?.length}
              fallback={
                <For each={(props.narrative[section] || blank).split('\n')}>
                  {(line) => <p class="print-para">{line}</p>}
                </For>
              }
            >
              <PrintBody blocks={props.blocks?.[section] ?? []} />
            </Show>
          </>
        )}
      </For>
      <footer class="report-print-footer">
        <div>
          <p>
            <strong>{t('print.recipients')}</strong>
          </p>
          <For each={t('report.recipientsDefault').split('; ')}>{(line) => <p>- {line}</p>}</For>
        </div>
        <div class="report-print-sign">
          <For each={t('report.chairTitle').split('\n')}>
            {(line) => (
              <p>
                <strong>{line}</strong>
              </p>
            )}
          </For>
          <p class="report-print-name">{props.chairName}</p>
        </div>
      </footer>
    </article>
  );
}
