import { median } from './seed-tablet';

export interface Figure {
  figure: string;
  /** Chung Tay's value, formatted. */
  app: string;
  /** The bare reference page's value, where there is one. */
  bare?: string;
  /** Chung Tay ÷ bare page, or ÷ the reference the target names. */
  ratio?: number;
  target?: string;
  /** A line printed under the row (e.g. the request chain). */
  note?: string;
}

/** "median ms (min–max)". */
export function spread(values: readonly number[], digits = 0): string {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (v: number | undefined) => (v ?? Number.NaN).toFixed(digits);
  return `${f(median(sorted))} ms (${f(sorted[0])}–${f(sorted.at(-1))})`;
}

export function printFigures(title: string, figures: readonly Figure[]): void {
  const head = { figure: 'figure', app: 'Chung Tay', bare: 'bare page', ratio: 'ratio', target: 'target' };
  const rows = [
    head,
    ...figures.map((f) => ({
      figure: f.figure,
      app: f.app,
      bare: f.bare ?? '',
      ratio: f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}`,
      target: f.target ?? '',
    })),
  ];
  const width = (key: keyof typeof head) => Math.max(...rows.map((r) => r[key].length));
  const keys = Object.keys(head) as (keyof typeof head)[];
  console.log(`\n${title}`);
  for (const [i, row] of rows.entries()) {
    console.log(`  ${keys.map((k) => row[k].padEnd(width(k))).join('  ')}`.trimEnd());
    const note = i > 0 ? figures[i - 1]?.note : undefined;
    if (note) console.log(`    ${note}`);
  }
}
