import { createMemo, createSignal, For, type JSX, mapArray, onCleanup, onMount, Show } from 'solid-js';
import { openSummarySession, type SummarySession } from '../../data/summary/summary-session';
import { listKnownClubs, readDeviceUser } from '../../device/device';
import { formatDecimal, todayIso } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { SelectField } from '../../ui/select-field/select-field';
import { downloadBlob } from '../roster-export/download';
import { tableToXlsx } from '../roster-export/export-table';
import { AddClub } from './add-club';
import { RED_CROSS_FIGURES, supervisorColumns } from './supervisor-export';
import {
  arrangeLines,
  type ClubLine,
  type SortKey,
  toLine,
  updatedDay,
  updatedTime,
} from './supervisor-rows';
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
  const [adding, setAdding] = createSignal(false);
  let closed = false;
  const author = readDeviceUser() ?? { id: 'supervisor', name: t('clubs.guest') };
  const asked = new Set<string>();
  // Sessions that opened since the last frame join the table together: one update per frame, not one per
  // club (50 clubs re-sorted and re-rendered 50 times made the screen slow to settle).
  let arrived: Opened[] = [];
  const flush = () => {
    const batch = arrived;
    arrived = [];
    if (batch.length > 0) setOpened((list) => [...list, ...batch]);
  };
  /** Opens a followed club's summary from the tablet (then the relay); each club once. */
  const follow = (id: string, inviteName: string) => {
    if (asked.has(id)) return;
    asked.add(id);
    void openSummarySession(id, author, { canEditClub: () => false })
      .then((session) => {
        if (closed) return void session.close();
        if (arrived.push({ id, inviteName, session }) === 1) requestAnimationFrame(flush);
      })
      // A club whose copy cannot be opened stays out of the table; the others still show.
      .catch(() => asked.delete(id));
  };
  const followed = () => listKnownClubs().filter((c) => c.access?.role === 'viewer');

  onMount(() => {
    for (const club of followed()) follow(club.id, club.name);
  });
  onCleanup(() => {
    closed = true;
    for (const club of [...opened(), ...arrived]) void club.session.close();
  });
  const added = (id: string) => {
    setAdding(false);
    const club = followed().find((c) => c.id === id);
    if (club !== undefined) follow(club.id, club.name);
  };

  // One memo per club: a club's new figures rebuild its own line, and the rows of the others are kept.
  const today = todayIso();
  const clubLines = mapArray(opened, (c) =>
    createMemo(() => toLine({ id: c.id, inviteName: c.inviteName, summary: c.session.view }, today)),
  );
  const lines = createMemo(() => clubLines().map((line) => line()));
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
  // The rows as filtered and sorted on screen, through the roster export's writer.
  const exportXlsx = () =>
    void tableToXlsx(supervisorColumns(t), shown(), t('supervisor.sheetName')).then((blob) =>
      downloadBlob(blob, `tong-hop-cau-lac-bo-${todayIso()}.xlsx`),
    );
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
        <Button variant="secondary" onClick={() => setAdding(true)} data-testid="supervisor-add-open">
          {t('supervisor.addClub')}
        </Button>
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
        <Button variant="secondary" onClick={exportXlsx} disabled={shown().length === 0}>
          {t('supervisor.exportXlsx')}
        </Button>
      </div>
      <Show when={adding()}>
        <AddClub onAdded={added} onClose={() => setAdding(false)} />
      </Show>
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
                      <Show when={line.redCross}>
                        {(counts) => (
                          <div class="club-red-cross" data-testid="supervisor-red-cross">
                            <span>{t('supervisor.redCross.title')}</span>
                            <ul>
                              <For each={RED_CROSS_FIGURES}>
                                {(figure) => (
                                  <li data-figure={figure.name}>
                                    {t(`supervisor.redCross.${figure.name}`, {
                                      count: formatDecimal(figure.pick(counts()), i18n.locale(), 0),
                                    })}
                                  </li>
                                )}
                              </For>
                            </ul>
                          </div>
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
                          <td data-testid="supervisor-updated">
                            {t('supervisor.updatedAt', {
                              time: updatedTime(line.updatedAt),
                              date: i18n.date(updatedDay(line.updatedAt)),
                            })}
                          </td>
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
