import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { Button } from '../../ui/button/button';
import { CheckboxField } from '../../ui/checkbox-field/checkbox-field';
import { ChoiceGroup } from '../../ui/choice-group/choice-group';
import { showToast } from '../../ui/toast/toast';
import '../roster-import/roster-file.css';
import { useRosterFileI18n } from '../roster-import/roster-file-i18n';
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
  const i18n = useRosterFileI18n();
  const { ft } = i18n;
  const session = useClub();
  const [who, setWho] = createSignal<RosterWho>('active');
  const [chosen, setChosen] = createSignal<readonly RosterColumn[]>(DEFAULT_COLUMNS);
  const [busy, setBusy] = createSignal(false);
  const rows = createMemo(() => rosterRows(session.club, who()));
  const name = (ext: string) =>
    `${exportFileName(ft('fileName'), session.club.profile.name, session.today())}.${ext}`;

  const save = async (format: 'xlsx' | 'csv') => {
    const columns = rosterColumns(i18n, session.club, chosen());
    if (columns.length === 0) return showToast(ft('noColumns'), 'error');
    setBusy(true);
    try {
      const blob =
        format === 'csv'
          ? csvBlob(tableToCsv(columns, rows()))
          : await tableToXlsx(columns, rows(), ft('sheet'));
      downloadBlob(blob, name(format));
      showToast(ft('saved', { name: name(format) }), 'success');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="roster-file">
      <a class="btn btn-quiet back-link" href={`/club/${session.clubId}`}>
        {ft('back')}
      </a>
      <h1>{ft('exportTitle')}</h1>
      <Show when={session.role() !== 'viewer'} fallback={<p class="card muted">{ft('viewerNoExport')}</p>}>
        <div class="card form">
          <p class="lead">{ft('exportIntro')}</p>
          <ChoiceGroup
            label={ft('who.label')}
            choices={(['active', 'left', 'all'] as const).map((value) => ({
              value,
              label: ft(`who.${value}`),
            }))}
            value={who()}
            onChange={setWho}
          />
          <fieldset class="field">
            <legend class="field-label">{ft('columnsLabel')}</legend>
            <div class="export-columns">
              <For each={ROSTER_COLUMNS}>
                {(column) => (
                  <CheckboxField
                    label={ft(`col.${column}`)}
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
            {ft('count', { count: rows().length })}
          </p>
          <p class="muted">{ft('privacy')}</p>
          <div class="actions-row">
            <Button variant="primary" disabled={busy()} onClick={() => void save('xlsx')}>
              {ft('xlsx')}
            </Button>
            <Button disabled={busy()} onClick={() => void save('csv')}>
              {ft('csv')}
            </Button>
          </div>
        </div>
      </Show>
    </section>
  );
}
