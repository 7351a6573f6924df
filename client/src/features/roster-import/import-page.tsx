import { useNavigate } from '@solidjs/router';
import { createMemo, createSignal, type JSX, Match, Show, Switch } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { useClub } from '../../data/club/club-context';
import { Button } from '../../ui/button/button';
import { showToast } from '../../ui/toast/toast';
import { feedback } from '../shared/command-feedback';
import { ColumnMapping } from './column-mapping';
import { type ColumnGuess, type ColumnTarget, guessHeader } from './import-fields';
import { buildPreview, countDecisions, type RowDecision, toImportInput } from './import-preview';
import { PreviewList } from './preview-list';
import { MAX_ROWS, type ReadError, readTable, type Table } from './read-table';
import { useRosterFileI18n } from './roster-file-i18n';
import './roster-file.css';

interface Loaded {
  readonly name: string;
  readonly rows: Table;
  readonly dataStart: number;
  readonly columns: readonly ColumnGuess[];
}

/**
 * /club/:clubId/import, a lazy route: pick a file, match its columns, look at every row as it will be
 * saved, then one command writes the confirmed rows. Until "Nhập vào sổ" nothing touches the club.
 */
export default function ImportPage(): JSX.Element {
  const i18n = useRosterFileI18n();
  const { ft } = i18n;
  const session = useClub();
  const navigate = useNavigate();
  const [reading, setReading] = createSignal(false);
  const [error, setError] = createSignal<ReadError | { type: 'unreadable' } | null>(null);
  const [loaded, setLoaded] = createSignal<Loaded | null>(null);
  const [mapping, setMapping] = createStore<Record<number, ColumnTarget>>({});
  const [decisions, setDecisions] = createSignal<ReadonlyMap<number, RowDecision>>(new Map());

  const pick = async (file: File) => {
    setReading(true);
    setError(null);
    setLoaded(null);
    try {
      const result = await readTable(file);
      if (!result.ok) return void setError(result.error);
      const guess = guessHeader(result.rows);
      setMapping(reconcile(Object.fromEntries(guess.columns.map((c) => [c.index, c.target ?? 'skip']))));
      setDecisions(new Map());
      setLoaded({ name: file.name, rows: result.rows, ...guess });
    } catch {
      // A reader failing in a way it does not name (out of memory on a huge sheet): say so, change nothing.
      setError({ type: 'unreadable' });
    } finally {
      setReading(false);
    }
  };

  // "10.000 dòng": thousands with a dot, as Vietnamese writes them.
  const count = (n: number) =>
    new Intl.NumberFormat(i18n.locale() === 'vi' ? 'vi-VN' : 'en-GB', { useGrouping: true }).format(n);
  const errorText = (e: ReadError | { type: 'unreadable' }) =>
    ft(`fileError.${e.type}`, e.type === 'tooManyRows' ? { rows: count(e.rows), max: count(MAX_ROWS) } : {});

  const setColumn = (index: number, target: ColumnTarget) => {
    // One column per field: choosing a field elsewhere takes it off the column that had it.
    for (const [other, current] of Object.entries(mapping))
      if (Number(other) !== index && current === target && target !== 'skip')
        setMapping(Number(other), 'skip');
    setMapping(index, target);
  };
  const hasName = () => Object.values(mapping).some((m) => m === 'fullName' || m === 'givenName');
  const preview = createMemo(() => {
    const file = loaded();
    if (file === null || !hasName()) return null;
    const map = new Map(Object.entries(mapping).map(([i, target]) => [Number(i), target]));
    return buildPreview(file.rows, file.dataStart, map, session.club, session.today());
  });
  const counts = createMemo(() => {
    const rows = preview();
    return rows === null ? null : countDecisions(rows, decisions());
  });

  const [saving, setSaving] = createSignal(false);
  const confirm = async () => {
    const rows = preview();
    if (rows === null || saving()) return;
    const input = toImportInput(rows, decisions());
    setSaving(true);
    const result = await session.commands.importMembers(input).finally(() => setSaving(false));
    // The preview leaves out every row the model would refuse; should one slip through, nothing was written.
    if (!result.ok && result.error.type === 'invalid') return showToast(ft('rejected'), 'error');
    feedback(i18n, result);
    if (!result.ok) return;
    showToast(ft('done', { add: result.value.added.length, merge: result.value.merged.length }), 'success');
    navigate(`/club/${session.clubId}`);
  };

  return (
    <section class="roster-file">
      <a class="btn btn-quiet back-link" href={`/club/${session.clubId}`}>
        {ft('back')}
      </a>
      <h1>{ft('importTitle')}</h1>
      <Show when={session.canEdit()} fallback={<p class="card muted">{ft('readOnly')}</p>}>
        <div class="card roster-file-pick">
          <p class="lead">{ft('importIntro')}</p>
          <label class="btn btn-primary file-button">
            {ft('pick')}
            <input
              type="file"
              class="visually-hidden"
              accept=".xlsx,.csv,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              data-testid="import-file"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file !== undefined) void pick(file);
              }}
            />
          </label>
          <Switch>
            <Match when={reading()}>
              <p class="muted" role="status">
                {ft('reading')}
              </p>
            </Match>
            <Match when={error()}>
              {(e) => (
                <p class="banner banner-warning" role="alert" data-testid="import-error">
                  {`${errorText(e())} ${ft('nothingChanged')}`}
                </p>
              )}
            </Match>
            <Match when={loaded()}>
              {(file) => (
                <p class="muted">
                  {ft('fileInfo', {
                    name: file().name,
                    rows: file().rows.length - file().dataStart,
                  })}
                </p>
              )}
            </Match>
          </Switch>
        </div>
        <Show when={loaded()}>
          {(file) => (
            <>
              <div class="card">
                <h2>{ft('columnsTitle')}</h2>
                <p class="muted">{ft('columnsHelp')}</p>
                <ColumnMapping
                  columns={file().columns}
                  rows={file().rows}
                  dataStart={file().dataStart}
                  mapping={mapping}
                  onChange={setColumn}
                />
              </div>
              <Show when={preview()} fallback={<p class="banner banner-warning">{ft('needName')}</p>}>
                {(rows) => (
                  <div class="card">
                    <h2>{ft('previewTitle')}</h2>
                    <Show when={counts()}>
                      {(c) => (
                        <div class="import-summary" data-testid="import-summary">
                          <p class="lead">
                            {ft('summary', { add: c().add, merge: c().merge, skip: c().skip })}
                          </p>
                          <Show when={c().errors > 0}>
                            <p class="warning-text">{ft('errorsCount', { count: c().errors })}</p>
                          </Show>
                          <Show when={c().duplicates > 0}>
                            <p class="warning-text">{ft('duplicatesCount', { count: c().duplicates })}</p>
                          </Show>
                        </div>
                      )}
                    </Show>
                    <PreviewList
                      rows={rows()}
                      decisions={decisions()}
                      onDecide={(line, d) => setDecisions(new Map(decisions()).set(line, d))}
                    />
                  </div>
                )}
              </Show>
              <div class="actions-row import-actions">
                <Button
                  variant="primary"
                  disabled={saving() || (counts()?.add ?? 0) + (counts()?.merge ?? 0) === 0}
                  onClick={() => void confirm()}
                >
                  {ft('confirm')}
                </Button>
                <a class="btn btn-quiet" href={`/club/${session.clubId}`}>
                  {ft('back')}
                </a>
              </div>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}
