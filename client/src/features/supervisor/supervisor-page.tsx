import { A } from '@solidjs/router';
import { createMemo, createSignal, For, type JSX, onCleanup, onMount, Show } from 'solid-js';
import { openSummarySession, type SummarySession } from '../../data/summary/summary-session';
import { listKnownClubs, readDeviceUser } from '../../device/device';
import { todayIso } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { SelectField } from '../../ui/select-field/select-field';
import { arrangeLines, type ClubLine, type SortKey, toLine } from './supervisor-rows';
import './supervisor.css';

interface Opened {
  readonly id: string;
  readonly inviteName: string;
  readonly session: SummarySession;
}

/**
 * The supervisor's screen: every club this tablet follows by a viewer invite, side by side, from the
 * summary documents (figures only). Works offline from what the tablet last received.
 */
export default function SupervisorPage(): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const [opened, setOpened] = createSignal<readonly Opened[]>([]);
  const [district, setDistrict] = createSignal('');
  const [commune, setCommune] = createSignal('');
  const [sort, setSort] = createSignal<SortKey>('place');
  let closed = false;

  onMount(() => {
    const author = readDeviceUser() ?? { id: 'supervisor', name: t('clubs.guest') };
    for (const club of listKnownClubs().filter((c) => c.access?.role === 'viewer')) {
      void openSummarySession(club.id, author, { canEditClub: () => false })
        .then((session) => {
          if (closed) return void session.close();
          setOpened((list) => [...list, { id: club.id, inviteName: club.name, session }]);
        })
        // A club whose copy cannot be opened stays out of the table; the others still show.
        .catch(() => undefined);
    }
  });
  onCleanup(() => {
    closed = true;
    for (const club of opened()) void club.session.close();
  });

  const lines = createMemo(() =>
    opened().map((c) => toLine({ id: c.id, inviteName: c.inviteName, summary: c.session.view }, todayIso())),
  );
  const shown = createMemo(() => arrangeLines(lines(), { district: district(), commune: commune() }, sort()));
  const choices = (pick: (l: ClubLine) => string) => [
    { value: '', label: t('supervisor.all') },
    ...[
      ...new Set(
        lines()
          .map(pick)
          .filter((v) => v !== ''),
      ),
    ]
      .sort()
      .map((v) => ({ value: v, label: v })),
  ];
  const pct = (value: number | null | undefined) =>
    value == null ? t('supervisor.none') : i18n.percent(value);
  const money = (value: number | null | undefined) =>
    value == null ? t('supervisor.none') : i18n.money(value);

  return (
    <main class="page supervisor-page">
      <h1>{t('supervisor.title')}</h1>
      <p class="lead">{t('supervisor.lead')}</p>
      <p class="print-only">{t('supervisor.printedOn', { date: i18n.date(todayIso()) })}</p>
      <div class="supervisor-tools no-print">
        <A class="btn btn-secondary" href="/join">
          {t('supervisor.addClub')}
        </A>
        <SelectField
          label={t('supervisor.district')}
          options={choices((l) => l.district)}
          value={district()}
          onChange={setDistrict}
        />
        <SelectField
          label={t('supervisor.commune')}
          options={choices((l) => l.commune)}
          value={commune()}
          onChange={setCommune}
        />
        <SelectField
          label={t('supervisor.sortBy')}
          options={(['place', 'members', 'below', 'updated'] as const).map((value) => ({
            value,
            label: t(`supervisor.sort.${value}`),
          }))}
          value={sort()}
          onChange={setSort}
        />
        <Button variant="secondary" onClick={() => window.print()}>
          {t('supervisor.print')}
        </Button>
      </div>
      <Show when={opened().length > 0} fallback={<p class="card">{t('supervisor.empty')}</p>}>
        <div class="supervisor-table-wrap">
          <table class="supervisor-table" data-testid="supervisor-table">
            <thead>
              <tr>
                <th scope="col">{t('supervisor.col.club')}</th>
                <th scope="col">{t('supervisor.col.members')}</th>
                <th scope="col">{t('supervisor.col.women')}</th>
                <th scope="col">{t('supervisor.col.older')}</th>
                <th scope="col">{t('supervisor.col.poor')}</th>
                <th scope="col">{t('supervisor.col.meetings')}</th>
                <th scope="col">{t('supervisor.col.attendance')}</th>
                <th scope="col">{t('supervisor.col.borrowed')}</th>
                <th scope="col">{t('supervisor.col.fund')}</th>
                <th scope="col">{t('supervisor.col.overdue')}</th>
                <th scope="col">{t('supervisor.col.reports')}</th>
                <th scope="col">{t('supervisor.col.updated')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={shown()}>
                {(line) => (
                  <tr
                    data-testid="supervisor-row"
                    classList={{ 'is-below': (line.row?.below.length ?? 0) > 0 }}
                  >
                    <th scope="row">
                      <span class="club-name">{line.name}</span>
                      <span class="club-place">
                        {[line.commune, line.district].filter(Boolean).join(', ')}
                      </span>
                      {/* The targets not met, in words, where the eye starts: not colour alone. */}
                      <Show when={line.row}>
                        {(row) => (
                          <span class="club-targets" data-testid="supervisor-targets">
                            {row().below.length === 0
                              ? t('supervisor.allMet')
                              : t('supervisor.belowLabel', {
                                  list: row()
                                    .below.map((b) => t(`supervisor.below.${b}`))
                                    .join(', '),
                                })}
                          </span>
                        )}
                      </Show>
                    </th>
                    <Show when={line.row} fallback={<td colspan="11">{t('supervisor.waiting')}</td>}>
                      {(row) => (
                        <>
                          <td>{row().members}</td>
                          <td>{pct(row().womenPct)}</td>
                          <td>{pct(row().olderPct)}</td>
                          <td>{pct(row().poorPct)}</td>
                          <td>{row().meetingsLast3Months}</td>
                          <td>{pct(row().attendancePct)}</td>
                          <td>{pct(row().borrowedPct)}</td>
                          <td>{money(row().fundSize)}</td>
                          <td>{money(row().overdueAmount)}</td>
                          <td>{row().reports}</td>
                          <td>{i18n.date(line.updatedAt?.slice(0, 10))}</td>
                        </>
                      )}
                    </Show>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </main>
  );
}
