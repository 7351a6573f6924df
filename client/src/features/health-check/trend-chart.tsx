import type { HealthCheck, HealthThresholds } from '@chungtay/model';
import { createMemo, createSignal, For, type JSX, onCleanup, onMount, Show } from 'solid-js';
import { formatDecimal } from '../../i18n/format';
import { useHealthI18n } from './health-i18n';
import { MEASURES } from './measure-text';
import type { DrawnChart, TrendChartStyle, TrendChartText } from './trend-chart-draw';
import { buildTrendPanels, secondsDay, type TrendBand, type TrendPanel } from './trend-series';

/** The chart's height per panel, in CSS pixels: four panels and the table still fit a tablet's scroll. */
const PANEL_HEIGHT = 260;

/**
 * One member's readings across meetings, a panel per measure with the club's threshold bands shaded. The
 * charting code is fetched on first use (trend-chart-draw.ts); the table beside it says the same in rows
 * and is what a screen reader reads, each canvas carrying a one-sentence summary.
 */
export function TrendChart(props: {
  checks: readonly HealthCheck[];
  thresholds: HealthThresholds;
}): JSX.Element {
  const { h } = useHealthI18n();
  const panels = createMemo(() => buildTrendPanels(props.checks, props.thresholds, MEASURES));
  const [failed, setFailed] = createSignal(false);
  return (
    <section class="health-trend" aria-labelledby="health-trend-title" data-testid="health-trend">
      <h2 id="health-trend-title">{h('chart.title')}</h2>
      <Show when={!failed()} fallback={<p class="card muted">{h('chart.failed')}</p>}>
        <For each={panels()}>
          {(panel) => <TrendPanelChart panel={panel} onFailed={() => setFailed(true)} />}
        </For>
      </Show>
    </section>
  );
}

function TrendPanelChart(props: { panel: TrendPanel; onFailed: () => void }): JSX.Element {
  const i18n = useHealthI18n();
  const { t } = i18n;
  const label = () => t(`healthCheck.field.${props.panel.measure}`);
  const show = (value: number) => formatDecimal(value, i18n.locale());
  const bandWords = (band: TrendBand) =>
    i18n.h(`chart.band.${band.kind}`, { threshold: show(band.threshold) });
  const summary = () => {
    const { xs, ys } = props.panel;
    const taken = ys.filter((y) => y !== null).length;
    let lastIndex = ys.length - 1;
    while (lastIndex > 0 && ys[lastIndex] === null) lastIndex--;
    const lastValue = ys[lastIndex];
    return i18n.h('chart.summary', {
      measure: label(),
      count: taken,
      from: i18n.date(secondsDay(xs[0] ?? 0)),
      to: i18n.date(secondsDay(xs.at(-1) ?? 0)),
      last: lastValue === null || lastValue === undefined ? '' : show(lastValue),
      lastDay: i18n.date(secondsDay(xs[lastIndex] ?? 0)),
    });
  };
  let box: HTMLDivElement | undefined;
  let chart: DrawnChart | undefined;
  let watch: ResizeObserver | undefined;
  let gone = false;
  onMount(() => {
    const el = box;
    if (!el) return;
    import('./trend-chart-draw')
      .then(({ drawTrendChart }) => {
        if (gone) return;
        const text: TrendChartText = {
          day: (seconds) => i18n.date(secondsDay(seconds)),
          value: show,
          band: bandWords,
        };
        chart = drawTrendChart(el, props.panel, readStyle(el), text);
        el.dataset.drawn = 'true';
        watch = new ResizeObserver(() => chart?.resize(el.clientWidth));
        watch.observe(el);
      })
      // Offline before the chart's code was ever fetched: the table below still has every reading.
      .catch(() => props.onFailed());
  });
  onCleanup(() => {
    gone = true;
    watch?.disconnect();
    chart?.destroy();
  });
  return (
    <figure class="trend-panel" data-measure={props.panel.measure}>
      <figcaption class="trend-panel-title">{label()}</figcaption>
      <div class="trend-canvas" role="img" aria-label={summary()} ref={box} />
      <Show when={props.panel.bands.length > 0}>
        <p class="trend-legend">
          <For each={props.panel.bands}>
            {(band) => (
              <span class="trend-legend-item">
                <span class={`trend-swatch trend-swatch-${band.kind}`} aria-hidden="true" />
                {bandWords(band)}
              </span>
            )}
          </For>
        </p>
      </Show>
    </figure>
  );
}

/** The chart's colours come from health-check.css (custom properties), its size from the box. */
function readStyle(el: HTMLElement): TrendChartStyle {
  const css = getComputedStyle(el);
  const color = (name: string) => css.getPropertyValue(name).trim();
  return {
    width: el.clientWidth,
    height: PANEL_HEIGHT,
    line: color('--trend-line'),
    high: color('--trend-high'),
    low: color('--trend-low'),
    ink: color('--trend-ink'),
    grid: color('--trend-grid'),
    fontPx: Number.parseFloat(css.fontSize) || 18,
  };
}
