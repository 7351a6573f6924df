import { computeReportFigures, type MemberId, REPORT_SECTIONS, type ReportPeriod } from '@chungtay/model';
import { createMemo, createResource, createSignal, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import type { ReportBookViews } from '../../data/report/report-books';
import type { ReportSession } from '../../data/report/report-session';
import { publishReportToSummary } from '../../data/summary/summary-session';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { RichTextEditor } from '../../ui/rich-text-editor/rich-text-editor';
import { CommitField } from '../minutes/commit-field';
import { firstError, minutesFeedback } from '../minutes/minutes-feedback';
import { registeredSigner } from '../minutes/registered-signer';
import { downloadBlob } from '../roster-export/download';
import { csvBlob, tableToCsv, tableToXlsx } from '../roster-export/export-table';
import { ReportPrint } from './report-print';
import { ReportReopen } from './report-reopen';
import { type FigureRow, figureRows } from './report-rows';

/**
 * One opened report: the results table (live from the books until the chair approves, then frozen), the
 * header's number and place, the six narrative sections written together, approval, print, export and
 * the chair's reopening.
 */
export function ReportEditor(props: {
  session: ReportSession;
  books: ReportBookViews;
  period: ReportPeriod;
}): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const club = useClub();
  const view = props.session.view;
  const [approveFailed, setApproveFailed] = createSignal(false);
  const [draftNarrative, setDraftNarrative] = createSignal(props.session.narrative());
  const [draftBlocks, setDraftBlocks] = createSignal(props.session.narrativeBlocks());
  const print = () => {
    setDraftNarrative(props.session.narrative());
    setDraftBlocks(props.session.narrativeBlocks());
    window.print();
  };
  const editable = () => props.session.canEdit() && view.frozen === null;
  const commitHeader = (patch: { number?: string; place?: string }) =>
    firstError(i18n, minutesFeedback(i18n, props.session.commands.updateHeader(patch)));
  // Until approval the figures follow the books as they change; the approval freezes them.
  const books = () => ({
    club: club.club,
    health: props.books.health(),
    money: props.books.money(),
    care: props.books.care(),
  });
  const figures = createMemo(() => view.frozen?.figures ?? computeReportFigures(books(), props.period));
  const rows = createMemo(() => figureRows(figures()));
  const chair = () => club.club.members.find((m) => m.role === 'chair' && m.left === null);
  const label = (row: FigureRow) =>
    t(`report.fig.${row.key}` as never, {
      ...row.params,
      ...(row.params?.area ? { area: t(`report.area.${row.params.area}` as never) } : {}),
      ...(row.params?.skill ? { skill: t(`redCross.skill.${row.params.skill}` as never) } : {}),
      ...(row.params?.kind ? { kind: t(`redCross.kind.${row.params.kind}` as never) } : {}),
    });
  const shown = (row: FigureRow) =>
    row.unit === 'money'
      ? i18n.money(row.value)
      : row.unit === 'percent'
        ? i18n.percent(row.value)
        : String(row.value);
  const columns = [
    {
      title: t('report.column'),
      width: 50,
      cell: (r: FigureRow) => ({ type: 'text' as const, value: label(r) }),
    },
    {
      title: t('report.valueColumn'),
      width: 18,
      cell: (r: FigureRow) => ({ type: 'number' as const, value: Math.round(r.value * 10) / 10 }),
    },
  ];
  const [signing, setSigning] = createSignal(false);
  const approve = async () => {
    const person = chair();
    if (person === undefined || signing()) return;
    setSigning(true);
    try {
      const signer = await registeredSigner(club, i18n, person.id as MemberId, 'report.approveFailed');
      if (signer === null) return;
      const result = await props.session.commands.approve(person.id as MemberId, books(), signer);
      setApproveFailed(!result.ok);
      if (result.ok) publish();
    } catch {
      setApproveFailed(true);
    } finally {
      setSigning(false);
    }
  };
  // Rechecked when the approval changes (here or from another tablet) or a tablet key is registered.
  const [approvalStatus] = createResource(
    () => ({ at: view.approval?.at ?? '', keys: club.club.members.length }),
    () => props.session.verifyApproval(club.commands.tabletKeys()),
  );
  // Issue 15 §2: the approved report reaches the supervisors through the summary. Publishing again (a
  // second press, another tablet) keeps the first copy; a failure costs supervisors a report, never the
  // club's data, and the next approval screen opened publishes it again.
  const publish = () => {
    const entry = props.session.approvedEntry();
    if (entry === null) return;
    void publishReportToSummary(club.clubId, club.author, entry, {
      canEditClub: club.canEdit,
      accessChanges: club.onAccessChange,
    }).catch(() => undefined);
  };
  if (view.frozen) publish();
  // Reopened: the supervisors stop counting that approval until the chair approves again.
  const withdraw = (revision: number) => {
    const id = view.header?.reportId;
    if (id === undefined) return;
    void publishReportToSummary(
      club.clubId,
      club.author,
      { withdraw: { id, revision } },
      { canEditClub: club.canEdit, accessChanges: club.onAccessChange },
    ).catch(() => undefined);
  };
  const fileName = (ext: string) => `bao-cao-${props.period.from}-${props.period.to}.${ext}`;
  return (
    <>
      <div class="card no-print" data-testid="report-figures">
        <h2>{t('report.figures')}</h2>
        <p class="muted" data-testid="report-figures-state">
          {view.frozen
            ? t('report.frozen', { date: i18n.date(view.approval?.at.slice(0, 10)) })
            : t('report.live')}
        </p>
        <table class="report-table">
          <tbody>
            <For each={rows()}>
              {(row) => (
                <tr>
                  <th scope="row">{label(row)}</th>
                  <td class="num">{shown(row)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <div class="report-actions">
          <Button onClick={() => downloadBlob(csvBlob(tableToCsv(columns, rows())), fileName('csv'))}>
            {t('report.exportCsv')}
          </Button>
          <Button
            onClick={() =>
              void tableToXlsx(columns, rows(), t('report.nav')).then((b) =>
                downloadBlob(b, fileName('xlsx')),
              )
            }
          >
            {t('report.exportXlsx')}
          </Button>
        </div>
      </div>
      <div class="card no-print report-header-card" data-testid="report-header">
        <h2>{t('report.headerCard')}</h2>
        <CommitField
          label={t('report.number')}
          value={view.header?.number ?? ''}
          disabled={!editable()}
          onCommit={(number) => commitHeader({ number })}
        />
        <CommitField
          label={t('report.place')}
          value={view.header?.place ?? ''}
          disabled={!editable()}
          onCommit={(place) => commitHeader({ place })}
        />
        <Show when={view.frozen}>
          <p class="muted">{t('report.headerLocked')}</p>
        </Show>
      </div>
      <For each={REPORT_SECTIONS}>
        {(section) => (
          <div class="card no-print">
            <h2>{t(`report.section.${section}`)}</h2>
            <RichTextEditor
              label={t(`report.section.${section}`)}
              extensions={props.session.sectionExtensions(section)}
              holdRemote={props.session.holdRemote}
              editable={props.session.canEdit() && view.frozen === null}
              testId={`report-section-${section}`}
              labels={{
                toolbar: t('editor.toolbar'),
                bold: t('editor.bold'),
                italic: t('editor.italic'),
                heading: t('editor.heading'),
                bulletList: t('editor.bulletList'),
                orderedList: t('editor.orderedList'),
              }}
            />
          </div>
        )}
      </For>
      <div class="card no-print report-actions">
        <Show
          when={view.frozen}
          fallback={
            <Show when={chair()} fallback={<p class="muted">{t('report.noChair')}</p>}>
              <Button
                variant="primary"
                disabled={!props.session.canEdit() || signing()}
                onClick={() => void approve()}
                data-testid="report-approve"
              >
                {t('report.approve')}
              </Button>
            </Show>
          }
        >
          <p data-testid="report-approved">
            {t('report.approved', { date: i18n.date(view.approval?.at.slice(0, 10)) })}{' '}
            <strong data-signature={approvalStatus() ?? 'checking'}>
              {t(`signatures.${approvalStatus() ?? 'checking'}`)}
            </strong>
          </p>
        </Show>
        <Show when={approveFailed()}>
          <p role="alert">{t('report.approveFailed')}</p>
        </Show>
        <Button onClick={print} data-testid="report-print-button">
          {t('report.print')}
        </Button>
      </div>
      <ReportReopen session={props.session} chair={chair()} onReopened={withdraw} />
      <ReportPrint
        view={view}
        period={props.period}
        rows={rows()}
        narrative={view.frozen?.narrative ?? draftNarrative()}
        blocks={view.frozen ? view.frozen.blocks : draftBlocks()}
        label={label}
        value={shown}
        clubName={club.club.profile.name}
        chairName={chair()?.fullName ?? ''}
      />
    </>
  );
}
