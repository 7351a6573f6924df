import type { HealthCheck, HealthThresholds, MeetingMoney, MinutesContent, RichBlock } from '@chungtay/model';
import { ATTENDANCE_STATUSES, formatTimeOfDay } from '@chungtay/model';
import { For, type JSX, Show } from 'solid-js';
import { formatDecimal } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { useMoneyI18n } from '../money/money-i18n';
import type { MemberOption } from './header-section';
import './minutes-print.css';
import { meetingMoneyLines } from './money-section';
import { PrintBody } from './print-body';
import { printHealthRows } from './print-health';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

const parts = (iso: string | null) => {
  const [year = '……', month = '……', day = '……'] = (iso ?? '').split('-');
  return { day, month, year };
};

/**
 * The minutes in the Vietnamese administrative layout (Decree 30/2020/NĐ-CP, Appendix I): organisation
 * and national title, number, place and date, title, body, "Nơi nhận" and the two signature blocks.
 */
export function MinutesPrint(props: {
  content: MinutesContent;
  /** The agenda bodies by item id, from the same version as `content` (the approved one once sealed). */
  bodies: Readonly<Record<string, readonly RichBlock[]>>;
  approved: boolean;
  clubName: string;
  placeName: string;
  kind: string;
  members: readonly MemberOption[];
  nameOf: (id: string | null) => string;
  /** This meeting's checks and the club's thresholds, from the private health doc (committee only). */
  health: { checks: readonly HealthCheck[]; thresholds: HealthThresholds } | null;
  /** The book's entries recorded at this meeting (committee only; a viewer tablet prints no money). */
  money: MeetingMoney | undefined;
  /** Says that a name was taken out ([đã xóa]) at a request to erase personal data (issue 12 §2). */
  note?: string | null;
}): JSX.Element {
  const i18n = useI18n();
  const moneyI18n = useMoneyI18n();
  // A cancelled entry and its correction net to nothing: the printed list shows what stands.
  const moneyLines = () =>
    props.money
      ? meetingMoneyLines(props.money, (k) => moneyI18n.m(`kind.${k}`), props.nameOf).filter(
          (l) => !l.reversed,
        )
      : [];
  const { t } = i18n;
  const h = () => props.content.header;
  const date = () => parts(h().date);
  const blank = t('print.blank');
  const marked = () => props.members.filter((m) => props.content.attendance[m.id]);
  const count = (status: string) =>
    Object.values(props.content.attendance).filter((s) => s === status).length;
  const recipients = () =>
    h()
      .recipients.split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  const [closeHour = blank, closeMinute = blank] = h().closedAt ? h().closedAt.split(':') : [];
  // Sections are numbered I, II, … over those actually printed.
  const shown = () =>
    [
      'attendance',
      'content',
      props.content.actions.length > 0 ? 'actions' : null,
      moneyLines().length > 0 ? 'money' : null,
      h().printHealthChecks && props.health ? 'health' : null,
    ].filter((x) => x !== null);
  const decimal = (value: number | null) => (value === null ? '' : formatDecimal(value, i18n.locale()));
  const heading = (key: 'attendance' | 'content' | 'actions' | 'money' | 'health') =>
    t('print.section', { numeral: ROMAN[shown().indexOf(key)] ?? '', title: t(`print.${key}`) });
  return (
    <article class="minutes-print" data-testid="minutes-print">
      <Show when={!props.approved}>
        <p class="print-draft">{t('print.draftMark')}</p>
      </Show>
      <header class="print-header">
        <div class="print-org">
          <p class="print-org-name">{props.clubName.toUpperCase()}</p>
          <hr class="print-rule" />
          <p>{t('print.number', { number: h().number || blank })}</p>
        </div>
        <div class="print-nation">
          <p class="print-nation-name">{t('print.nation')}</p>
          <p class="print-motto">{t('print.motto')}</p>
          <hr class="print-rule" />
          <p class="print-place-date">
            {t('print.placeDate', { place: props.placeName || blank, ...date() })}
          </p>
        </div>
      </header>
      <h1 class="print-title">{t('print.title')}</h1>
      <p class="print-subtitle">{t('print.subtitle', { kind: props.kind })}</p>
      <Show when={props.note}>
        {(note) => (
          <p class="print-redaction-note" data-testid="print-redaction-note">
            <em>{note()}</em>
          </p>
        )}
      </Show>
      <p>
        {t('print.opening', {
          time: formatTimeOfDay(h().startedAt) || blank,
          place: h().place || blank,
          ...date(),
        })}
      </p>
      <p>{t('print.chair', { name: props.nameOf(h().chairId) || blank })}</p>
      <p>{t('print.secretary', { name: props.nameOf(h().secretaryId) || blank })}</p>
      {/* A heading never ends a page: it travels with what follows it (see minutes-print.css). */}
      <div class="print-keep">
        <h2>{heading('attendance')}</h2>
        <p>
          {t('print.attendanceSummary', {
            present: count('present'),
            excused: count('excused'),
            absent: count('absent'),
          })}
        </p>
      </div>
      <table class="print-table">
        <thead>
          <tr>
            <th class="num-col">{t('print.no')}</th>
            <th>{t('print.name')}</th>
            <th>{t('print.status')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={marked()}>
            {(member, index) => (
              <tr>
                <td class="num">{index() + 1}</td>
                <td>{member.label}</td>
                <td>
                  {ATTENDANCE_STATUSES.includes(props.content.attendance[member.id] as never)
                    ? t(`attendance.${props.content.attendance[member.id] ?? 'present'}`)
                    : ''}
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <h2>{heading('content')}</h2>
      <For each={props.content.agenda.filter((a) => !a.removed)}>
        {(item, index) => (
          <section class="print-item">
            <div class="print-keep">
              <h3>
                {index() + 1}. {item.title}
              </h3>
              <PrintBody blocks={(props.bodies[item.id] ?? []).slice(0, 1)} />
            </div>
            <PrintBody blocks={(props.bodies[item.id] ?? []).slice(1)} />
            <Show when={item.decisions}>
              <p class="print-decision">{t('print.decisions', { text: item.decisions })}</p>
            </Show>
          </section>
        )}
      </For>
      <Show when={props.content.actions.length > 0}>
        <h2>{heading('actions')}</h2>
        <table class="print-table">
          <thead>
            <tr>
              <th class="num-col">{t('print.no')}</th>
              <th>{t('print.what')}</th>
              <th>{t('print.responsible')}</th>
              <th>{t('print.due')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.content.actions}>
              {(a, index) => (
                <tr>
                  <td class="num">{index() + 1}</td>
                  <td>{a.what}</td>
                  <td>{props.nameOf(a.responsibleId)}</td>
                  <td>{i18n.date(a.due)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <Show when={moneyLines().length > 0}>
        <h2>{heading('money')}</h2>
        <table class="print-table">
          <thead>
            <tr>
              <th class="num-col">{t('print.no')}</th>
              <th>{t('print.kind')}</th>
              <th>{t('print.name')}</th>
              <th>{t('print.amount')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={moneyLines()}>
              {(m, index) => (
                <tr>
                  <td class="num">{index() + 1}</td>
                  <td>{m.kind}</td>
                  <td>{m.name}</td>
                  <td class="num">{moneyI18n.dong(m.amount)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <Show when={h().printHealthChecks && props.health}>
        {(health) => (
          <>
            <h2>{heading('health')}</h2>
            <table class="print-table print-health">
              <thead>
                <tr>
                  <th class="num-col">{t('print.no')}</th>
                  <th>{t('print.name')}</th>
                  <th class="measure-col">{t('print.weight')}</th>
                  <th class="measure-col">{t('print.bloodPressure')}</th>
                  <th class="measure-col">{t('print.glucose')}</th>
                  <th class="flag-col">{t('print.followUp')}</th>
                </tr>
              </thead>
              <tbody>
                <For
                  each={printHealthRows(
                    health().checks,
                    props.members.map((m) => m.id),
                    health().thresholds,
                  )}
                >
                  {(row, index) => (
                    <tr data-testid="print-health-row">
                      <td class="num">{index() + 1}</td>
                      <td class="print-name">{props.nameOf(row.check.memberId)}</td>
                      <td class="num">{decimal(row.check.weightKg)}</td>
                      <td class="num">
                        {row.check.systolic !== null
                          ? `${row.check.systolic}/${row.check.diastolic ?? ''}`
                          : ''}
                      </td>
                      <td class="num">{decimal(row.check.glucoseMmol)}</td>
                      <td>{row.flags.map((f) => t(`health.flag.${f}`)).join(', ')}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </>
        )}
      </Show>
      <p class="print-closing">{t('print.closing', { hour: closeHour, minute: closeMinute, ...date() })}</p>
      <div class="print-signatures">
        <div class="print-signature">
          <p class="print-sign-title">{t('print.secretaryTitle')}</p>
          <p class="print-sign-name">{props.nameOf(h().secretaryId)}</p>
        </div>
        <div class="print-signature">
          <p class="print-sign-title">{t('print.chairTitle')}</p>
          <p class="print-sign-name">{props.nameOf(h().chairId)}</p>
        </div>
      </div>
      <div class="print-recipients">
        <p class="print-recipients-title">{t('print.recipients')}</p>
        <For each={recipients()}>{(line) => <p>{line.startsWith('-') ? line : `- ${line}`}</p>}</For>
      </div>
    </article>
  );
}
