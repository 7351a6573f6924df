import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { pickDayTicks, type TrendBand, type TrendPanel } from './trend-series';

/**
 * Draws one panel of the member's health chart with uPlot. Only trend-chart.tsx imports this file, with a
 * dynamic import(), so uPlot is fetched when a member's health page shows a chart and by no other screen.
 */

/** Colours and size, read from the page's CSS (health-check.css) so the chart follows the app's look. */
export interface TrendChartStyle {
  readonly width: number;
  readonly height: number;
  readonly line: string;
  readonly high: string;
  readonly low: string;
  readonly ink: string;
  readonly grid: string;
  /** Axis text in CSS pixels: large, for a reader of 65. */
  readonly fontPx: number;
}

/** Every word and number the chart writes, from the catalogue and the locale. */
export interface TrendChartText {
  day(seconds: number): string;
  value(value: number): string;
  band(band: TrendBand): string;
}

export interface DrawnChart {
  resize(width: number): void;
  destroy(): void;
}

/** Room for one "05/03/2026" label on the x axis, in CSS pixels. */
const DAY_LABEL_PX = 150;

export function drawTrendChart(
  target: HTMLElement,
  panel: TrendPanel,
  style: TrendChartStyle,
  text: TrendChartText,
): DrawnChart {
  const font = `${style.fontPx}px system-ui, sans-serif`;
  const first = panel.xs[0] ?? 0;
  const last = panel.xs.at(-1) ?? first;
  // A fortnight each side, so the first and last readings are not drawn on the frame (one reading too).
  const margin = Math.max((last - first) * 0.04, 14 * 86_400);
  const options: uPlot.Options = {
    width: style.width,
    height: style.height,
    legend: { show: false },
    // Nothing to drag or hover: on a touch screen a cursor only hides the readings under a finger.
    cursor: { show: false, drag: { x: false, y: false } },
    scales: {
      x: { time: false, range: [first - margin, last + margin] },
      y: { range: [panel.range[0], panel.range[1]] },
    },
    axes: [
      {
        font,
        stroke: style.ink,
        size: style.fontPx * 2.6,
        grid: { stroke: style.grid, width: 1 },
        splits: (u) =>
          pickDayTicks(panel.xs, Math.max(1, Math.floor(u.bbox.width / uPlot.pxRatio / DAY_LABEL_PX))),
        values: (_u, splits) => splits.map((s) => text.day(s)),
      },
      {
        font,
        stroke: style.ink,
        size: style.fontPx * 3.6,
        space: style.fontPx * 2.5,
        grid: { stroke: style.grid, width: 1 },
        values: (_u, splits) => splits.map((s) => text.value(s)),
      },
    ],
    series: [
      {},
      {
        stroke: style.line,
        width: 3,
        spanGaps: true,
        points: { show: true, size: 12, width: 2, stroke: style.line, fill: style.line },
      },
    ],
    hooks: { drawClear: [(u) => shadeBands(u, panel.bands, style, text)] },
  };
  const chart = new uPlot(options, [[...panel.xs], [...panel.ys]], target);
  return {
    resize: (width) => chart.setSize({ width, height: style.height }),
    destroy: () => chart.destroy(),
  };
}

/** The club's bands under the line: a filled stretch, its threshold as a dashed line and its words. */
function shadeBands(
  u: uPlot,
  bands: readonly TrendBand[],
  style: TrendChartStyle,
  text: TrendChartText,
): void {
  const { ctx } = u;
  const { left, width } = u.bbox;
  const ratio = uPlot.pxRatio;
  ctx.save();
  for (const band of bands) {
    const top = u.valToPos(band.to, 'y', true);
    const bottom = u.valToPos(band.from, 'y', true);
    ctx.fillStyle = band.kind === 'high' ? style.high : style.low;
    ctx.fillRect(left, Math.min(top, bottom), width, Math.abs(bottom - top));
    const edge = u.valToPos(band.threshold, 'y', true);
    ctx.strokeStyle = style.ink;
    ctx.lineWidth = ratio;
    ctx.setLineDash([6 * ratio, 4 * ratio]);
    ctx.beginPath();
    ctx.moveTo(left, edge);
    ctx.lineTo(left + width, edge);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = style.ink;
    ctx.font = `${Math.round(style.fontPx * 0.9 * ratio)}px system-ui, sans-serif`;
    ctx.textAlign = 'right';
    // The words sit inside the band, next to its threshold line.
    ctx.textBaseline = band.kind === 'high' ? 'bottom' : 'top';
    ctx.fillText(
      text.band(band),
      left + width - 8 * ratio,
      band.kind === 'high' ? edge - 4 * ratio : edge + 4 * ratio,
    );
  }
  ctx.restore();
}
