import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { CheckboxField } from '../../ui/checkbox-field/checkbox-field';
import { ChoiceGroup } from '../../ui/choice-group/choice-group';
import { showToast } from '../../ui/toast/toast';
import '../roster-import/roster-file.css';
import { downloadBlob } from './download';
import { csvBlob, tableToCsv, tableToXlsx } from './export-table';
import {
  exportFileName,
  ROSTER_COLUMNS,
  type RosterColumn,
  type RosterWho,
  rosterColumns,
  rosterRows,
} from './roster-columns';

const DEFAULT_COLUMNS: readonly RosterColumn[] = [
  'fullName',
  'gender',
  'birthYear',
  'phone',
  'hamlet',
  'household',
  'ethnicMinority',
  'joinedOn',
  'role',
];

/**
 * /club/:clubId/export, a lazy route: the register as .xlsx or .csv, current and/or former members, the
 * chosen columns. Committee tablets only: the file holds personal data a supervisor's key should not carry.
 */
export default function ExportPage(): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useClub();
  const [who, setWho] = createSignal<RosterWho>('active');
  const [chosen, setChosen] = createSignal<readonly RosterColumn[]>(DEFAULT_COLUMNS);
  const [busy, setBusy] = createSignal(false);
  const rows = createMemo(() => rosterRows(session.club, who()));
  const name = (ext: string) =>
    `${exportFileName(t('rosterFile.fileName'), session.club.profile.name, session.today())}.${ext}`;

  const save = async (format: 'xlsx' | 'csv') => {
    const columns = rosterColumns(i18n, session.club, chosen());
    if (columns.length === 0) return showToast(t('rosterFile.noColumns'), 'error');
    setBusy(true);
    try {
      const blob =
        format === 'csv'
          ? csvBlob(tableToCsv(columns, rows()))
          : await tableToXlsx(columns, rows(), t('rosterFile.sheet'));
      downloadBlob(blob, name(format));
      showToast(t('rosterFile.saved', { name: name(format) }), 'success');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="roster-file">
      <a class="nav-link" href={`/club/${session.clubId}`}>
        {t('rosterFile.back')}
      </a>
      <h1>{t('rosterFile.exportTitle')}</h1>
      <Show
        when={session.role() !== 'viewer'}
        fallback={<p class="card muted">{t('rosterFile.viewerNoExport')}</p>}
      >
        <div class="card form">
          <p class="lead">{t('rosterFile.exportIntro')}</p>
          <ChoiceGroup
            label={t('rosterFile.who.label')}
            choices={(['active', 'left', 'all'] as const).map((value) => ({
              value,
              label: t(`rosterFile.who.${value}`),
            }))}
            value={who()}
            onChange={setWho}
          />
          <fieldset class="field">
            <legend class="field-label">{t('rosterFile.columnsLabel')}</legend>
            <div class="export-columns">
              <For each={ROSTER_COLUMNS}>
                {(column) => (
                  <CheckboxField
                    label={t(`rosterFile.col.${column}`)}
                    checked={chosen().includes(column)}
                    onChange={(on) =>
                      setChosen(on ? [...chosen(), column] : chosen().filter((c) => c !== column))
                    }
                  />
                )}
              </For>
            </div>
          </fieldset>
          <p class="lead" data-testid="export-count">
            {t('rosterFile.count', { count: rows().length })}
          </p>
          <p class="muted">{t('rosterFile.privacy')}</p>
          <div class="actions-row">
            <Button variant="primary" disabled={busy()} onClick={() => void save('xlsx')}>
              {t('rosterFile.xlsx')}
            </Button>
            <Button disabled={busy()} onClick={() => void save('csv')}>
              {t('rosterFile.csv')}
            </Button>
          </div>
        </div>
      </Show>
    </section>
  );
}
