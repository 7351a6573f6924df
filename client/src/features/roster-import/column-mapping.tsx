import { For, type JSX } from 'solid-js';
import { SelectField, type SelectOption } from '../../ui/select-field/select-field';
import type { CellValue } from './cell-values';
import { type ColumnGuess, type ColumnTarget, IMPORT_FIELDS } from './import-fields';
import { useRosterFileI18n } from './roster-file-i18n';

/** Excel's column letters, so "Cột C" can be found in the file: A…Z, AA… */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function sampleOf(rows: readonly (readonly CellValue[])[], from: number, index: number): string {
  for (let r = from; r < Math.min(rows.length, from + 20); r++) {
    const cell = rows[r]?.[index];
    if (cell instanceof Date) return cell.toISOString().slice(0, 10).split('-').reverse().join('/');
    if (cell !== null && cell !== undefined && String(cell).trim() !== '') return String(cell).trim();
  }
  return '';
}

/** One select per column of the file: what the app recognised, changeable, with "Bỏ qua" for the rest. */
export function ColumnMapping(props: {
  columns: readonly ColumnGuess[];
  rows: readonly (readonly CellValue[])[];
  dataStart: number;
  mapping: Readonly<Record<number, ColumnTarget>>;
  onChange: (index: number, target: ColumnTarget) => void;
}): JSX.Element {
  const { ft } = useRosterFileI18n();
  const options = (): SelectOption<ColumnTarget>[] => [
    { value: 'skip', label: ft('field.skip') },
    ...IMPORT_FIELDS.map((f) => ({ value: f, label: ft(`field.${f}`) })),
  ];
  return (
    <ul class="import-columns plain-list">
      <For each={props.columns}>
        {(column) => {
          const title = () => column.title || ft('untitled', { letter: columnLetter(column.index) });
          const sample = () => sampleOf(props.rows, props.dataStart, column.index);
          return (
            <li class="import-column" data-column={column.index}>
              <div class="import-column-source">
                <span class="import-column-title">
                  <span class="badge badge-muted">{columnLetter(column.index)}</span> {title()}
                </span>
                <span class="muted">{sample() === '' ? '' : ft('sample', { value: sample() })}</span>
              </div>
              <SelectField
                label={title()}
                hideLabel
                options={options()}
                value={props.mapping[column.index] ?? 'skip'}
                onChange={(target) => props.onChange(column.index, target)}
              />
            </li>
          );
        }}
      </For>
    </ul>
  );
}
